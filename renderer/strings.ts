/**
 * Every word the renderer shows a person, in one place.
 *
 * Screens never hard-code text: they read it from here, so a translation replaces this one object.
 * Messages that need values are functions; everything that comes from main (validation messages,
 * preset quirks, discovery reasons) is already worded there and shown as it arrives.
 */
import type { OAuthProviderName, PasswordState, SecurityMode } from '../preload/contract/accounts';
import type { SignInChoice } from './features/add-account/account-form-state';
import type {
  Confidence,
  DiscoverySource,
  IncomingDiscoverySource,
  SecretKind,
} from '../preload/contract/providers';
import type { Severity } from '../preload/contract/findings';
import type { CertificateWarning } from '../preload/contract/settings';
import type { DeskSort } from './features/accounts/desk-model';

/** Provider names in the account facts: "OAuth with Microsoft 365". */
const methodProvider: Record<OAuthProviderName, string> = {
  microsoft: 'Microsoft 365',
  google: 'Google',
  oidc: 'an OpenID provider',
};

/**
 * What an audit covers, in four plain areas: one list for the welcome screen and both plans, so the
 * promise made before an account exists is the one the plan repeats.
 */
const CHECKED_AREAS: readonly { readonly title: string; readonly body: string }[] = [
  {
    title: 'Server connection and encryption',
    body: 'Whether the server answers on the usual mail ports, and whether it encrypts the connection with current TLS and a valid certificate.',
  },
  {
    title: 'Login',
    body: 'Whether the password can only travel over an encrypted, verified connection, and which sign-in methods the server offers.',
  },
  {
    title: 'Abuse protection',
    body: 'Whether strangers could send spam through the server, or send mail that pretends to come from you.',
  },
  {
    title: 'Your domain’s records',
    body: 'The domain’s public DNS records for mail: MX, SPF, DKIM, DMARC, MTA-STS, TLS reporting, BIMI and DANE.',
  },
];

/** "selector mw" or "selectors mw and s2". */
function selectorWords(selectors: readonly string[]): string {
  return selectors.length === 1
    ? `selector ${selectors[0] ?? ''}`
    : `selectors ${selectors.slice(0, -1).join(', ')} and ${selectors.at(-1) ?? ''}`;
}

