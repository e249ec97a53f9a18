/**
 * Words for the incoming-server findings (IMAP and POP3): reaching the server, what it says before login,
 * whether it offers the password in the clear, its TLS upgrade, a real login and the mailbox behind it.
 *
 * The two protocols share every text; the ids differ by prefix (imap., pop3.) so a report, the score and
 * the fix plan can tell them apart. The evidence names host, port and what the server said.
 */
import type { Evidence, Fix, Severity } from '../../../preload/contract/findings';
import { evidenceList, evidenceText } from './evidence-text';
import type {
  IncomingDialogueFailureSuffix,
  IncomingEvidence,
  IncomingFindingSuffix,
  PrefixedIncomingEvidence,
} from './incoming-evidence';
import {
  hostProviderLoginSteps,
  loginCheckSteps,
  mailboxCheckSteps,
  noPreauthSteps,
  providerLoginSteps,
  requireTlsSteps,
  serverFamilyOf,
} from './incoming-fix-steps';
import { grantedText, permissionOf, providerNameOf, SCOPE_REFERENCES, scopeFix } from './scope-words';
import { NO_FIX, rfc, type KnowledgeEntry, type TypedKnowledgeTable } from './knowledge-entry';

type HostPort = { readonly host: string; readonly port: number };
const where = (e: HostPort): string => `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

const HOSTED_STEP =
  'Hosted mail (Google, Microsoft 365, Zoho): nothing to change on the server; make sure your mail programs use port 993 (IMAP) or 995 (POP3) with SSL/TLS.';

/** TLS before any password, in the detected software's own setting (all three when none is named). */
const requireTls = (name: string, e: { readonly software?: string }): Fix => ({
  steps: [
    ...requireTlsSteps(name, e.software),
    ...(serverFamilyOf(e.software) === null ? [HOSTED_STEP] : []),
  ],
});

const SERVER_OWNER_STEPS = [
  'Send this finding to whoever runs the mail server (your host or IT provider): it names the port and what the server did.',
  'Run this check again after they change it.',
];

/** The words of one suffix, for either protocol: `name` is "IMAP" or "POP3", `e` the suffix's evidence. */
interface Words<E extends Evidence> {
  readonly severity: Severity;
  readonly title: (name: string, e: E) => string;
  readonly explanation: (name: string, e: E) => string;
  /** A fix of the evidence may name the detected software's settings (incoming-fix-steps.ts). */
  readonly fix: Fix | ((name: string, e: E) => Fix);
  readonly imapRefs: KnowledgeEntry['references'];
  readonly pop3Refs: KnowledgeEntry['references'];
  /** Grammar POP3 does not have (PREAUTH, tags, literals). */
  readonly imapOnly?: true;
}

const protocolWords = (
  dialogueFailure: string,
  imapOnly = false,
): Words<IncomingEvidence[IncomingDialogueFailureSuffix]> => ({
  ...(imapOnly ? { imapOnly: true as const } : {}),
  severity: 'medium',
  title: (name, e) => `${name} on ${where(e)}: ${dialogueFailure}`,
  explanation: (name, e) =>
    `${name} on ${where(e)} did not keep to its protocol: ${evidenceText(e, 'message')} Mailwarden stopped at once, within its limits; a mail program may hang or fail in the same place.`,
  fix: { steps: SERVER_OWNER_STEPS },
  imapRefs: [rfc(9051, '2.2')],
  pop3Refs: [rfc(1939, '3')],
});

/** One entry per id suffix; each becomes imap.<suffix> and pop3.<suffix>. */
const WORDS = {
  'reach.ok': {
    severity: 'pass',
    title: (name, e) => `${name} answers on ${where(e)}`,
    explanation: (name, e) =>
      `${where(e)} accepted a connection and greeted in ${evidenceText(e, 'greetingMs')} ms: ${name} is reachable here.`,
    fix: NO_FIX,
    imapRefs: [rfc(9051, '7.1')],
    pop3Refs: [rfc(1939, '4')],
  },
  'reach.closed': {
    severity: 'info',
    title: (name, e) => `${where(e)} does not offer ${name}`,
    explanation: (_name, e) => `The connection to ${where(e)} failed: ${evidenceText(e, 'message')}`,
    fix: NO_FIX,
    imapRefs: [rfc(8314, '3.3')],
    pop3Refs: [rfc(8314, '3.3')],
  },
  'reach.account-port-unreachable': {
    severity: 'high',
    title: (name, e) => `The account's ${name} server ${where(e)} cannot be reached`,
    explanation: (name, e) =>
      `Your mail programs read mail from ${where(e)} over ${name}, and that failed: ${evidenceText(e, 'message')}`,
    fix: {
      steps: [
        'Check the incoming server name and port against what your email provider documents.',
        'Try from another network (a phone hotspot): some networks block mail ports.',
        'If it fails everywhere, ask your provider whether the server is up.',
      ],
    },
    imapRefs: [rfc(8314, '5.1')],
    pop3Refs: [rfc(8314, '5.1')],
  },
  'greeting.preauth': {
    severity: 'critical',
    title: (_name, e) => `${where(e)} logs anyone in without a password (PREAUTH)`,
    explanation: (_name, e) =>
      `The server greeted with "* PREAUTH": every connection to ${where(e)} is already logged in to a mailbox, without a user name or password. Anyone who can reach this port can read the mail.`,
    fix: (_name, e) => ({
      steps: [
        'Take this port off the network at once (firewall), then find why it pre-authenticates: a debugging "imap -c" behind inetd, an rsh/ssh tunnel exposed to the network, or a proxy configured to log in on the caller\'s behalf.',
        ...noPreauthSteps(e.software),
        ...SERVER_OWNER_STEPS,
      ],
    }),
    imapRefs: [rfc(9051, '7.1.4')],
    pop3Refs: [],
    imapOnly: true,
  },
  'greeting.refused': {
    severity: 'medium',
    title: (name, e) => `${name} on ${where(e)} turns connections away`,
    explanation: (_name, e) =>
      `The server greeted with a refusal ("${evidenceText(e, 'greeting')}") and closed the session.`,
    fix: { steps: SERVER_OWNER_STEPS },
    imapRefs: [rfc(9051, '7.1.5')],
    pop3Refs: [rfc(1939, '4')],
  },
  'software.disclosed': {
    severity: 'info',
    title: (_name, e) => `${where(e)} names its software: ${evidenceText(e, 'software')}`,
    explanation: () =>
      'The greeting or the ID answer names the server software (and sometimes its version). That is common and harmless on a patched server, but it tells an attacker which weaknesses to try first.',
    fix: {
      steps: [
        'Dovecot: set login_greeting to a neutral text and imap_id_send = "" (the default sends only the name).',
        'Keep the server software up to date; hiding the name is no substitute for patches.',
      ],
    },
    imapRefs: [rfc(2971, '3.3')],
    pop3Refs: [rfc(1939, '4')],
  },
  'login.cleartext-offered': {
    severity: 'high',
    title: (name, e) => `${name} on ${where(e)} accepts the password before encryption`,
    explanation: (name, e) =>
      `Before any TLS, ${where(e)} offers ${evidenceList(e, 'cleartextMethods').join(', ')}. A mail program set up with "no encryption" or with a STARTTLS that an attacker strips sends the password readable by anyone on the network path, many times a day. Mailwarden never sent a password to test this: the server's ${name} capability list says it.`,
    fix: requireTls,
    imapRefs: [rfc(9051, '6.2.3'), rfc(8314, '4.1')],
    pop3Refs: [rfc(2595, '4'), rfc(8314, '4.1')],
  },
  'login.disabled-before-tls': {
    severity: 'pass',
    title: (name, e) => `${name} on ${where(e)} refuses the password before encryption`,
    explanation: (_name, e) =>
      `Before TLS, ${where(e)} offers no way to send a password (${evidenceText(e, 'capabilities')}).`,
    fix: NO_FIX,
    imapRefs: [rfc(9051, '6.2.3')],
    pop3Refs: [rfc(2595, '4')],
  },
  'starttls.not-offered': {
    severity: 'high',
    title: (name, e) => `${name} on ${where(e)} offers no encryption (no STARTTLS)`,
    explanation: (name, e) =>
      `${where(e)} is a clear-text ${name} port and does not offer to switch to TLS, so everything on it, the password and the mail, crosses the network readable.`,
    fix: requireTls,
    imapRefs: [rfc(9051, '6.2.1'), rfc(8314, '3.2')],
    pop3Refs: [rfc(2595, '4'), rfc(8314, '3.2')],
  },
  'starttls.refused': {
    severity: 'high',
    title: (name, e) => `${name} on ${where(e)} advertises STARTTLS but refuses it`,
    explanation: (_name, e) => `The server answered "${evidenceText(e, 'reply')}" when asked to start TLS.`,
    fix: requireTls,
    imapRefs: [rfc(9051, '6.2.1')],
    pop3Refs: [rfc(2595, '4')],
  },
  'starttls.plaintext-injected': {
    severity: 'high',
    title: (_name, e) => `${where(e)} sent clear text after agreeing to start TLS`,
    explanation: (_name, e) =>
      `After its "go ahead" to STARTTLS, the server (or something between) sent ${evidenceText(e, 'message')} A client that read those bytes as if they came over TLS can be fed forged answers (the STARTTLS command-injection flaw, CVE-2011-0411 and its IMAP/POP3 kin). Mailwarden discarded them.`,
    fix: {
      steps: [
        'Update the mail server software, and any proxy or firewall that inspects mail traffic in front of it.',
        ...SERVER_OWNER_STEPS,
      ],
    },
    imapRefs: [rfc(9051, '6.2.1')],
    pop3Refs: [rfc(2595, '4')],
  },
  'starttls.failed': {
    severity: 'high',
    title: (name, e) => `${name} on ${where(e)}: the switch to TLS failed`,
    explanation: (_name, e) => `The TLS handshake after STARTTLS failed: ${evidenceText(e, 'message')}`,
    fix: { steps: SERVER_OWNER_STEPS },
    imapRefs: [rfc(9051, '6.2.1')],
    pop3Refs: [rfc(2595, '4')],
  },
  'capability.after-tls': {
    severity: 'info',
    title: (name, e) => `${name} capabilities of ${where(e)} before and after TLS`,
    explanation: (_name, e) =>
      `Before TLS: ${evidenceList(e, 'before').join(', ')}. After TLS: ${evidenceList(e, 'after').join(', ')}. A client must forget the first list once TLS starts, because an attacker could have changed it.`,
    fix: NO_FIX,
    imapRefs: [rfc(9051, '6.2.1')],
    pop3Refs: [rfc(2595, '4')],
  },
  'dialogue.no-greeting': protocolWords('no greeting'),
  'dialogue.line-too-long': protocolWords('a line without end'),
  'dialogue.literal-too-large': protocolWords('an oversized literal', true),
  'dialogue.flood': protocolWords('a flood of lines'),
  'dialogue.wrong-tag': protocolWords('an answer to a command never sent', true),
  'dialogue.bye': protocolWords('the server ended the session mid-way'),
  'dialogue.malformed': protocolWords('an unreadable answer'),
  'dialogue.timeout': protocolWords('no answer in time'),
  'dialogue.closed': protocolWords('the connection closed mid-way'),
  'login.accepted': {
    severity: 'pass',
    title: (name, e) => `Login to ${name} on ${where(e)} works over verified TLS`,
    explanation: (_name, e) =>
      `Mailwarden logged in as ${evidenceText(e, 'username')} over TLS whose certificate verified, and read only the mailbox counts.`,
    fix: NO_FIX,
    imapRefs: [rfc(9051, '6.2.3')],
    pop3Refs: [rfc(1939, '7')],
  },
  'login.rejected': {
    severity: 'medium',
    title: (name, e) => `${name} on ${where(e)} rejected the stored password`,
    explanation: (_name, e) =>
      `The server answered "${evidenceText(e, 'reply')}". With Google, Microsoft 365, Yahoo or iCloud this usually means an app password is needed, or IMAP/POP is switched off in the mailbox settings.`,
    fix: (name, e) => ({
      steps: [
        'Check the user name and password; set a new one in Mailwarden if it changed.',
        ...(hostProviderLoginSteps(name === 'POP3' ? 'POP3' : 'IMAP', e.host) ??
          loginCheckSteps(name, e.software)),
      ],
      providerSteps: providerLoginSteps(name === 'POP3' ? 'POP3' : 'IMAP'),
    }),
    imapRefs: [rfc(9051, '6.2.3')],
    pop3Refs: [rfc(1939, '7')],
  },
  'login.oauth-required': {
    severity: 'high',
    title: (name, e) =>
      `Use OAuth sign-in or an app password for ${name} on ${where(e)}: the account password is refused`,
    explanation: (_name, e) =>
      `The server answered "${evidenceText(e, 'reply')}": this account must sign in with the provider’s own page (OAuth) or with an app password; ` +
      'the account password is refused even when it is right, so Mailwarden could not test the login with it.',
    fix: {
      steps: [
        'Best: in each mail program, remove the account and add it again with the provider’s sign-in ("Google", "Microsoft 365 / Exchange"), which uses OAuth.',
        'Where a program cannot do that: Google Account > Security > 2-Step Verification > App passwords, create one, and use it instead of the account password (in Mailwarden too).',
        'Run the check again.',
      ],
    },
    imapRefs: [rfc(9051, '6.2.2'), rfc(7628, '3')],
    pop3Refs: [rfc(5034, '4'), rfc(7628, '3')],
  },
  'login.token-rejected': {
    severity: 'high',
    title: (name, e) => `${name} on ${where(e)} refused the account’s OAuth sign-in`,
    explanation: (_name, e) =>
      `The server answered "${evidenceText(e, 'reply')}" to the access token of the stored sign-in: the sign-in was ended at the provider, ` +
      'belongs to another address than this mailbox, or was given without the permission to read mail. Mail programs signed in the same way get the same answer.',
    fix: {
      steps: [
        'Sign in again with "mailwarden accounts signin" (or Sign in in the app), as the address that owns this mailbox, and accept every permission asked for.',
        'Microsoft 365: the sign-in needs IMAP.AccessAsUser.All (IMAP) or POP.AccessAsUser.All (POP3), and the admin must allow IMAP / POP for the mailbox. Google: the scope https://mail.google.com/.',
        'Run the check again.',
      ],
    },
    imapRefs: [rfc(7628, '3.2.2'), rfc(9051, '6.2.2')],
    pop3Refs: [rfc(7628, '3.2.2'), rfc(5034, '4')],
  },
  'login.scope-missing': {
    severity: 'high',
    title: (name, e) =>
      `The ${providerNameOf(e)} sign-in has no permission to read mail over ${name} (${permissionOf(e)}), so the login was not tested`,
    explanation: (name, e) =>
      `${providerNameOf(e)} signed this account in but granted only "${grantedText(e)}", not ${evidenceText(e, 'scope')}, which ${name} needs. ` +
      `A login to ${where(e)} with that token must fail, so Mailwarden did not send it: the ${name} login could not be tested.`,
    fix: (_name, e) => scopeFix(e),
    imapRefs: SCOPE_REFERENCES,
    pop3Refs: SCOPE_REFERENCES,
  },
  'login.not-attempted': {
    severity: 'info',
    title: (name, e) => `No login to ${name} on ${where(e)}`,
    explanation: (_name, e) => `Mailwarden did not send the password: ${evidenceText(e, 'reason')}`,
    fix: NO_FIX,
    imapRefs: [rfc(8314, '4.1')],
    pop3Refs: [rfc(8314, '4.1')],
  },
  'login.failed': {
    severity: 'medium',
    title: (name, e) => `The login to ${name} on ${where(e)} did not finish`,
    explanation: (_name, e) => `The login broke off: ${evidenceText(e, 'message')}`,
    fix: { steps: SERVER_OWNER_STEPS },
    imapRefs: [rfc(9051, '6.2.3')],
    pop3Refs: [rfc(1939, '7')],
  },
  'mailbox.reachable': {
    severity: 'pass',
    title: (_name, e) => `The inbox on ${where(e)} opens (${evidenceText(e, 'messages')} messages)`,
    explanation: () =>
      'After the login the inbox opened; Mailwarden read its message count only, never a message.',
    fix: NO_FIX,
    imapRefs: [rfc(9051, '6.3.2')],
    pop3Refs: [rfc(1939, '5')],
  },
  'mailbox.unavailable': {
    severity: 'medium',
    title: (_name, e) => `The inbox on ${where(e)} does not open after login`,
    explanation: (_name, e) => `The server answered "${evidenceText(e, 'reply')}" when asked for the inbox.`,
    fix: (name, e) => ({ steps: [...mailboxCheckSteps(name, e.software), ...SERVER_OWNER_STEPS] }),
    imapRefs: [rfc(9051, '6.3.2')],
    pop3Refs: [rfc(1939, '5')],
  },
} as const satisfies { readonly [S in IncomingFindingSuffix]: Words<IncomingEvidence[S]> };

