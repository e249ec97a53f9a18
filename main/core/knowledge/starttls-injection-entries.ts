/**
 * Words for the server-side STARTTLS command-injection test (the CVE-2011-0411 class): entries spread into
 * the SMTP table, not a table of their own. The reverse case, a server sending plaintext after its 220, is
 * `smtp.starttls.injection`.
 */
import { evidenceText } from './evidence-text';
import { NO_FIX, rfc, type KnowledgeEntry } from './knowledge-entry';
import type { SmtpEvidence } from './smtp-evidence';

type InjectionId =
  | 'smtp.starttls.command-injection'
  | 'smtp.starttls.command-injection-safe'
  | 'smtp.starttls.command-injection-untested';

const where = (e: { readonly host: string; readonly port: number }): string =>
  `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

const CVE_2011_0411 = {
  label: 'CVE-2011-0411 (STARTTLS plaintext command injection)',
  url: 'https://www.cve.org/CVERecord?id=CVE-2011-0411',
};

export const STARTTLS_INJECTION_ENTRIES = {
  'smtp.starttls.command-injection': {
    severity: 'high',
    title: (e) => `${where(e)} runs commands sent before encryption as if they were encrypted`,
    explanation: (e) =>
      `Mailwarden sent STARTTLS and ${evidenceText(e, 'injected')} together in one packet, before encryption started. ` +
      `After the TLS handshake the server answered the ${evidenceText(e, 'injected')} inside the encrypted session ` +
      `(${evidenceText(e, 'code')} "${evidenceText(e, 'text', '')}"), so it kept unencrypted input across the switch to TLS. ` +
      'Anyone on the network path can add commands behind a sender’s STARTTLS (for example another recipient, or a login attempt) and the server carries them out as if they had come through the encrypted channel. ' +
      'This is the STARTTLS command-injection flaw (CVE-2011-0411 and its relatives); RFC 3207 requires the server to forget everything it received before TLS.',
    fix: {
      steps: [
        'Send this finding to whoever runs the server: its software (or a proxy or "SMTP inspection" box in front of it) does not discard buffered input at STARTTLS.',
        'Update the mail server software to a release that fixes STARTTLS command injection (Postfix has since 2.8.0 / 2.7.3; many others fixed the same flaw in 2011 and again in 2021).',
        'Turn off any firewall "SMTP fixup", "ESMTP inspection" or proxy feature in front of the server, then run this check again.',
      ],
    },
    references: [rfc(3207, '4.2'), rfc(2920, '3.1'), CVE_2011_0411],
  },
  'smtp.starttls.command-injection-safe': {
    severity: 'pass',
    title: (e) => `${where(e)} ignores commands sent before encryption`,
    explanation: (e) =>
      `Mailwarden sent STARTTLS and ${evidenceText(e, 'injected')} together in one packet. After the TLS handshake the server did not answer the ${evidenceText(e, 'injected')}: it threw away what arrived before encryption, as RFC 3207 requires, so commands slipped in by someone on the network are not carried out.`,
    fix: NO_FIX,
    references: [rfc(3207, '4.2'), CVE_2011_0411],
  },
  'smtp.starttls.command-injection-untested': {
    severity: 'info',
    title: (e) => `Command injection at STARTTLS could not be tested on ${where(e)}`,
    explanation: (e) =>
      `The test sends STARTTLS and ${evidenceText(e, 'injected')} in one packet and watches where the answer comes. ` +
      `It stopped at ${evidenceText(e, 'step')}: ${evidenceText(e, 'reason')} The other STARTTLS findings for this port say more.`,
    fix: {
      steps: [
        'Run this check again; if it keeps stopping here, look at the STARTTLS and TLS findings for this port first.',
      ],
    },
    references: [rfc(3207, '4.2')],
  },
} satisfies { readonly [Id in InjectionId]: KnowledgeEntry<SmtpEvidence[Id]> };
