/**
 * Words for the MTA-STS findings (RFC 8461).
 */
import type { Evidence, Fix } from '../../../preload/contract/findings';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { MtaStsEvidence } from './mta-sts-evidence';

/** A field of the finding's own evidence as text; only fields its type declares can be named. */
const str = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const list = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return Array.isArray(value) ? value.map(String).join(', ') : '';
};

/** Where the policy must be served and how. */
function servePolicy(e: { readonly policyUrl: string; readonly policyHost: string }, first: string): Fix {
  return {
    steps: [
      first,
      `Serve the policy at ${str(e, 'policyUrl')} with status 200 and "Content-Type: text/plain", directly (no redirect), under a certificate valid for ${str(e, 'policyHost')} from a public certificate authority.`,
      'Keep the file small (well under 64 KB).',
    ],
  };
}

export const MTA_STS_KNOWLEDGE = defineKnowledge<MtaStsEvidence>()({
  'mta-sts.domain.invalid': {
    severity: 'info',
    title: 'MTA-STS could not be checked: the domain name is not valid',
    explanation: (e) => `"${str(e, 'domain')}" cannot be looked up: ${str(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of your email address, such as example.com.'] },
    references: [rfc(8461, '3.1')],
  },
  'mta-sts.lookup.failed': {
    severity: 'low',
    title: 'The MTA-STS record could not be read',
    explanation: (e) => `The lookup of ${str(e, 'name')} failed: ${str(e, 'reason')}.`,
    fix: {
      steps: [
        'Run the check again later; if it keeps failing, ask your DNS host why that name does not answer.',
      ],
    },
    references: [rfc(8461, '3.1')],
  },
  'mta-sts.record.missing': {
    severity: 'low',
    title: 'No MTA-STS policy',
    explanation:
      'Without MTA-STS, other mail servers deliver to you over TLS only when it happens to work: an attacker on the network path can silently downgrade the connection to plain text. MTA-STS tells them to insist on verified TLS.',
    fix: (e) => ({
      steps: [
        `Create the policy file below and serve it at ${str(e, 'policyUrl')} (a small web host with a valid certificate for ${str(e, 'policyHost')} is enough):`,
        str(e, 'suggestedPolicy'),
        'Publish the TXT record below. Change its id every time you change the policy.',
        'Start in "testing" mode with TLS reports (TLS-RPT) on; switch to "enforce" when the reports are clean.',
      ],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [rfc(8461, '3.1'), rfc(8461, '3.2')],
  },
  'mta-sts.record.multiple': {
    severity: 'medium',
    title: 'More than one MTA-STS record',
    explanation: (e) =>
      `${str(e, 'recordName')} has ${str(e, 'recordCount')} records starting with v=STSv1, so senders ignore MTA-STS.`,
    fix: { steps: ['Keep exactly one v=STSv1 record at that name.'] },
    references: [rfc(8461, '3.1')],
  },
  'mta-sts.record.syntax': {
    severity: 'medium',
    title: 'The MTA-STS record has errors',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} is not valid (${list(e, 'problems')}), so senders may ignore your policy.`,
    fix: (e) => ({
      steps: ['Replace it with a record of this form, with a new id whenever the policy changes:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [rfc(8461, '3.1')],
  },
  'mta-sts.policy.unreachable': {
    severity: 'high',
    title: 'The MTA-STS policy cannot be fetched',
    explanation: (e) =>
      `The TXT record announces a policy, but ${str(e, 'policyUrl')} could not be fetched: ${str(e, 'reason')}. Senders then act as if you had no policy.`,
    fix: (e) => servePolicy(e, `Make sure ${str(e, 'policyHost')} resolves and answers HTTPS on port 443.`),
    references: [rfc(8461, '3.3')],
  },
  'mta-sts.policy.certificate': {
    severity: 'high',
    title: 'The MTA-STS policy server has an invalid certificate',
    explanation: (e) =>
      `The certificate of ${str(e, 'policyHost')} did not verify (${str(e, 'reason')}). Senders must not use a policy fetched without a valid certificate, so your policy is ignored.`,
    fix: (e) =>
      servePolicy(
        e,
        `Install a certificate for ${str(e, 'policyHost')} from a public certificate authority (for example Let's Encrypt).`,
      ),
    references: [rfc(8461, '3.3')],
  },
  'mta-sts.policy.redirect': {
    severity: 'high',
    title: 'The MTA-STS policy URL redirects',
    explanation: (e) =>
      `${str(e, 'policyUrl')} answers with a redirect (HTTP ${str(e, 'status')} to ${str(e, 'location')}). Senders must not follow redirects for MTA-STS, so your policy is ignored.`,
    fix: (e) =>
      servePolicy(
        e,
        'Serve the file itself at that exact URL; remove the redirect (for example an http-to-https or www rule).',
      ),
    references: [rfc(8461, '3.3')],
  },
  'mta-sts.policy.too-large': {
    severity: 'medium',
    title: 'The MTA-STS policy is too large',
    explanation: (e) =>
      `The policy at ${str(e, 'policyUrl')} is larger than ${str(e, 'maxBytes')} bytes; senders may refuse to read it.`,
    fix: (e) => servePolicy(e, 'Serve only the policy lines (version, mode, mx, max_age).'),
    references: [rfc(8461, '3.2')],
  },
  'mta-sts.policy.http-status': {
    severity: 'high',
    title: 'The MTA-STS policy URL does not return the policy',
    explanation: (e) =>
      `${str(e, 'policyUrl')} answered HTTP ${str(e, 'status')} instead of 200, so senders have no policy.`,
    fix: (e) => servePolicy(e, 'Put the policy file at that path.'),
    references: [rfc(8461, '3.3')],
  },
  'mta-sts.policy.content-type': {
    severity: 'medium',
    title: 'The MTA-STS policy has the wrong content type',
    explanation: (e) =>
      `The policy is served as "${str(e, 'contentType')}"; it must be text/plain, and strict senders ignore it otherwise.`,
    fix: (e) => servePolicy(e, 'Configure the web server to send "Content-Type: text/plain" for this file.'),
    references: [rfc(8461, '3.2')],
  },
  'mta-sts.policy.syntax': {
    severity: 'high',
    title: 'The MTA-STS policy has errors',
    explanation:
      'The policy file has problems (listed in the evidence); senders ignore a policy they cannot read.',
    fix: (e) => ({
      steps: [
        'Replace the file with a valid policy, for example:',
        str(e, 'suggestedPolicy'),
        'Then change the id in the TXT record so senders fetch it again.',
      ],
    }),
    references: [rfc(8461, '3.2')],
  },
  'mta-sts.mode.none': {
    severity: 'medium',
    title: 'MTA-STS is switched off (mode: none)',
    explanation:
      'The policy says "mode: none", which tells senders to forget any earlier policy: your inbound mail has no downgrade protection.',
    fix: {
      steps: [
        'If this is deliberate (you are withdrawing MTA-STS), nothing to do.',
        'Otherwise set "mode: testing", then "mode: enforce", and change the TXT id each time.',
      ],
    },
    references: [rfc(8461, '5')],
  },
  'mta-sts.mode.testing': {
    severity: 'low',
    title: 'MTA-STS is in testing mode',
    explanation:
      'Senders report TLS problems but still deliver over an insecure connection. Good for a start; enforce mode gives the protection.',
    fix: {
      steps: [
        'Read your TLS-RPT reports for a few weeks.',
        'When they show no failures, change "mode: testing" to "mode: enforce" and change the id in the TXT record.',
      ],
    },
    references: [rfc(8461, '5')],
  },
  'mta-sts.mode.enforce': {
    severity: 'pass',
    title: 'MTA-STS is enforced',
    explanation:
      'Senders that support MTA-STS only deliver to you over TLS with a valid certificate on a listed MX host.',
    fix: NO_FIX,
    references: [rfc(8461, '5')],
  },
  'mta-sts.max-age.short': {
    severity: 'low',
    title: 'The MTA-STS max_age is short',
    explanation: (e) =>
      `max_age is ${str(e, 'maxAge')} seconds. Senders forget the policy that soon, which reopens the window for a downgrade attack; the RFC suggests weeks.`,
    fix: { steps: ['Set "max_age: 604800" (one week) or more, up to 31557600, and change the TXT id.'] },
    references: [rfc(8461, '3.2')],
  },
  'mta-sts.mx.unmatched': {
    severity: 'high',
    title: 'An MX host is not covered by the MTA-STS policy',
    explanation: (e) =>
      `The MX host(s) ${list(e, 'unmatched')} match no "mx:" line of the policy (${list(e, 'patterns')}). In enforce mode senders refuse to deliver to them; in testing mode they report failures.`,
    fix: {
      steps: [
        'Add an "mx:" line for each MX host (a "*.example.com" pattern covers one label to the left).',
        'Change the id in the TXT record so senders fetch the new policy.',
      ],
    },
    references: [rfc(8461, '4.1')],
  },
  'mta-sts.mx.lookup-failed': {
    severity: 'info',
    title: 'The MX hosts could not be compared with the MTA-STS policy',
    explanation: (e) =>
      `The MX lookup failed (${str(e, 'reason')}), so we could not check that the policy covers them.`,
    fix: { steps: ['Run the check again later.'] },
    references: [rfc(8461, '4.1')],
  },
  'mta-sts.mx.all-matched': {
    severity: 'pass',
    title: 'Every MX host is covered by the MTA-STS policy',
    explanation: 'Each MX host of the domain matches an "mx:" line of the policy.',
    fix: NO_FIX,
    references: [rfc(8461, '4.1')],
  },
});