export type { IncomingFindingSuffix } from './incoming-evidence';
type ImapOnlySuffix = {
  [K in IncomingFindingSuffix]: (typeof WORDS)[K] extends { readonly imapOnly: true } ? K : never;
}[IncomingFindingSuffix];
export type Pop3FindingSuffix = Exclude<IncomingFindingSuffix, ImapOnlySuffix>;

/**
 * One protocol's table. Each entry words the evidence its suffix declares; the cast only adds the
 * prefix to the ids, which TypeScript cannot follow through a loop.
 */
function tableFor<P extends 'imap' | 'pop3', S extends IncomingFindingSuffix>(
  prefix: P,
  name: string,
): TypedKnowledgeTable<PrefixedIncomingEvidence<P, S>> {
  const table: { [id: string]: KnowledgeEntry } = {};
  for (const [suffix, words] of Object.entries(WORDS) as [IncomingFindingSuffix, Words<Evidence>][]) {
    if (prefix === 'pop3' && words.imapOnly === true) continue;
    const fix = words.fix;
    table[`${prefix}.${suffix}`] = {
      severity: words.severity,
      title: (e) => words.title(name, e),
      explanation: (e) => words.explanation(name, e),
      fix: typeof fix === 'function' ? (e: Evidence) => fix(name, e) : fix,
      references: prefix === 'imap' ? words.imapRefs : words.pop3Refs,
    };
  }
  return table as unknown as TypedKnowledgeTable<PrefixedIncomingEvidence<P, S>>;
}

export const IMAP_KNOWLEDGE = tableFor<'imap', IncomingFindingSuffix>('imap', 'IMAP');
export const POP3_KNOWLEDGE = tableFor<'pop3', Pop3FindingSuffix>('pop3', 'POP3');