export const strings = {
  app: {
    skipToMain: 'Skip to main content',
    name: 'Mailwarden',
    tagline: 'Mail account security, checked on your own computer',
    loading: 'Loading your accounts…',
    loadFailedTitle: 'Your accounts could not be loaded',
    retry: 'Try again',
    bridgeMissing:
      'Mailwarden’s connection to its main process is missing. Open this window from the Mailwarden app.',
    warningsTitle: 'Please read this',
    settings: 'Settings',
    navLabel: 'Mailwarden',
  },

  welcome: {
    title: 'Check that your business email is safe',
    lead: 'Mailwarden tests your mail accounts the way a careful mail administrator would, and explains every result in plain words, with the exact fix.',
    checksTitle: 'What Mailwarden checks',
    checks: CHECKED_AREAS,
    privacyTitle: 'Nothing leaves this computer',
    privacy: [
      'Passwords go straight into your system keychain. Mailwarden’s own files never contain them, and they are never shown again.',
      'No third-party service sees your domain, your password or your results. Every test runs from this computer.',
    ],
    start: 'Add your first account',
    keychain: {
      lockedTitle: 'Your keychain is locked',
      locked:
        'Unlock it before you add an account, so Mailwarden can store the password there. Until then, an account can be saved without a password; its login is then only inspected, never signed in.',
      unavailableTitle: 'No keychain is reachable on this computer',
      unavailable:
        'Mailwarden stores passwords only in your system keychain, never in its own files. Without one, accounts are saved without a password and their login is only inspected. On Linux, install and start gnome-keyring or another Secret Service provider.',
    },
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
      locked: 'Unknown: keychain locked',
    } satisfies Record<PasswordState | 'locked', string>,
    replacePassword: 'Replace password',
    setPassword: 'Add password',
    remove: 'Remove',
    edit: 'Edit',
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
    addedSignedIn: (label: string) => `${label} was added and is signed in.`,
    addedSignedInAs: (label: string, address: string) => `${label} was added and is signed in as ${address}.`,
    addedNotSignedIn: (label: string) =>
      `${label} was added but is not signed in yet: use “Sign in” under More.`,
  },

  desk: {
    toolbar: 'Find accounts',
    search: 'Search',
    searchHint: 'Name, address, server or client',
    client: 'Client',
    allClients: 'All clients',
    noClient: 'Not in a client group',
    attention: 'Needs attention only',
    sort: 'Sort by',
    sorts: {
      client: 'Client',
      grade: 'Worst grade first',
      date: 'Last tested',
      name: 'Name',
    } satisfies Record<DeskSort, string>,
    showing: (shown: number, all: number) =>
      shown === all ? `${all} ${all === 1 ? 'account' : 'accounts'}` : `${shown} of ${all} accounts shown`,
    noneMatch: 'No account matches. Clear the search or choose another client.',
    clearFilters: 'Show all accounts',
    notTested: 'Not tested yet',
    cancelledRun: 'Last test cancelled',
    noGrade: 'No grade',
    grade: (grade: string) => `Grade ${grade}`,
    noProblems: 'No open problems',
    worstLabel: 'Worst open problem',
    change: {
      better: 'Better',
      worse: 'Worse',
      same: 'No change',
      newProblems: (n: number) => `${n} new`,
      fixed: (n: number) => (n === 1 ? '1 fixed' : `${n} fixed`),
      first: 'First test',
    },
    urgentTitle: 'Needs a look first',
    urgent: (label: string) => `Open the history of ${label}`,
    /** Its accessible name is strings.audit.testAccount, which begins with these words (WCAG 2.5.3). */
    test: 'Test',
    more: 'More',
    moreLabel: (label: string) => `More actions for ${label}`,
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

  incomingSection: {
    title: 'Incoming mail',
    lead: 'The server this account reads mail from, so Mailwarden can test it too. Leave it out if you only send.',
    choice: 'Reading mail',
    choices: {
      none: 'Not in Mailwarden',
      imap: 'IMAP (mail stays on the server)',
      pop3: 'POP3 (mail is downloaded)',
    } satisfies Record<'none' | 'imap' | 'pop3', string>,
    host: 'Incoming server',
    hostHint: 'For example imap.example.com.',
    port: 'Incoming port',
    portHint: 'Usually 993 for IMAP or 995 for POP3 (encrypted from the start).',
    portNotNumber: 'Enter the incoming port as a number, like 993.',
    security: 'Incoming security',
    explain: {
      tls: 'The connection is encrypted from the first byte. Usually port 993 (IMAP) or 995 (POP3).',
      starttls:
        'The server starts in plain text and switches encryption on before you sign in. Usually 143 or 110.',
      none: 'Nothing is encrypted. Mailwarden tests the server but never sends your password this way.',
    } satisfies Record<SecurityMode, string>,
    username: 'Incoming user name',
    usernameHint: 'Leave empty to use the sending user name.',
    passwordChoice: 'Incoming password',
    shared: 'Same password as sending',
    own: 'Its own password',
    ownHint: 'Kept in your system keychain under its own entry.',
    password: 'Password for reading mail',
    passwordHintNew: 'Saved in your system keychain, never in Mailwarden’s files. You can also add it later.',
    passwordHintEdit: 'Leave empty to keep the one stored.',
    passwordNotStored: (message: string) =>
      `The account was saved, but the incoming password could not be stored: ${message}`,
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

  editAccount: {
    title: (label: string) => `Edit ${label}`,
    lead: 'Change any setting. The account keeps its history: earlier runs stay, each with the server it tested.',
    passwordElsewhere:
      'The password is not changed here: use “Replace password” in your list, so it goes straight to your system keychain.',
    save: 'Save changes',
    saving: 'Saving changes…',
    saved: (label: string) => `${label} was saved.`,
    savedSignedInAs: (label: string, address: string) => `${label} was saved and is signed in as ${address}.`,
    savedServerChanged: (label: string, runs: number, oldServer: string) =>
      `${label} was saved with a new server. ${
        runs === 1 ? 'The earlier run in its history' : `The ${runs} earlier runs in its history`
      } tested another server (${oldServer}); the next test checks the new one.`,
  },

  signIn: {
    legend: 'How this account signs in',
    hint: 'Microsoft 365 and Google business accounts sign in on the provider’s own page in your browser (OAuth), as Outlook and phone mail apps do.',
    choice: {
      password: 'With a password',
      microsoft: 'Sign in with Microsoft',
      google: 'Sign in with Google',
      oidc: 'Sign in with another provider',
    } satisfies Record<SignInChoice, string>,
    explain: {
      password: 'A password or app password, kept in your system keychain.',
      microsoft:
        'Microsoft 365 work or school accounts. From the end of 2026 they no longer accept passwords for sending.',
      google: 'Google Workspace and Gmail, without an app password.',
      oidc: 'Any OpenID provider your mail server trusts, such as Keycloak, named by its issuer URL.',
    } satisfies Record<SignInChoice, string>,
    provider: {
      microsoft: 'Microsoft 365',
      google: 'Google',
      oidc: 'your provider',
    } satisfies Record<OAuthProviderName, string>,
    issuer: 'Issuer URL',
    issuerHint: 'The address of the provider, for example https://login.example.com/realms/mail.',
    clientId: 'Client ID',
    clientIdHint:
      'The ID of the app registered for Mailwarden with this provider (see docs/oauth.md). Mailwarden ships none of its own.',
    noPasswordHere: 'No password is kept: after saving you sign in on the provider’s page in your browser.',
    saveAndSignIn: 'Save and sign in',
    stepTitle: (label: string) => `Sign in to ${label}`,
    stepLead: 'Mailwarden keeps only what lets it test this account again later, in your system keychain.',
    start: (provider: string) => `Sign in with ${provider}`,
    again: 'Sign in again',
    starting: 'Opening your browser…',
    waitingTitle: 'Finish signing in in your browser',
    waiting: (provider: string) =>
      `Mailwarden opened ${provider}’s sign-in page in your browser. Sign in and allow access there, then come back: this page updates by itself. It waits up to five minutes.`,
    cancel: 'Cancel sign-in',
    cancelled: 'The sign-in was cancelled. Nothing was stored.',
    failedTitle: 'The sign-in did not work',
    signedInTitle: 'Signed in',
    signedInAs: (address: string) => `Signed in as ${address}.`,
    signedInNoAddress: 'Signed in. The provider did not say which address.',
    statusSignedIn: 'Signed in: the sign-in is kept in your system keychain.',
    statusSignedOut: 'Not signed in yet.',
    statusUnknown: 'Unknown: the keychain could not be asked.',
    checking: 'Checking the sign-in…',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signedOut: {
      revoked: 'Signed out: the provider ended the sign-in and it was deleted from your keychain.',
      'not-offered':
        'Signed out: the sign-in was deleted from your keychain (this provider offers no way to end it from here).',
      'nothing-stored': 'Signed out. Nothing was stored.',
      failed: (reason: string) =>
        `Deleted from your keychain, but the provider could not be told to end the sign-in, so it may still hold it: ${reason}`,
    },
    notWithdrawn: {
      title: 'The provider may still hold the sign-in',
      failed: (reason: string) =>
        `The sign-in was deleted on this computer, but the provider could not be told, so it may still hold it. ${reason}`,
      notOffered:
        'The sign-in was deleted on this computer, but this provider offers no way to end it from here, so it may still hold it.',
    },
    done: 'Done',
    later: 'Sign in later',
    methodFact: 'Signs in with',
    signedInAsFact: 'Signed in as',
    otherMailbox: (email: string) =>
      `This is not ${email}: the tests would prove that other mailbox, not this account’s. Sign in again as ${email}.`,
    keychainFact: 'OAuth sign-in',
    rowMethod: (provider: OAuthProviderName) => `OAuth · ${methodProvider[provider]}`,
    signInAction: 'Sign in',
    rowSignedIn: (label: string) => `${label} is signed in.`,
    rowSignedInAs: (label: string, address: string) => `${label} is signed in as ${address}.`,
    rowSignedOut: (label: string) => `${label} is signed out.`,
    method: (provider: OAuthProviderName) => `OAuth with ${methodProvider[provider]}`,
    badge: {
      stored: 'Signed in',
      missing: 'Not signed in',
      unknown: 'Unknown: keychain not reachable',
      locked: 'Unknown: keychain locked',
    } satisfies Record<PasswordState | 'locked', string>,
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

  quickSetup: {
    title: 'Add an account',
    lead: 'Enter the address and its password; Mailwarden finds the server settings from the domain’s own records.',
    email: 'Email address',
    emailHint: 'The address this account sends from.',
    passwordHint: 'Saved in your system keychain, never in Mailwarden’s files. You can also add it later.',
    find: 'Find settings',
    finding: (domain: string) => `Looking up ${domain}…`,
    needEmail: 'Enter a whole email address, like ann@example.com.',
    foundTitle: 'Configuration found',
    found: (host: string, port: number, security: string) =>
      `Configuration found: ${host}:${port}, ${security}`,
    securityWords: {
      tls: 'encrypted',
      starttls: 'encrypted after connecting (STARTTLS)',
      none: 'not encrypted',
    } satisfies Record<SecurityMode, string>,
    recommended: '(recommended)',
    foundIn: (where: string) => `Found in ${where}.`,
    sourceName: {
      'srv-submissions': 'the domain’s DNS records (SRV)',
      'srv-submission': 'the domain’s DNS records (SRV)',
      autoconfig: 'the domain’s own autoconfig file',
      'mx-provider': 'the provider behind the domain’s MX records',
      'email-domain-provider': 'the known settings of the address’s provider',
      guess: 'a guess: the server name exists in DNS',
    } satisfies Record<DiscoverySource, string>,
    otherServers: 'Servers found',
    incomingFound: (protocol: string, host: string, port: number, security: string, where: string) =>
      `Reading mail (${protocol}): ${host}:${port}, ${security}, found in ${where}. It uses the same password.`,
    incomingNotFound:
      'No server to read mail from (IMAP or POP3) was found; you can add one later with Edit.',
    incomingSourceName: {
      'srv-imaps': 'the domain’s DNS records (SRV)',
      'srv-imap': 'the domain’s DNS records (SRV)',
      'srv-pop3s': 'the domain’s DNS records (SRV)',
      'srv-pop3': 'the domain’s DNS records (SRV)',
      autoconfig: 'the domain’s own autoconfig file',
      'mx-provider': 'the provider behind the domain’s MX records',
      'email-domain-provider': 'the known settings of the address’s provider',
    } satisfies Record<IncomingDiscoverySource, string>,
    notFoundTitle: 'No configuration found',
    notFound: (domain: string) =>
      `Mailwarden found no server settings for ${domain}. Ask your provider for them and enter them yourself.`,
    failed: 'The lookup could not run.',
    provider: (name: string) => `Provider: ${name}`,
    saveAndTest: 'Save and test',
    saving: 'Saving account…',
    manual: 'Configure manually',
    cancel: 'Cancel',
    steps: 'How Mailwarden looked',
  },

  secretLabel: {
    password: 'Password',
    'app-password': 'App password',
    'api-key': 'API key',
    'smtp-key': 'SMTP key',
    'bridge-password': 'Bridge password',
  } satisfies Record<SecretKind | 'password', string>,

  discovery: {
    intro: 'Mailwarden looks up your domain’s public mail records from this computer to suggest settings.',
    needEmail: 'Enter your email address first, so Mailwarden knows which domain to look up.',
    run: 'Find my server settings',
    running: (domain: string) => `Looking up ${domain}…`,
    found: (n: number, domain: string) =>
      n === 1 ? `Found 1 suggestion for ${domain}.` : `Found ${n} suggestions for ${domain}.`,
    none: (domain: string) =>
      `No server settings could be found for ${domain}. Ask your provider for them and enter them yourself.`,
    /** The button's visible text is its whole name (WCAG 2.5.3 Label in Name). */
    useFor: (host: string, port: number) => `Use ${host}:${port}`,
    used: (host: string, port: number) => `Server settings filled in: ${host}:${port}.`,
    steps: 'How Mailwarden looked',
    resolver: (resolver: string) => `DNS resolver: ${resolver}`,
  },

  settings: {
    title: 'Settings',
    lead: 'These apply to every account and every check Mailwarden runs.',
    back: 'Back',
    leave: {
      title: 'Leave Settings without saving?',
      body: (sections: readonly string[]) =>
        `Not saved yet: ${sections.join(', ')}. Leaving now drops these changes; saved settings stay as they are.`,
      stay: 'Keep editing',
      leave: 'Leave without saving',
    },
    loading: 'Loading your settings…',
    loadFailedTitle: 'Your settings could not be loaded',
    retry: 'Try again',
    save: 'Save settings',
    saving: 'Saving settings…',
    warningsTitle: 'Please read this',
  },

  dnsResolver: {
    title: 'DNS resolver',
    intro:
      'Mailwarden reads your domain’s public mail records (MX, SPF, DKIM, DMARC and more) through a DNS resolver.',
    legend: 'Which resolver should Mailwarden ask?',
    system: 'Use this computer’s DNS resolver',
    systemHint: 'The resolver your network settings give this computer. Right for most people.',
    custom: 'Use a specific DNS server',
    customHint:
      'For an internal company resolver, a resolver that validates DNSSEC, or testing from an offline network; when set, every lookup Mailwarden makes goes to this server.',
    address: 'DNS server address',
    addressHint:
      'An IP address and port, for example 192.0.2.53:53 or [2001:db8::53]:53. Without a port, 53 is used.',
    addressRequired: 'Enter the DNS server’s IP address, for example 192.0.2.53:53.',
    inUse: 'In use now:',
    inUseSystem: 'this computer’s resolver',
    save: 'Save DNS resolver',
    saved: (server: string | null) =>
      server === null
        ? 'Settings saved. Mailwarden now uses this computer’s DNS resolver.'
        : `Settings saved. Every lookup now goes to ${server}.`,
  },

  trustedCa: {
    title: 'Extra trusted certificates',
    intro:
      'If your company runs its own certificate authority (CA), this computer does not trust its servers’ certificates, and Mailwarden will not send a password to them. Add that CA here and Mailwarden trusts it as well as every certificate this computer already trusts.',
    label: 'CA certificates (PEM text)',
    hint: 'Paste the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or load a .pem or .crt file. Certificates only: never paste a private key.',
    chooseFile: 'Load from a file…',
    fileLoaded: (name: string) => `${name} added to the text. Save to trust it.`,
    fileTooLarge: (name: string) => `${name} is larger than 256 KiB, so it is not a CA certificate file.`,
    fileUnreadable: (name: string) => `${name} could not be read.`,
    required: 'Paste a CA certificate or load one from a file first.',
    trustedTitle: 'Trusted now',
    none: 'None: Mailwarden trusts only the certificates this computer trusts.',
    subject: 'Issued to',
    issuer: 'Issued by',
    expires: 'Expires',
    fingerprint: 'SHA-256 fingerprint',
    warning: {
      'not-a-ca':
        'This is not a CA certificate: it cannot vouch for other servers’ certificates, only for itself.',
      expired: 'This certificate has expired: servers that rely on it will not be trusted.',
      'not-yet-valid': 'This certificate is not valid yet: check this computer’s date and time.',
    } satisfies Record<CertificateWarning, string>,
    save: 'Save trusted certificates',
    remove: 'Stop trusting these',
    saved: (n: number) =>
      n === 1
        ? 'Saved. Mailwarden now also trusts 1 certificate.'
        : `Saved. Mailwarden now also trusts ${n} certificates.`,
    removed: 'Removed. Mailwarden now trusts only the certificates this computer trusts.',
    date: (iso: string) =>
      new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' }),
  },

  timeouts: {
    title: 'Waiting times',
    intro:
      'How patient Mailwarden is with slow servers. Longer waits suit slow or distant servers; shorter ones give up sooner on servers that do not answer.',
    serverWait: 'Wait for a server',
    serverWaitHint: (min: number, max: number, standard: number) =>
      `Seconds to wait for a server to answer at each step, from ${min} to ${max}. Standard: ${standard}.`,
    auditLimit: 'Longest time for one test',
    auditLimitHint: (min: number, max: number, standard: number) =>
      `Seconds after which a whole test stops, whatever is still running, from ${min} to ${max}. Standard: ${standard}.`,
    seconds: 'seconds',
    wholeNumber: 'Enter a whole number of seconds.',
    save: 'Save waiting times',
    saved: (wait: number, limit: number) =>
      `Saved. Mailwarden waits up to ${wait} seconds for a server and ${limit} seconds for a whole test.`,
  },

  defaultTests: {
    title: 'Tests that start switched on',
    intro:
      'Some tests touch a server in ways its administrator might notice. Choose whether they start on when you test an account; you can still change them before each test.',
    relay: 'Open-relay and spoofing test',
    relayReason:
      'Asks the server to accept mail for a stranger and from a forged sender, then stops before any message is sent.',
    login: 'Sign in with the saved password',
    loginReason:
      'Signs in once, and only over an encrypted connection whose certificate checks out. The server records the sign-in.',
    loginOffNote: 'With the login off, the spoofing test is skipped too, because it signs in first.',
    save: 'Save tests',
    saved: 'Saved. The next test you start begins with these switches.',
  },

  audit: {
    testAccount: 'Test this account',
    back: 'Back to your accounts',
    severity: {
      critical: 'Critical',
      high: 'High',
      medium: 'Medium',
      low: 'Low',
      info: 'Note',
      pass: 'Passed',
    } satisfies Record<Severity, string>,
    duration: (ms: number) => {
      if (ms < 10_000) return `${(ms / 1_000).toFixed(1)} s`;
      const seconds = Math.round(ms / 1_000);
      return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    },
    findingsCount: (n: number) => (n === 1 ? '1 finding' : `${n} findings`),

    plan: {
      title: (label: string) => `Test ${label}`,
      lead: (host: string, port: number, domain: string) =>
        `Mailwarden will test the mail server ${host}:${port} and the public records of ${domain}, from this computer. It usually takes under a minute.`,
      whatTitle: 'What will be tested',
      what: CHECKED_AREAS,
      noticeTitle: 'Tests your mail administrator might notice',
      noticeLead:
        'These tests talk to the server the way a mail sender would. They are safe, but they may show up in the server’s logs. Switch off any you do not want.',
      relay: 'Open-relay and spoofing test',
      relayReason:
        'Asks the server to accept mail for a stranger and from a forged sender, then stops before any message is sent.',
      login: 'Sign in with the saved password',
      loginReason:
        'Signs in once, and only over an encrypted connection whose certificate checks out. The server records the sign-in.',
      loginOffNote: 'With the login off, the spoofing test is skipped too, because it signs in first.',
      noPasswordTitle: 'Login',
      noPassword:
        'No password is stored for this account, so Mailwarden only checks which sign-in methods the server offers. Nothing secret is sent.',
      on: 'On',
      off: 'Off',
      start: 'Start the test',
    },

    run: {
      title: (label: string) => `Testing ${label}`,
      lead: 'Each check runs on its own deadline. You can cancel at any time; what has finished is kept.',
      progressLabel: 'Checks finished',
      progressText: (done: number, total: number) => `${done} of ${total} checks finished`,
      preparing: 'Preparing the checks…',
      statusRunning: (done: number, total: number) => `Testing: ${done} of ${total} checks finished.`,
      statusCancelling: 'Cancelling: stopping the checks that are still running…',
      checksTitle: 'Checks',
      waiting: 'Waiting',
      running: (elapsed: string) => `Running · ${elapsed}`,
      done: (elapsed: string) => `Done in ${elapsed}`,
      outcome: {
        'not-run': 'Not run: see why in the results',
        'timed-out': 'Did not finish in time',
        cancelled: 'Cancelled',
        failed: 'Could not run',
      },
      soFarTitle: 'Found so far',
      soFarIn: (n: number) => (n === 1 ? 'in 1 finished check' : `in ${n} finished checks`),
      soFarBySeverity: 'Found so far, by severity',
      soFarHint: 'What each finding means and how to fix it appears when the test finishes.',
      cancel: 'Cancel the test',
      cancelling: 'Cancelling…',
      failedTitle: 'The test could not finish',
      retry: 'Try again',
      withoutSignIn: 'Test without signing in',
      withoutSignInExplain:
        'Mailwarden can still test everything that needs no password: the server, its encryption and the domain’s records. It looks at how the server offers sign-in, but sends no password; the spoofing tests, which need a sign-in, are left out.',
    },

    results: {
      title: (label: string) => `Results for ${label}`,
      meta: (when: string, target: string) => `Tested ${when} · ${target}`,
      cancelledTitle: 'You cancelled this test',
      cancelled: 'These results are incomplete: the checks that had not finished are marked as cancelled.',
      notSavedTitle: 'These results were not saved in your history',
      notSaved:
        'They are shown here until you leave this screen, but they cannot be exported or compared later. Free some disk space or check the Mailwarden data folder, then test again.',
      gradeTitle: 'Overall grade',
      gradeOf: (grade: string) => `Grade ${grade}`,
      scoreOf: (score: number) => `${score} out of 100`,
      areasTitle: 'Grades by area',
      notTested: 'Not tested',
      notAsked: 'Not asked',
      partlyTested: 'Partly tested',
      incomplete: 'Incomplete',
      capped: (grade: string, reason: string) => `Capped at ${grade}: ${reason}.`,
      uncapped: (score: number) => `${score} out of 100 without the cap.`,
      partial: 'Some checks could not run: the grade rests on what could be tested.',
      verdictTitle: 'Verdict',
      dnsSettings: 'DNS settings',
      planTitle: 'What to do',
      planLead: 'Most important first. Each action fixes one cause, wherever it was seen.',
      planEmpty: 'Nothing to fix.',
      planEmptyIncomplete: 'Nothing to fix among what could be tested.',
      fixes: (n: number) => (n === 1 ? 'fixes 1 finding' : `fixes ${n} findings`),
      where: (where: string) => `Seen on ${where}`,
      messageFor: (who: string) => `A message for ${who.charAt(0).toLowerCase()}${who.slice(1)}`,
      copyMessage: 'Copy a message for them',
      messageCopied: 'Copied the message: paste it into an email.',
      messageCopyManual:
        'Copying is not allowed here: the message is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      notRunTitle: (n: number) => (n === 1 ? '1 check did not run' : `${n} checks did not run`),
      allFindingsTitle: (n: number) =>
        n === 1 ? 'All findings: 1 needs attention' : `All findings: ${n} need attention`,
      summary: 'Summary',
      toLookAt: 'What needs attention',
      nothingToFix: 'Nothing needs fixing. The notes and passed checks are below.',
      notesTitle: (n: number) =>
        n === 1 ? '1 note for your information' : `${n} notes for your information`,
      passedTitle: (n: number) => (n === 1 ? '1 check passed' : `${n} checks passed`),
      protocolTitle: (n: number) =>
        n === 1
          ? '1 protocol detail for the technically curious'
          : `${n} protocol details for the technically curious`,
      testAgain: 'Test this again',
    },

    export: {
      title: 'Export the report',
      intro: 'Save these results to keep them, print them, or send them to whoever looks after your mail.',
      formatsLabel: 'Export as',
      formats: { html: 'HTML', pdf: 'PDF', md: 'Markdown', json: 'JSON', csv: 'CSV' },
      busy: 'Saving…',
      paper: 'PDF paper size',
      paperSizes: { A4: 'A4', Letter: 'US Letter' },
      saving: (format: string) => `Preparing the ${format} file…`,
      saved: (fileName: string) => `Saved ${fileName}`,
      cancelled: 'Export cancelled',
      failedTitle: 'The report could not be saved',
    },

    finding: {
      sawTitle: 'What we saw',
      technicalTitle: 'Technical details',
      /** The words the knowledge tables use for the trusted-certificates setting (main/core/knowledge). */
      settingsStepMarker: 'Settings → Extra trusted certificates',
      openTrustedCertificates: 'Open Settings: extra trusted certificates',
      transcript: (n: number) =>
        n === 1 ? 'Show the server conversation (1 line)' : `Show the server conversation (${n} lines)`,
      client: 'Mailwarden',
      server: 'Server',
      event: 'Note',
      meansTitle: 'What it means',
      fixTitle: 'How to fix it',
      record: 'DNS record to publish',
      recordType: 'Type',
      recordName: 'Name',
      recordValue: 'Value',
      copy: 'Copy value',
      copied: 'Copied the record’s value.',
      copyManual:
        'Copying is not allowed here: the value is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      providerTitle: (name: string) => `At ${name}`,
      referencesTitle: 'References',
      opensBrowser: '(opens in your browser)',
      closeHint: 'Press Escape to close.',
      allowTitle: 'Is this certificate yours?',
      allowLead:
        'Compare this fingerprint with the one your server shows (for example with "openssl x509 -fingerprint -sha256"). Only if they match, test once more: the password is sent to a server presenting exactly this certificate, for this one test.',
      allowButton: 'Allow this certificate for one test',
    },
  },

  history: {
    open: 'History',
    title: (label: string) => `History of ${label}`,
    back: 'Back to the history',
    loading: 'Loading the stored tests…',
    loadFailedTitle: 'The stored tests could not be loaded',
    retry: 'Try again',
    count: (n: number) => (n === 1 ? '1 stored test' : `${n} stored tests`),
    emptyTitle: 'No tests yet',
    empty: 'Every test of this account is kept here, so you can open it later or compare two of them.',
    testNow: 'Test now',
    server: (host: string, port: number, security: string) =>
      `${host}:${port}, ${security === 'tls' ? 'TLS' : security === 'starttls' ? 'STARTTLS' : 'not encrypted'}`,
    tested: (server: string) => `Tested ${server}`,
    otherServer: 'Another server than the account uses now',
    problemsTitle: 'Some stored tests could not be read',
    corrupt: (file: string, movedTo: string) => `${file} is damaged and was moved to ${movedTo}.`,
    tooNew: (file: string) => `${file} was saved by a newer Mailwarden and is left untouched.`,
    listLabel: 'Stored tests, newest first',
    selectHint: 'Choose two tests to compare them.',
    select: (when: string) => `Choose the test of ${when} for comparing`,
    grade: (grade: string) => `Grade ${grade}`,
    noGrade: 'No grade',
    cancelled: 'Cancelled',
    countsLabel: 'Findings by severity',
    openRun: 'Open',
    openRunLabel: (when: string) => `Open the test of ${when}`,
    remove: 'Delete',
    removeLabel: (when: string) => `Delete the test of ${when}`,
    confirmRemoveTitle: (when: string) => `Delete the test of ${when}?`,
    confirmRemoveBody: 'The stored report is deleted from this computer. This cannot be undone.',
    confirmRemove: 'Delete test',
    cancel: 'Cancel',
    removing: 'Deleting…',
    removed: (when: string) => `The test of ${when} was deleted.`,
    compare: 'Compare',
    comparing: 'Comparing…',
    compareTitle: 'Two tests compared',
    compareMeta: (older: string, newer: string) => `From ${older} to ${newer}`,
    fixedTitle: (n: number) => `Fixed (${n})`,
    newTitle: (n: number) => `New (${n})`,
    unchangedTitle: (n: number) => `Unchanged (${n})`,
    fixedNone: 'Nothing was fixed between these tests.',
    newNone: 'No new problems.',
    unchangedNone: 'Nothing stayed the same.',
    wasSeverity: (severity: string) => `was ${severity}`,
    loadRunFailedTitle: 'This test could not be opened',
  },

  /** "Check a message": judge one received message's sender checks (issue 13). */
  messageCheck: {
    open: 'Check a message',
    title: 'Check a message',
    lead: 'See whether a message you received really comes from who it says: its DKIM signatures, SPF, DMARC and ARC, the servers it passed and what your own mail server concluded. The message stays on this computer; only its verdict is kept.',
    fileTitle: 'Open a message file',
    fileHint: 'An .eml file saved from your mail program (“Save as” or “Download message”).',
    openFile: 'Open a message file…',
    opening: 'Checking the message…',
    pasteTitle: 'Paste headers or a whole message',
    pasteLabel: 'Message or headers',
    pasteHint: (limit: string) =>
      `In your mail program, use “Show original” or “View source” and copy everything. Headers alone are enough for most verdicts; the body is needed to check DKIM body hashes. Up to ${limit}.`,
    pasteEmpty: 'Paste a message or its headers first.',
    pasteTooBig: (limit: string) => `This is more than ${limit}: Mailwarden checks messages up to that size.`,
    check: 'Check the pasted message',
    checking: 'Checking…',
    offlineLabel: 'Don’t look anything up (offline)',
    offlineHint:
      'Judges only what the message itself says: DKIM keys, SPF and DMARC need DNS and are then not checked.',
    busy: 'Checking the message. Looking up DKIM keys, SPF and DMARC can take a few seconds.',
    failedTitle: 'The message could not be checked',
    notMessageTitle: 'Nothing to judge',
    back: 'Back to Check a message',
    resultsTitle: (domain: string | null) => (domain === null ? 'Message checked' : `Message from ${domain}`),
    meta: (when: string, source: string) => `Checked ${when}, ${source}`,
    source: {
      file: 'from a file',
      paste: 'pasted',
      stdin: 'from the command line',
      proof: 'a test message Mailwarden sent',
    },
    dnsUsed: (dns: string) => `DNS: ${dns === 'system' ? 'the system’s resolver' : dns}`,
    dnsOff: 'Offline: nothing was looked up',
    headerOnly: 'header only',
    notSavedTitle: 'Not kept in the history',
    notSaved: 'The verdict is shown, but it cannot be opened again later or exported.',
    verdictTitle: 'Verdict',
    toDoTitle: 'What to do',
    toDoLead:
      'Each problem with the change that fixes it. Most concern the sender’s domain: pass them on to whoever runs it.',
    toDoNone: 'Nothing: no problem was found.',
    couldNotTitle: 'What could not be checked',
    authTitle: 'Sender authentication',
    authLead: 'Mailwarden’s own verdict beside the one your mail server recorded when the message arrived.',
    method: 'Check',
    ours: 'Mailwarden',
    theirs: (authservId: string) => `Receiver (${authservId})`,
    noReceiver: 'The message carries no Authentication-Results from a receiving server.',
    notJudged: 'not checked',
    none: 'none',
    dkimTitle: 'DKIM signatures',
    dkimNone: 'The message has no DKIM signature.',
    dkimColumns: {
      domain: 'Signed by',
      selector: 'Selector',
      algorithm: 'Algorithm',
      keyBits: 'Key size',
      aligned: 'Matches From',
      result: 'Result',
    },
    keyBits: (bits: number | null) => (bits === null ? 'unknown' : `${bits} bits`),
    yes: 'yes',
    no: 'no',
    dkimOutcome: {
      pass: 'valid',
      'body-hash-failed': 'body changed after signing',
      'signature-failed': 'signature does not verify',
      'key-missing': 'no key in DNS',
      'key-too-weak': 'key too short',
      'key-invalid': 'key unusable',
      expired: 'expired',
      'dns-failed': 'key lookup failed',
      'not-verified-offline': 'not checked (offline)',
      'not-verified-no-body': 'not checked (no body)',
    },
    spf: (outcome: string, ip: string, domain: string) => `${outcome} (${ip} for ${domain})`,
    dmarc: (outcome: string, domain: string, policy: string | null) =>
      `${outcome} for ${domain}${policy === null ? '' : `, policy ${policy}`}`,
    alignedBy: (by: readonly string[]) => `aligned by ${by.map((b) => b.toUpperCase()).join(' and ')}`,
    arc: (outcome: string, sets: number | null) =>
      `${outcome === 'not-verified' ? 'not checked (offline)' : outcome}${sets === null ? '' : ` (${sets === 1 ? '1 set' : `${sets} sets`})`}`,
    pathTitle: (total: number) =>
      total === 0 ? 'Path' : total === 1 ? 'Path: 1 Received line' : `Path: ${total} Received lines`,
    pathLead:
      'The servers the message passed, the last one first, with the encryption and the time each hop took.',
    pathNone: 'The message has no Received lines.',
    pathShown: (shown: number, total: number) => `The first ${shown} of ${total} are shown.`,
    pathColumns: {
      hop: 'Hop',
      from: 'From',
      by: 'Received by',
      tls: 'Encryption',
      at: 'When',
      delay: 'Delay',
    },
    hopTls: (encrypted: boolean | null, version: string | null, cipher: string | null) =>
      encrypted === false
        ? 'not encrypted'
        : version !== null
          ? `${version}${cipher === null ? '' : `, ${cipher}`}`
          : encrypted === true
            ? 'encrypted'
            : 'not recorded',
    unknown: 'not recorded',
    delay: (seconds: number) =>
      seconds < 60
        ? `${seconds} s`
        : seconds < 3600
          ? `${Math.round(seconds / 60)} min`
          : `${Math.round(seconds / 3600)} h`,
    findingsTitle: (n: number) => (n === 1 ? 'Every finding (1)' : `Every finding (${n})`),
    historyTitle: 'Checked messages',
    historyLead: 'Every message checked here, newest first. Only the verdict is kept, never the message.',
    historyEmpty: 'No message checked yet.',
    historyLoading: 'Loading the checked messages…',
    historyFailedTitle: 'The checked messages could not be loaded',
    historyRow: (domain: string | null, source: string) =>
      `${domain === null ? 'No sender domain' : domain}, ${source}`,
    historyOffline: 'offline',
    openRun: 'Open',
    openLabel: (when: string) => `Open the message checked ${when}`,
    loading: 'Opening the checked message…',
    loadFailedTitle: 'This checked message could not be opened',
  },

  clients: {
    testAll: (n: number) => (n === 1 ? 'Test the 1 account' : `Test all ${n} accounts`),
    back: 'Back to your accounts',
    plan: {
      title: (client: string) => `Test all accounts of ${client}`,
      lead: (n: number) =>
        `Mailwarden tests ${n === 1 ? 'this account' : `these ${n} accounts`} one after another, from this computer, and keeps each result in the account’s history. It usually takes under a minute per account.`,
      accountsTitle: 'Accounts to test',
      loginSkipped: 'Login skipped: no password',
      loginWithPassword: 'Signs in with the saved password',
      loginOff: 'Login switched off',
      noPasswordAtAll:
        'None of these accounts has a stored password, so Mailwarden only checks which sign-in methods each server offers. Nothing secret is sent.',
      loginReason:
        'Signs in once per account that has a stored password, only over an encrypted connection whose certificate checks out. Each server records the sign-in.',
      start: (n: number) => (n === 1 ? 'Start the test' : `Start testing ${n} accounts`),
    },
    run: {
      notSaved:
        'Shown here, but the history could not keep this test, so it is left out of the client report.',
      title: (client: string) => `Testing ${client}`,
      lead: 'One account at a time, so each mail server sees no more than a single test. You can cancel at any time; what has finished is kept.',
      progressLabel: 'Accounts finished',
      progressText: (done: number, total: number) => `${done} of ${total} accounts finished`,
      statusTesting: (label: string, position: number, total: number) =>
        `Testing ${label}, account ${position} of ${total}.`,
      statusCancelling: 'Cancelling: stopping the current test and skipping the rest…',
      statusFinished: (total: number) =>
        total === 1 ? 'The account has been tested.' : `All ${total} accounts have been tested.`,
      statusCancelled: 'Cancelled. The accounts not yet tested were skipped.',
      statusPartly: (tested: number, total: number) =>
        `${tested} of ${total} accounts tested. Each row says why the others could not run.`,
      accountsTitle: 'Accounts',
      waiting: 'Waiting',
      running: (done: number, planned: number, elapsed: string) =>
        planned === 0
          ? `Running · preparing · ${elapsed}`
          : `Running · ${done} of ${planned} checks · ${elapsed}`,
      done: 'Done',
      cancelledRow: 'Cancelled: the results are incomplete',
      skipped: 'Skipped: the run was cancelled',
      failed: 'Could not run',
      cancel: 'Cancel the run',
      cancelling: 'Cancelling…',
    },
    summary: {
      title: (client: string) => `Results for ${client}`,
      meta: (tested: number, total: number) =>
        tested === total ? `${total} of ${total} accounts tested` : `${tested} of ${total} accounts tested`,
      metaStored: (tested: number, total: number, when: string) =>
        `${tested} of ${total} accounts tested · ${new Date(when).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`,
      cancelledTitle: 'You cancelled this run',
      cancelled:
        'The account that was running has incomplete results, and the accounts after it were not tested.',
      grade: (grade: string) => `Grade ${grade}`,
      noGrade: 'No grade',
      score: (score: number) => `${score} / 100`,
      worst: (severity: string) => `Worst: ${severity}`,
      worstNone: 'No findings',
      open: 'Open results',
      openLabel: (label: string) => `Open results for ${label}`,
      backToSummary: 'Back to the client summary',
      exportTitle: 'Export the client report',
      exportIntro:
        'One file for the whole client: a summary of every account, then each account’s full report.',
      exportNone: 'No account finished a test, so there is no report to export.',
      notKeptTitle: 'This run is not in the client’s list of runs',
      notKept: (reason: string) =>
        `Each account’s results are in its history, but the client run itself could not be kept: ${reason}`,
    },
  },

  split: {
    title: 'Your accounts',
  },

  clientPage: {
    meta: (n: number) => (n === 1 ? '1 account' : `${n} accounts`),
    open: 'Open',
    openLabel: (when: string) => `Open the client run of ${when}`,
    openPage: 'Client page',
    filtered: (client: string, n: number) => `${client}: ${n === 1 ? '1 account' : `${n} accounts`}`,
    backToClient: (client: string) => `Back to ${client}`,
    loading: 'Reading this client’s runs…',
    opening: 'Opening this client run…',
    lastTitle: 'Last client run',
    noRuns:
      'No client run yet. “Test all” tests every account one after another and keeps the run here, with its client report.',
    accountsTitle: 'Accounts',
    runsTitle: (n: number) => (n === 1 ? '1 client run' : `${n} client runs`),
    testedOf: (tested: number, total: number) => `${tested} of ${total} accounts tested`,
    problems: (n: number) =>
      n === 0 ? 'no problems found' : n === 1 ? '1 problem found' : `${n} problems found`,
    notRun: (labels: readonly string[]) => `Not tested: ${labels.join(', ')}`,
    worstGrade: (grade: string) => `Worst grade ${grade}`,
    testLabel: (label: string) => `Test ${label}`,
    historyLabel: (label: string) => `History of ${label}`,
    runGone: 'This account’s run has been deleted from its history since.',
    renamed: (from: string, to: string, n: number) =>
      `Renamed ${from} to ${to} on ${n === 1 ? '1 account' : `${n} accounts`}; their history stays.`,
    rename: {
      open: 'Rename',
      formLabel: (client: string) => `Rename ${client}`,
      label: 'New client name',
      hint: 'Every account of this client moves to the new name; their history stays.',
      save: 'Save the name',
      saving: 'Saving…',
      cancel: 'Cancel',
    },
  },

  sendTest: {
    open: 'Send a test message',
    title: (label: string) => `Send a test message from ${label}`,
    consentTitle: 'Before anything is sent',
    consentLead:
      'This is the one place Mailwarden sends a message. It sends one short, plainly worded test message through this account’s outgoing server, then reads the account’s mailbox until it arrives, judges how it arrived (DKIM, SPF, DMARC, where it landed) and deletes it.',
    consentFrom: (from: string, host: string) => `From ${from}, through ${host}.`,
    consentMailbox: (host: string) => `Found again by reading the mailbox at ${host}.`,
    consentWait: (seconds: number) => `Mailwarden waits up to ${seconds} seconds for it to arrive.`,
    toLabel: 'Send it to',
    toHint: (own: string) =>
      `Leave it as ${own}, or type an alias or forward that reaches the same mailbox: Mailwarden only reads this account’s mailbox.`,
    toInvalid: 'Type one email address, like name@example.com.',
    send: 'Send the test message',
    cancel: 'Cancel',
    noImap:
      'This account has no IMAP server to read the test message back from. Add one in the account’s settings (Edit), then try again.',
    progressTitle: 'Test message',
    sending: (to: string, host: string) => `Sending the test message to ${to} through ${host}…`,
    sent: (queueId: string | null) =>
      queueId === null ? 'Sent: the server accepted it.' : `Sent: the server accepted it as ${queueId}.`,
    waiting: (waited: number, of: number) => `Waiting for it to arrive: ${waited} of ${of} seconds.`,
    arrived: (where: string) => `Arrived in ${where}. Judging it…`,
    whereInbox: 'the inbox',
    whereJunk: (mailbox: string) => `Junk (${mailbox})`,
    stop: 'Stop waiting',
    cancelledTitle: 'Stopped',
    cancelledSent:
      'The test message was already sent. Mailwarden stopped looking for it: if it arrives now, it stays in the mailbox (its subject starts with “Mailwarden test message”). Nothing was kept in the history.',
    cancelledNotSent: 'Nothing was sent, and nothing was kept in the history.',
    failedTitle: 'The test message could not be sent',
    again: 'Send another test message',
    resultsTitle: (label: string) => `Test message from ${label}`,
    meta: (when: string, to: string) => `Sent ${when} to ${to}`,
    journeyTitle: 'Its journey',
    planTitle: 'What to do',
    planLead: 'Most important first, grouped as an audit groups them. The findings below give the details.',
    journeySent: (reply: string) => `Accepted by the outgoing server: ${reply}`,
    journeyRefused: (step: string, reply: string) => `Refused at ${step}: ${reply}`,
    journeyLanded: (where: string, seconds: number) => `Arrived in ${where} after ${seconds} seconds.`,
    journeyNotLanded: (seconds: number) => `Not found in the mailbox after ${seconds} seconds.`,
    journeyDeleted: 'Deleted from the mailbox again.',
    savedInHistory: 'kept in this account’s History',
    learned: {
      title: 'Learned from this message',
      lead: (selectors: readonly string[], label: string) =>
        `It was signed with DKIM ${selectorWords(selectors)}, which ${label} does not list yet. Listed, every audit checks the key behind ${selectors.length === 1 ? 'it' : 'each'} in DNS: its size, and whether it is still published.`,
      add: (selectors: readonly string[]) => `Add ${selectorWords(selectors)} to this account`,
      adding: 'Adding…',
      added: (selectors: readonly string[], label: string) =>
        `Added: ${label} now lists DKIM ${selectorWords(selectors)}, and its next audit checks the key in DNS.`,
      failedTitle: 'The selector was not added',
      notConverted:
        'This account’s saved settings could not be turned into a change here. Add the selector with Edit instead.',
    },
    history: {
      title: 'Test messages sent',
      line: (when: string, to: string, where: string) => `${when}, to ${to}: ${where}`,
      notArrived: 'did not arrive',
      landed: { inbox: 'arrived in the inbox', junk: 'landed in Junk' },
    },
  },

  forms: {
    optional: 'optional',
    required: 'required',
    errorPrefix: 'Error:',
    summaryTitle: 'Please check these fields',
  },
} as const;

export type Strings = typeof strings;
