/**
 * Words for the SMTP findings: can the server be reached on each port, and what does it say when it is.
 *
 * Written for a small-business owner: what we saw, why it matters, what to do. The evidence names the
 * host, port, reply and timings; the texts read them so each finding speaks about this server.
 */
import type { Evidence, Fix } from '../../../preload/contract/findings';
import { evidenceList, evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc, type KnowledgeEntry } from './knowledge-entry';
import type { ExtensionOffered, SmtpEvidence } from './smtp-evidence';
import { STARTTLS_INJECTION_ENTRIES } from './starttls-injection-entries';

type HostPort = { readonly host: string; readonly port: number };
const where = (e: HostPort): string => `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;
/** 1234 -> "1.2 s": people read seconds. */
const secondsText = <E extends Evidence>(e: E, key: keyof E & string): string => {
  const value = e[key];
  return typeof value === 'number' ? `${String(Math.round(value / 100) / 10)} s` : '?';
};

const CHECK_SERVER_STEPS = [
  'Check the server name and port in your mail program against what your email provider documents.',
  'If your provider or IT person runs this server, send them this finding: it names the port, the time and what the server said.',
  'Run this check again.',
];

const FIREWALL_STEPS = [
  'Try again from another network (for example a phone hotspot): some internet providers and office firewalls block mail ports.',
  'If it works there, ask whoever runs your network to allow outgoing connections to this port.',
  'If it fails everywhere, ask your email provider whether the server is up and which port to use.',
];

const TLS_ON_SUBMISSION_STEPS = [
  'Ask whoever runs this mail server (your host or IT provider) to turn on STARTTLS with a valid certificate for this port.',
  'Postfix: set smtpd_tls_security_level = encrypt on the submission service in master.cf (and smtpd_tls_chain_files in main.cf), then run "postfix reload".',
  'Until it is fixed, use port 465 (TLS from the first byte) if your provider offers it.',
  'Run this check again.',
];

type ExtensionIds<N extends string> = `smtp.ext.${Lowercase<N>}.offered` | `smtp.ext.${Lowercase<N>}.absent`;

/**
 * The pair of entries for one EHLO extension: offered, and not offered. Both read only the host and port
 * every extension finding has, and the SIZE limit that only smtp.ext.size.offered sets.
 */
function extensionText<N extends string>(
  name: N,
  what: string,
  offered: KnowledgeEntry['severity'],
): Record<ExtensionIds<N>, KnowledgeEntry<ExtensionOffered>> {
  const id = name.toLowerCase();
  const entries: { readonly [id: string]: KnowledgeEntry<ExtensionOffered> } = {
    [`smtp.ext.${id}.offered`]: {
      severity: offered,
      title: (e) =>
        name === 'SIZE' && typeof e.limit === 'number' && e.limit > 0
          ? `${where(e)} accepts messages up to ${String(Math.round(e.limit / 1_048_576))} MB (SIZE)`
          : `${where(e)} supports ${name}`,
      explanation: `The server advertises ${name}: ${what}`,
      fix: NO_FIX,
      references: [rfc(5321, '4.1.1.1')],
    },
    [`smtp.ext.${id}.absent`]: {
      severity: 'info',
      title: (e) => `${where(e)} does not advertise ${name}`,
      explanation: `The server does not list ${name} in its EHLO answer. ${name}: ${what} Mail still works without it.`,
      fix: NO_FIX,
      references: [rfc(5321, '4.1.1.1')],
    },
  };
  return entries as Record<ExtensionIds<N>, KnowledgeEntry<ExtensionOffered>>;
}

/**
 * What the EHLO reply listed, which lacked STARTTLS. A server that answers EHLO with its greeting line
 * alone lists no extensions at all (RFC 5321 section 4.1.1.1), and says so rather than "()".
 */
function featuresWithoutStarttls(e: { readonly capabilities: readonly string[] }): string {
  const features = evidenceList(e, 'capabilities');
  return features.length === 0
    ? 'The server lists no extensions at all, so no STARTTLS either.'
    : `The server’s feature list (${features.join(', ')}) has no STARTTLS.`;
}

const notOfferedFix = (steps: readonly string[]): Fix => ({ steps });

export const SMTP_KNOWLEDGE = defineKnowledge<SmtpEvidence>()({
  // -------------------------------------------------------------------------------------------------
  // Reachability, one finding per port
  'smtp.reach.unresolved': {
    severity: 'medium',
    title: (e) => `Could not find the address of ${evidenceText(e, 'host')}`,
    explanation: (e) =>
      `${evidenceText(e, 'resolver', 'The DNS resolver')} gave no address for ${evidenceText(e, 'host')} (${evidenceText(e, 'reason')}). ` +
      'Mail programs using this name will fail the same way, so no port could be tested.',
    fix: {
      steps: [
        'Check the server name for typing mistakes.',
        'Check that the name has an A (or AAAA) record at your DNS host.',
        'Run this check again.',
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'smtp.reach.ok': {
    severity: 'pass',
    title: (e) => `${where(e)} answers with a welcome (220) in ${secondsText(e, 'greetingMs')}`,
    explanation: (e) =>
      `The connection took ${secondsText(e, 'connectMs')} and the server greeted us ${secondsText(e, 'greetingMs')} later with "${evidenceText(e, 'greeting', '')}".`,
    fix: NO_FIX,
    references: [rfc(5321, '3.1')],
  },
  'smtp.reach.refused': {
    severity: 'info',
    title: (e) => `${where(e)} is closed (connection refused)`,
    explanation: (e) =>
      `The server at ${evidenceText(e, 'address')} actively refused a connection to port ${evidenceText(e, 'port')}: nothing listens there, or a firewall rejects it. ` +
      'That is normal for a port your provider does not use.',
    fix: { steps: FIREWALL_STEPS },
    references: [rfc(8314, '3.3'), rfc(6409, '3.1')],
  },
  'smtp.reach.connect-timeout': {
    severity: 'info',
    title: (e) => `${where(e)} did not answer within ${secondsText(e, 'timeoutMs')}`,
    explanation: (e) =>
      `Connecting to ${evidenceText(e, 'address')} port ${evidenceText(e, 'port')} got no answer at all. ` +
      'Usually a firewall silently drops the traffic, often on your own network (many internet providers block port 25).',
    fix: { steps: FIREWALL_STEPS },
    references: [rfc(5321, '4.5.3.2')],
  },
  'smtp.reach.connect-failed': {
    severity: 'info',
    title: (e) => `Could not connect to ${where(e)}`,
    explanation: (e) => `The connection failed: ${evidenceText(e, 'message')}`,
    fix: { steps: FIREWALL_STEPS },
    references: [rfc(5321, '4.5.3.2')],
  },
  'smtp.reach.no-greeting': {
    severity: 'medium',
    title: (e) => `${where(e)} accepts connections but never says hello`,
    explanation: (e) =>
      `The connection opened, but no greeting came within ${secondsText(e, 'timeoutMs')}${typeof e['partial'] === 'string' ? ` (only "${evidenceText(e, 'partial')}" arrived)` : ''}. ` +
      'An SMTP server must greet first (RFC 5321 section 3.1); mail programs give up the same way. A firewall or antivirus that intercepts mail, or a server that is stuck, does this.',
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(5321, '3.1'), rfc(5321, '4.5.3.2.1')],
  },
  'smtp.reach.greeting-refused': {
    severity: 'medium',
    title: (e) => `${where(e)} turns connections away (${evidenceText(e, 'code')})`,
    explanation: (e) =>
      `The server greeted with ${evidenceText(e, 'code')} "${evidenceText(e, 'greeting', '')}" instead of 220. ` +
      (e['code'] === 421
        ? '421 means it is busy or shutting down right now (RFC 5321 section 3.8).'
        : '554 means it will not talk to this connection at all: your address may be blocked, or the service is not meant for you (RFC 5321 section 3.1).'),
    fix: {
      steps: [
        'Wait a few minutes and run this check again: a 421 is often temporary.',
        'If it stays, ask your provider whether your internet address is blocked, and send them the reply shown here.',
      ],
    },
    references: [rfc(5321, '3.1'), rfc(5321, '3.8')],
  },
  'smtp.reach.greeting-broken': {
    severity: 'medium',
    title: (e) => `${where(e)} sent a greeting that is not valid SMTP`,
    explanation: (e) =>
      `Something other than a proper SMTP greeting came back (${evidenceText(e, 'message')}${typeof e['partial'] === 'string' ? `; received: "${evidenceText(e, 'partial')}"` : ''}). ` +
      'Another kind of service may listen on this port, or something in between rewrites the traffic.',
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(5321, '4.2')],
  },
  'smtp.reach.slow-greeting': {
    severity: 'low',
    title: (e) => `${where(e)} waits ${secondsText(e, 'greetingMs')} before greeting`,
    explanation: (e) =>
      `The server answered, but only after ${secondsText(e, 'greetingMs')} (over ${secondsText(e, 'slowThresholdMs')}). ` +
      'Some servers do this on purpose to slow down spammers (a "tarpit"); for your own mail program it means slow sending and occasional time-outs.',
    fix: {
      steps: [
        'If this is your own submission server, ask its operator to remove the greeting delay for port 587/465 (Postfix: postscreen_greet_wait only belongs on port 25).',
        'Run this check again at another time of day: a busy server is slow too.',
      ],
    },
    references: [rfc(5321, '4.5.3.2.1')],
  },
  'smtp.reach.cancelled': {
    severity: 'info',
    title: (e) => `The test of ${where(e)} was cancelled`,
    explanation: 'The check was stopped before it finished, so nothing is known about this port.',
    fix: NO_FIX,
    references: [],
  },
  'smtp.reach.account-port-unreachable': {
    severity: 'high',
    title: (e) => `Your mail program’s server, ${where(e)}, cannot be used`,
    explanation: (e) =>
      `This is the server and port your account is set up with, and it did not give a working welcome: ${evidenceText(e, 'reason')} ` +
      'Until this is fixed, sending mail from this account will fail.',
    fix: {
      steps: [
        'Compare the server name, port and security setting of the account with your provider’s instructions.',
        ...FIREWALL_STEPS,
      ],
    },
    references: [rfc(6409, '3.1'), rfc(8314, '3.3')],
  },

  // -------------------------------------------------------------------------------------------------
  // The dialogue on one port
  'smtp.dialogue.unresolved': {
    severity: 'medium',
    title: (e) => `Could not find the address of ${evidenceText(e, 'host')}`,
    explanation: (e) =>
      `${evidenceText(e, 'resolver', 'The DNS resolver')} gave no address for ${evidenceText(e, 'host')} (${evidenceText(e, 'reason')}), so the conversation with the server could not be tested.`,
    fix: {
      steps: ['Check the server name for typing mistakes.', 'Check its A (or AAAA) record at your DNS host.'],
    },
    references: [rfc(5321, '5.1')],
  },
  'smtp.dialogue.unreachable': {
    severity: 'medium',
    title: (e) => `Could not talk to ${where(e)}: ${evidenceText(e, 'message')}`,
    explanation: (e) =>
      `The conversation stopped at the ${evidenceText(e, 'step')} step (${evidenceText(e, 'failure')} after ${secondsText(e, 'elapsedMs')}), so the server’s features could not be read.`,
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(5321, '4.5.3.2')],
  },
  'smtp.dialogue.interrupted': {
    severity: 'medium',
    title: (e) => `${where(e)} broke off the conversation at ${evidenceText(e, 'step')}`,
    explanation: (e) =>
      `After a normal start, the server ${evidenceText(e, 'message')}${typeof e['partial'] === 'string' ? ` (received so far: "${evidenceText(e, 'partial')}")` : ''}. ` +
      'Mail programs see the same failures; when it happens often, sending is unreliable.',
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(5321, '3.8')],
  },
  'smtp.dialogue.banner': {
    severity: 'info',
    title: (e) => `${where(e)} introduces itself as "${evidenceText(e, 'banner', '')}"`,
    explanation:
      'This is the server’s greeting (its "banner"). It is shown so you can see which server answered; it sometimes names the software and its version.',
    fix: NO_FIX,
    references: [rfc(5321, '4.3.1')],
  },
  'smtp.dialogue.helo-only': {
    severity: 'medium',
    title: (e) => `${where(e)} only speaks the 1982 protocol (HELO, no EHLO)`,
    explanation: (e) =>
      `The server refused EHLO (${evidenceText(e, 'ehloCode')}) but accepted the old HELO. Without EHLO it cannot offer any extension: no STARTTLS encryption, no login, no size limit. ` +
      'Modern servers have supported EHLO since 1995 (RFC 5321 section 4.1.1.1 requires it).',
    fix: {
      steps: [
        'Ask whoever runs this server to replace or update its mail software.',
        ...CHECK_SERVER_STEPS.slice(2),
      ],
    },
    references: [rfc(5321, '4.1.1.1'), rfc(5321, '3.2')],
  },
  'smtp.dialogue.ehlo-refused': {
    severity: 'medium',
    title: (e) => `${where(e)} refused both EHLO and HELO`,
    explanation: (e) =>
      `EHLO got ${evidenceText(e, 'ehloCode')} and HELO got ${evidenceText(e, 'heloCode')} "${evidenceText(e, 'text', '')}". A mail program cannot start a conversation with this server.`,
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(5321, '4.1.1.1')],
  },
  'smtp.dialogue.capabilities-plain': {
    severity: 'info',
    title: (e) => `${where(e)} advertises ${evidenceText(e, 'count')} features before encryption`,
    explanation: (e) => `The EHLO answer before TLS lists: ${evidenceText(e, 'capabilities', 'nothing')}.`,
    fix: NO_FIX,
    references: [rfc(5321, '4.1.1.1')],
  },
  'smtp.dialogue.capabilities-tls': {
    severity: 'info',
    title: (e) => `${where(e)} advertises ${evidenceText(e, 'count')} features over TLS`,
    explanation: (e) => `The EHLO answer over TLS lists: ${evidenceText(e, 'capabilities', 'nothing')}.`,
    fix: NO_FIX,
    references: [rfc(5321, '4.1.1.1'), rfc(3207, '4.2')],
  },

  // -------------------------------------------------------------------------------------------------
  // STARTTLS
  'smtp.starttls.offered': {
    severity: 'pass',
    title: (e) => `${where(e)} switches to encryption with STARTTLS`,
    explanation: (e) =>
      `The server offered STARTTLS and the TLS handshake worked (${evidenceText(e, 'protocol')}).`,
    fix: NO_FIX,
    references: [rfc(3207, '4')],
  },
  'smtp.starttls.not-offered': {
    severity: 'high',
    title: (e) => `${where(e)} does not offer encryption (no STARTTLS)`,
    explanation: (e) =>
      `${featuresWithoutStarttls(e)} On a submission port your password and every message would travel unencrypted, readable by anyone on the network path.`,
    fix: notOfferedFix(TLS_ON_SUBMISSION_STEPS),
    references: [rfc(3207, '4'), rfc(8314, '3.3')],
  },
  'smtp.starttls.not-offered-port25': {
    severity: 'medium',
    title: (e) => `${where(e)} does not offer encryption (no STARTTLS)`,
    explanation:
      'Other mail servers deliver to this one on port 25, and without STARTTLS they must send every message unencrypted. Nearly all large providers encrypt this traffic today.',
    fix: {
      steps: [
        'Ask whoever runs this mail server to enable STARTTLS for incoming mail with a certificate for its MX name.',
        'Postfix: set smtpd_tls_security_level = may and smtpd_tls_chain_files in main.cf, then run "postfix reload".',
        'Run this check again.',
      ],
    },
    references: [rfc(3207, '4'), rfc(7435, '1')],
  },
  'smtp.starttls.refused': {
    severity: 'high',
    title: (e) => `${where(e)} offers STARTTLS but refuses it (${evidenceText(e, 'code')})`,
    explanation: (e) =>
      `The server listed STARTTLS, then answered ${evidenceText(e, 'code')} "${evidenceText(e, 'text', '')}" when asked to start it. ` +
      'The connection stays unencrypted. A 454 usually means the server’s certificate or key could not be loaded.',
    fix: notOfferedFix([
      'Ask whoever runs this mail server to check its TLS certificate and key files and its mail log for TLS errors.',
      ...TLS_ON_SUBMISSION_STEPS.slice(1),
    ]),
    references: [rfc(3207, '4')],
  },
  'smtp.starttls.failed': {
    severity: 'high',
    title: (e) => `Encryption could not be started on ${where(e)}`,
    explanation: (e) =>
      `The server agreed to STARTTLS, but the TLS handshake failed: ${evidenceText(e, 'message')} The TLS check has the details.`,
    fix: { steps: CHECK_SERVER_STEPS },
    references: [rfc(3207, '4')],
  },
  'smtp.starttls.injection': {
    severity: 'critical',
    title: (e) => `${where(e)} sends unencrypted data while starting encryption`,
    explanation: (e) =>
      `Right after "220 Ready to start TLS", more data arrived in plain text ("${evidenceText(e, 'discarded', '')}"). ` +
      'Mailwarden threw them away, as RFC 3207 requires. This is the pattern of the STARTTLS command-injection flaw (CVE-2011-0411): an attacker on the network can slip commands or fake replies in before encryption starts, and clients or servers that keep them act on them as if they were encrypted.',
    fix: {
      steps: [
        'Send this finding to whoever runs the server: its software (or a proxy in front of it) mishandles STARTTLS.',
        'Update the mail server software; check for a firewall or "SMTP fixup" feature between you and the server and turn it off.',
        'Until fixed, prefer port 465 (TLS from the first byte), and run this check again.',
      ],
    },
    references: [rfc(3207, '4.2')],
  },

  ...STARTTLS_INJECTION_ENTRIES,

  // -------------------------------------------------------------------------------------------------
  // Mailbox disclosure
  'smtp.vrfy.closed': {
    severity: 'pass',
    title: (e) => `${where(e)} does not confirm mailboxes (VRFY ${evidenceText(e, 'code')})`,
    explanation:
      'Asked whether a mailbox exists, the server would not say. Spammers cannot use it to check addresses.',
    fix: NO_FIX,
    references: [rfc(5321, '3.5.3'), rfc(5321, '7.3')],
  },
  'smtp.vrfy.discloses': {
    severity: 'low',
    title: (e) => `${where(e)} confirms which mailboxes exist (VRFY)`,
    explanation: (e) =>
      `Asked "VRFY ${evidenceText(e, 'query')}", the server answered ${evidenceText(e, 'code')} "${evidenceText(e, 'text', '')}". ` +
      'Anyone can use this to check lists of guessed addresses and target the ones that exist with spam or phishing.',
    fix: {
      steps: [
        'Ask whoever runs this server to disable VRFY or make it answer 252.',
        'Postfix: set disable_vrfy_command = yes in main.cf, then run "postfix reload".',
        'Exim: remove VRFY from acl_smtp_vrfy (or deny it there).',
      ],
    },
    references: [rfc(5321, '3.5.3'), rfc(5321, '7.3')],
  },
  'smtp.expn.closed': {
    severity: 'pass',
    title: (e) => `${where(e)} does not reveal mailing lists (EXPN ${evidenceText(e, 'code')})`,
    explanation: 'Asked to expand a list, the server would not. Its members stay private.',
    fix: NO_FIX,
    references: [rfc(5321, '3.5.2'), rfc(5321, '7.3')],
  },
  'smtp.expn.discloses': {
    severity: 'low',
    title: (e) => `${where(e)} reveals the members of a list (EXPN)`,
    explanation: (e) =>
      `Asked "EXPN ${evidenceText(e, 'query')}", the server answered ${evidenceText(e, 'code')} with: ${evidenceText(e, 'text', '')}. ` +
      'Anyone can learn real addresses behind an alias this way.',
    fix: {
      steps: [
        'Ask whoever runs this server to disable EXPN.',
        'Postfix does not implement EXPN; Sendmail: add "noexpn" to PrivacyOptions; Exim: deny it in acl_smtp_expn.',
      ],
    },
    references: [rfc(5321, '3.5.2'), rfc(5321, '7.3')],
  },

  // -------------------------------------------------------------------------------------------------
  // Extensions from the EHLO list (after TLS when there was TLS)
  ...extensionText(
    'SIZE',
    'it states the largest message it accepts, so a mail program can refuse a too-large message before sending it (RFC 1870).',
    'pass',
  ),
  ...extensionText(
    'PIPELINING',
    'a mail program may send several commands at once, which makes sending faster (RFC 2920).',
    'pass',
  ),
  ...extensionText(
    '8BITMIME',
    'messages with accented letters and other 8-bit text are accepted as they are (RFC 6152).',
    'pass',
  ),
  ...extensionText(
    'SMTPUTF8',
    'addresses with non-Latin letters, like josé@exämple.com, are accepted (RFC 6531).',
    'info',
  ),
  ...extensionText('CHUNKING', 'large messages can be sent in pieces with BDAT (RFC 3030).', 'info'),
  ...extensionText('DSN', 'a sender can ask for delivery reports (RFC 3461).', 'info'),
  ...extensionText(
    'REQUIRETLS',
    'a sender can demand that the message is only ever passed on over verified TLS (RFC 8689).',
    'info',
  ),
  ...extensionText(
    'ENHANCEDSTATUSCODES',
    'errors come with precise codes like 5.7.8, which Mailwarden uses to explain them (RFC 2034, RFC 3463).',
    'pass',
  ),
});

export type SmtpFindingId = keyof SmtpEvidence;
