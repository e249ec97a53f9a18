/**
 * Every word the renderer shows a person, in one place.
 *
 * Screens never hard-code text: they read it from here, so a translation replaces this one object.
 * Messages that need values are functions; everything that comes from main (validation messages,
 * preset quirks, discovery reasons) is already worded there and shown as it arrives.
 */
import type { PasswordState, SecurityMode } from '../preload/contract/accounts';
import type { Confidence } from '../preload/contract/providers';

export const strings = {
  app: {
    name: 'Mailwarden',
    tagline: 'Mail account security, checked on your own computer',
    loading: 'Loading your accounts…',
    loadFailedTitle: 'Your accounts could not be loaded',
    retry: 'Try again',
    bridgeMissing:
      'Mailwarden’s connection to its main process is missing. Open this window from the Mailwarden app.',
    warningsTitle: 'Please read this',
  },

  welcome: {
    title: 'Check that your business email is safe',
    lead: 'Mailwarden tests your mail accounts the way a careful mail administrator would, and explains every result in plain words, with the exact fix.',
    checksTitle: 'What Mailwarden checks',
    checks: [
      {
        title: 'Server connection and encryption',
        body: 'Whether your mail server answers, and whether it protects the connection with current encryption.',
      },
      {
        title: 'Login safety',
        body: 'Whether your password is only ever sent over an encrypted, verified connection.',
      },
      {
        title: 'Spam abuse',
        body: 'Whether strangers could use your server to send spam, or to send mail that pretends to be you.',
      },
      {
        title: 'Your domain’s sender records',
        body: 'Whether SPF, DKIM and DMARC are set up, so other mail servers can tell your real mail from forgeries.',
      },
    ],
    privacyTitle: 'Nothing leaves this computer',
    privacy: [
      'Passwords go straight into your system keychain. Mailwarden’s own files never contain them, and they are never shown again.',
      'No third-party service sees your domain, your password or your results. Every test runs from this computer.',
    ],
    start: 'Add your first account',
  },

  accounts: {
    title: 'Your accounts',
    add: 'Add account',
    count: (n: number) => (n === 1 ? '1 account' : `${n} accounts`),
    ungrouped: 'Not in a client group',
    server: 'Server',
    security: 'Security',
    password: 'Password',
    username: 'Sign-in name',
    hostPort: (host: string, port: number) => `${host}:${port}`,
    passwordBadge: {
      stored: 'Stored in keychain',
      missing: 'Missing',
      unknown: 'Unknown: keychain not reachable',
    } satisfies Record<PasswordState, string>,
    replacePassword: 'Replace password',
    setPassword: 'Add password',
    remove: 'Remove',
    actionsFor: (label: string) => `Actions for ${label}`,
    confirmRemoveTitle: (label: string) => `Remove ${label}?`,
    confirmRemoveBody:
      'Mailwarden forgets this account and deletes its password from your system keychain. Your mailbox itself is not touched.',
    confirmRemove: 'Remove account',
    cancel: 'Cancel',
    removing: (label: string) => `Removing ${label}…`,
    removed: (label: string) => `${label} was removed, and its password was deleted from the keychain.`,
    added: (label: string) => `${label} was added. Its password is in your system keychain.`,
    addedNoPassword: (label: string) => `${label} was added without a password.`,
  },

  replacePassword: {
    title: (label: string) => `New password for ${label}`,
    label: 'New password',
    hint: 'It replaces the one in your system keychain. Mailwarden never shows it again.',
    save: 'Save password',
    saving: 'Saving password…',
    cancel: 'Cancel',
    required: 'Enter the new password.',
    saved: (label: string) => `The password for ${label} was replaced.`,
  },

  security: {
    name: {
      tls: 'TLS (encrypted from the start)',
      starttls: 'STARTTLS (encryption switched on after connecting)',
      none: 'No encryption',
    } satisfies Record<SecurityMode, string>,
    short: {
      tls: 'TLS',
      starttls: 'STARTTLS',
      none: 'Not encrypted',
    } satisfies Record<SecurityMode, string>,
    explain: {
      tls: 'The connection is encrypted from the first byte. Usually port 465.',
      starttls:
        'The server starts in plain text and switches encryption on before you sign in. Usually port 587.',
      none: 'Nothing is encrypted. Mailwarden tests the server but never sends your password this way.',
    } satisfies Record<SecurityMode, string>,
  },

  addAccount: {
    title: 'Add an account',
    lead: 'Tell Mailwarden how this mailbox sends mail. You can change everything later.',
    back: 'Back to your accounts',
    sectionAccount: 'The account',
    sectionServer: 'Server settings',
    sectionSignIn: 'Signing in',
    sectionMore: 'More options',
    moreHint: 'Optional. Leave these empty if you are not sure.',
    email: 'Email address',
    emailHint: 'The address this account sends from.',
    label: 'Name for this account',
    labelHint: 'Shown in your list, for example “Shop orders”.',
    domain: 'Domain',
    domainHint: 'Filled in from the email address. Change it only if mail is sent for another domain.',
    host: 'Outgoing mail server (SMTP)',
    hostHint: 'For example smtp.example.com.',
    port: 'Port',
    portHint: 'Usually 587 or 465.',
    portNotNumber: 'Enter the port as a whole number, for example 587.',
    security: 'Connection security',
    username: 'Sign-in name',
    usernameHint: 'Usually your full email address. Leave empty to use it.',
    password: 'Password',
    passwordHint:
      'Saved in your system keychain, never in Mailwarden’s files. After saving it is never shown again.',
    dkimSelectors: 'DKIM selectors',
    dkimHint: 'Names your provider gave you for DKIM keys, separated by commas (for example “s1, s2”).',
    clientGroup: 'Client group',
    clientGroupHint: 'For consultants: group accounts by client.',
    save: 'Save account',
    saving: 'Saving account…',
    cancel: 'Cancel',
  },

  method: {
    legend: 'How would you like to fill in the server settings?',
    preset: 'Choose my email provider',
    discover: 'Find my server settings',
    manual: 'Enter them myself',
  },

  presets: {
    label: 'Email provider',
    placeholder: 'Choose a provider…',
    loading: 'Loading providers…',
    loadFailed: 'The provider list could not be loaded. You can still enter the settings yourself.',
    endpoint: 'Server to use',
    endpointHint: 'Pick the one your provider told you to use; the first is the usual choice.',
    usernameHint: (hint: string) => `Sign-in name: ${hint}`,
    quirksTitle: (name: string) => `Good to know about ${name}`,
    unconfirmed: 'Not yet confirmed',
    confidence: {
      documented: 'From the provider’s own documentation',
      secondary: 'From other sources',
      unconfirmed: 'Not yet confirmed: check it with your provider',
    } satisfies Record<Confidence, string>,
    filled: (name: string) => `Server settings filled in from ${name}.`,
  },

  discovery: {
    intro: 'Mailwarden looks up your domain’s public mail records from this computer to suggest settings.',
    needEmail: 'Enter your email address first, so Mailwarden knows which domain to look up.',
    run: 'Find my server settings',
    running: (domain: string) => `Looking up ${domain}…`,
    found: (n: number, domain: string) =>
      n === 1 ? `Found 1 suggestion for ${domain}.` : `Found ${n} suggestions for ${domain}.`,
    none: (domain: string) =>
      `No server settings could be found for ${domain}. Ask your provider for them and enter them yourself.`,
    use: 'Use these settings',
    useFor: (host: string, port: number) => `Use ${host}:${port}`,
    used: (host: string, port: number) => `Server settings filled in: ${host}:${port}.`,
    steps: 'How Mailwarden looked',
    resolver: (resolver: string) => `DNS resolver: ${resolver}`,
  },

  forms: {
    optional: 'optional',
    required: 'required',
    errorPrefix: 'Error:',
    summaryTitle: 'Please check these fields',
  },
} as const;

export type Strings = typeof strings;
