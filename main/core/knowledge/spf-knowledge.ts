/**
 * Wording for the SPF check: which servers may send mail as the domain, and what receivers do with the rest.
 *
 * Rules: RFC 7208 (SPF): section 4.5 (one record), 4.6 (syntax), 4.6.4 (10 DNS lookups, 2 void lookups),
 * 5.1 (all), 5.5 (ptr is deprecated), 6.1 (redirect), 8 (results); RFC 7489 section 6.6 (DMARC on top).
 */
import type { Fix } from '../../../preload/contract/findings';
import { evidenceList, evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { SpfEvidence, SpfMaybeProposalEvidence } from './spf-evidence';

const PARKED_BCP = {
  label: 'M3AAWG: Protecting Parked Domains Best Common Practices',
  url: 'https://www.m3aawg.org/documents/en/m3aawg-protecting-parked-domains-best-common-practices',
};

/** A list of terms in a sentence, or "none". */
const listOrNone = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

const DNS_STEP =
  "Sign in where your domain's DNS is managed (your registrar or DNS host) and open the DNS records of the domain.";

/** The fix that publishes the proposed record (evidence: domain, proposedRecord, proposedLookupCount). */
function publishFix(first: string, evidence: SpfMaybeProposalEvidence): Fix {
  const record = evidenceText(evidence, 'proposedRecord', '');
  const domain = evidenceText(evidence, 'domain');
  const steps = [
    DNS_STEP,
    first,
    record === ''
      ? 'Correct the record as described above.'
      : `Make it exactly: ${record} (it needs ${evidenceText(evidence, 'proposedLookupCount')} of the 10 DNS lookups allowed).`,
    "Save, wait for the DNS change to spread (up to the record's TTL, often an hour), and run this check again.",
  ];
  const notes = evidenceList(evidence, 'proposalNotes');
  const providerSteps = providerStepsOf(evidence);
  return {
    steps: notes.length === 0 ? steps : [...steps, `What changed: ${notes.join(' ')}`],
    ...(record === '' ? {} : { record: { type: 'TXT' as const, name: domain, value: record } }),
    ...(providerSteps === null ? {} : { providerSteps }),
  };
}

/** Per preset id: "add include:X", from evidence.providerIncludes ({ presetId: include }). */
function providerStepsOf(
  evidence: SpfMaybeProposalEvidence,
): { readonly [presetId: string]: readonly string[] } | null {
  // Typed evidence promises the map; a report from elsewhere may still lack it.
  const includes: unknown = evidence.providerIncludes;
  if (includes === undefined || includes === null || typeof includes !== 'object' || Array.isArray(includes))
    return null;
  const out: Record<string, readonly string[]> = {};
  for (const [presetId, include] of Object.entries(includes as Record<string, unknown>)) {
    if (typeof include !== 'string') continue;
    out[presetId] = [
      `Your provider (${presetId}) documents "include:${include}" as its SPF entry; the record above already has it.`,
      'Keep only one TXT record starting with v=spf1: merge, never add a second one.',
    ];
  }
  return Object.keys(out).length === 0 ? null : out;
}

export const SPF_KNOWLEDGE = defineKnowledge<SpfEvidence>()({
  'spf.domain.invalid': {
    severity: 'high',
    title: (e) => `"${evidenceText(e, 'input')}" is not a domain whose SPF can be checked`,
    explanation: (e) =>
      `The SPF check needs a domain such as example.com. This one cannot be used: ${evidenceText(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of the email address, after the @, such as example.com.'] },
    references: [rfc(7208, '4.3')],
  },
  'spf.lookup.failed': {
    severity: 'medium',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} could not be read`,
    explanation: (e) =>
      `${evidenceText(e, 'message')} Receivers that meet the same failure treat SPF as a temporary error (temperror) and may delay your mail. If it was only this computer's network, run the check again.`,
    fix: {
      steps: [
        'Run the check again; if you chose a DNS server in the settings, make sure it is reachable.',
        "If it fails again, ask whoever hosts your domain's DNS to check that its name servers answer.",
      ],
    },
    references: [rfc(7208, '4.4')],
  },
  'spf.record.missing': {
    severity: 'high',
    title: (e) => `${evidenceText(e, 'domain')} has no SPF record`,
    explanation: (e) =>
      `No TXT record of ${evidenceText(e, 'domain')} starts with "v=spf1", so receivers cannot tell which servers may send mail as your domain. Anyone can forge it, and Gmail, Yahoo and Outlook.com increasingly reject or junk mail from domains without SPF.`,
    fix: (e) => publishFix('Add a TXT record at the domain itself (the name "@" at most DNS hosts).', e),
    references: [rfc(7208, '4.5'), rfc(7208, '3')],
  },
  'spf.record.multiple': {
    severity: 'high',
    title: (e) =>
      `${evidenceText(e, 'domain')} has ${evidenceText(e, 'count')} SPF records; receivers ignore all of them`,
    explanation: (e) =>
      `More than one TXT record starts with "v=spf1" (${evidenceList(e, 'records').join(' | ')}). RFC 7208 section 4.5 makes that a permanent error: receivers treat the domain as if its SPF were broken, and DMARC then fails for SPF.`,
    fix: (e) => publishFix('Delete all but one of the TXT records that start with v=spf1.', e),
    references: [rfc(7208, '4.5'), rfc(7208, '3.2')],
  },
  'spf.record.found': {
    severity: 'pass',
    title: (e) => `${evidenceText(e, 'domain')} publishes one SPF record`,
    explanation: (e) => `The SPF record is: ${evidenceText(e, 'record')}`,
    fix: NO_FIX,
    references: [rfc(7208, '4.5')],
  },
  'spf.record.control-characters': {
    severity: 'high',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} holds invisible control characters`,
    explanation: (e) =>
      `The record contains ${evidenceText(e, 'count')} character(s) such as line breaks or tabs that SPF does not allow (shown here with each one as its code point, such as ⟨U+0009⟩ for a tab: ${evidenceText(e, 'shown')}). Receivers treat the record as broken (permerror). This usually comes from pasting text into the DNS editor.`,
    fix: (e) => publishFix('Open the TXT record that starts with v=spf1 and retype it on one line.', e),
    references: [rfc(7208, '4.6'), rfc(7208, '3.3')],
  },
  'spf.record.too-long': {
    severity: 'high',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} is unreasonably long`,
    explanation: (e) =>
      `The record is ${evidenceText(e, 'length')} characters long. Mailwarden read only the first ${evidenceText(e, 'limit')}. A record this long does not fit a normal DNS answer and many receivers give up on it.`,
    fix: {
      steps: [
        DNS_STEP,
        "Shorten the record: replace long lists of addresses with your providers' include: entries.",
      ],
    },
    references: [rfc(7208, '3.4')],
  },
  'spf.syntax.invalid': {
    severity: 'high',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} has ${evidenceText(e, 'count')} syntax error(s)`,
    explanation: (e) =>
      `Receivers stop at a syntax error and treat the whole record as broken (permerror), so none of it protects you. Problems: ${evidenceList(e, 'messages').join(' ')}`,
    fix: (e) =>
      publishFix('Open the TXT record that starts with v=spf1 and correct the terms named above.', e),
    references: [rfc(7208, '4.6'), rfc(7208, '12')],
  },
  'spf.syntax.valid': {
    severity: 'pass',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} is valid`,
    explanation: (e) => `All ${evidenceText(e, 'terms')} terms follow the SPF syntax.`,
    fix: NO_FIX,
    references: [rfc(7208, '12')],
  },
  'spf.mechanism.ptr': {
    severity: 'low',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} uses the deprecated "ptr" mechanism`,
    explanation: (e) =>
      `"${evidenceList(e, 'terms').join('", "')}" asks receivers for reverse DNS. RFC 7208 section 5.5 says not to use it: it is slow, unreliable, and some large receivers ignore it, so mail that only passes through ptr may fail.`,
    fix: {
      steps: [
        DNS_STEP,
        'Replace "ptr" with the ip4:/ip6: addresses or the include: of the servers it was meant to cover.',
      ],
    },
    references: [rfc(7208, '5.5')],
  },
  'spf.lookups.too-many': {
    severity: 'high',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} needs ${evidenceText(e, 'lookupCount')} DNS lookups; the limit is 10`,
    explanation: (e) =>
      'Every include, a, mx, ptr, exists and redirect costs one DNS lookup, counted through all nested includes (the tree shows where they come from). ' +
      `Receivers count as they go and stop at the 11th lookup, here at ${evidenceText(e, 'cutoffTerm', 'the 11th lookup')}, with a permanent error (permerror). ` +
      `Servers matched before that still pass: ${listOrNone(evidenceList(e, 'stillEvaluated'))}. ` +
      `Servers that only ${evidenceText(e, 'cutoffTerm', 'that term')} or later terms allow fail SPF everywhere: ${listOrNone(evidenceList(e, 'neverReached'))}.`,
    fix: {
      steps: [
        DNS_STEP,
        'Remove include: entries for services you no longer use (see the tree for what each one costs).',
        'Replace "a" and "mx" with the ip4:/ip6: addresses they stand for, where those addresses are stable.',
        'Move a sending service that needs many lookups to a subdomain (for example its own return-path domain).',
      ],
    },
    references: [rfc(7208, '4.6.4')],
  },
  'spf.lookups.within-limit': {
    severity: 'pass',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} needs ${evidenceText(e, 'lookupCount')} of the 10 DNS lookups allowed`,
    explanation: 'Counted through every nested include; the tree shows where each lookup comes from.',
    fix: NO_FIX,
    references: [rfc(7208, '4.6.4')],
  },
  'spf.lookups.void-too-many': {
    severity: 'high',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} has ${evidenceText(e, 'voidLookups')} lookups that find nothing; the limit is 2`,
    explanation: (e) =>
      `Names in the record point at nothing (${evidenceList(e, 'voidTerms').join(', ')}). RFC 7208 section 4.6.4 lets receivers stop after two such "void" lookups and treat SPF as broken (permerror).`,
    fix: { steps: [DNS_STEP, 'Remove or correct the entries that point at names without records.'] },
    references: [rfc(7208, '4.6.4')],
  },
  'spf.include.loop': {
    severity: 'high',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} includes itself in a loop`,
    explanation: (e) =>
      `Following the includes leads back to a record already being read (${evidenceList(e, 'loops').join('; ')}). Receivers end in a permanent error (permerror).`,
    fix: { steps: [DNS_STEP, 'Remove the include: or redirect= that points back up the chain.'] },
    references: [rfc(7208, '5.2'), rfc(7208, '4.6.4')],
  },
  'spf.include.syntax-error': {
    severity: 'high',
    title: (e) =>
      `A record included by the SPF record of ${evidenceText(e, 'domain')} has a syntax error (${evidenceText(e, 'includedDomain')})`,
    explanation: (e) =>
      `Following ${evidenceList(e, 'includePath').join(' → ')} leads to the SPF record of ${evidenceText(e, 'includedDomain')}, which is broken: ${evidenceList(e, 'messages').join(' ')} ` +
      'RFC 7208 section 5.2 makes a permanent error inside an include the result of the whole check, so every receiver that reaches this include returns permerror for your domain, however well your own record is written. Senders matched before it still pass.',
    fix: (e) => ({
      steps: [
        `If ${evidenceText(e, 'includedDomain')} is yours, correct its SPF record; if it belongs to a provider, send them this finding.`,
        'If the include is a leftover or a typo, remove or correct it in your own record.',
        'Run this check again.',
      ],
    }),
    references: [rfc(7208, '5.2'), rfc(7208, '4.6')],
  },
  'spf.include.missing': {
    severity: 'high',
    title: (e) => `An include in the SPF record of ${evidenceText(e, 'domain')} points at a name without SPF`,
    explanation: (e) =>
      `${evidenceList(e, 'terms').join(', ')} lead(s) to no SPF record. RFC 7208 section 5.2 makes that a permanent error (permerror) whenever a receiver reaches it.`,
    fix: {
      steps: [
        DNS_STEP,
        "Correct the include's spelling from your provider's instructions, or remove it if you no longer use that service.",
      ],
    },
    references: [rfc(7208, '5.2')],
  },
  'spf.include.lookup-failed': {
    severity: 'medium',
    title: (e) => `Part of the SPF tree of ${evidenceText(e, 'domain')} could not be read`,
    explanation: (e) =>
      `${evidenceList(e, 'messages').join(' ')} The lookup count may be higher than shown. Receivers meeting the same failure return a temporary error and may delay your mail.`,
    fix: {
      steps: [
        'Run the check again.',
        'If it keeps failing, ask the owner of the failing name (often your provider) about their DNS.',
      ],
    },
    references: [rfc(7208, '4.6.4')],
  },
  'spf.mx.too-many-records': {
    severity: 'high',
    title: (e) =>
      `An "mx" in the SPF record of ${evidenceText(e, 'domain')} points at more than 10 MX records`,
    explanation: (e) =>
      `${evidenceList(e, 'details').join('; ')}. RFC 7208 section 4.6.4 makes an mx mechanism with more than 10 MX records a permanent error (permerror).`,
    fix: {
      steps: [
        DNS_STEP,
        'Replace that "mx" with the include: your mail provider documents, or with ip4:/ip6: ranges.',
      ],
    },
    references: [rfc(7208, '4.6.4')],
  },
  'spf.parked.fail-all': {
    severity: 'pass',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} lets no server send (right for a parked domain)`,
    explanation:
      '"v=spf1 -all" tells every receiver that no server may send mail as this domain, which is what a domain that sends no mail should publish.',
    fix: NO_FIX,
    references: [rfc(7208, '10.1.2'), PARKED_BCP],
  },
  'spf.parked.not-fail-all': {
    severity: 'high',
    title: (e) => `${evidenceText(e, 'domain')} sends no mail, but its SPF record does not say so`,
    explanation: (e) =>
      `This domain sends no mail, so no server should be allowed to send as it. Its SPF record is "${evidenceText(e, 'record', 'missing')}", which leaves room for forged mail. A parked domain publishes exactly "v=spf1 -all".`,
    fix: (e) => ({
      steps: [
        DNS_STEP,
        `Publish (or replace the v=spf1 record with) exactly: ${evidenceText(e, 'proposedRecord')}`,
      ],
      record: { type: 'TXT', name: evidenceText(e, 'domain'), value: evidenceText(e, 'proposedRecord') },
    }),
    references: [rfc(7208, '10.1.2'), PARKED_BCP],
  },
  'spf.all.terms-after': {
    severity: 'low',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} has mechanisms after "all" that are never read`,
    explanation: (e) =>
      `${evidenceList(e, 'terms').join(', ')} come after "all". Evaluation stops at "all", which matches every sender, so receivers ignore everything written after it (RFC 7208 section 5.1). Servers meant to be allowed by those terms are not.`,
    fix: {
      steps: [
        DNS_STEP,
        'Move the terms named above before "all" (all must be the last mechanism), or remove them if they are not needed.',
        'Run this check again.',
      ],
    },
    references: [rfc(7208, '5.1')],
  },
  'spf.all.plus-all': {
    severity: 'critical',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} ends in "+all": every server on the internet may send as you`,
    explanation:
      '"+all" tells receivers that any server is allowed to send mail as your domain, which is the same as publishing no protection at all, and spammers look for it.',
    fix: (e) => publishFix('Open the TXT record that starts with v=spf1.', e),
    references: [rfc(7208, '5.1'), rfc(7208, '8.3')],
  },
  'spf.all.neutral': {
    severity: 'medium',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} ends in "?all" (neutral)`,
    explanation:
      '"?all" says "no opinion" about servers you did not list, so forged mail is not even marked as suspicious. It is meant for testing only.',
    fix: (e) => publishFix('Open the TXT record that starts with v=spf1.', e),
    references: [rfc(7208, '8.2')],
  },
  'spf.all.softfail': {
    severity: 'info',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} ends in "~all" (soft fail)`,
    explanation:
      '"~all" asks receivers to accept but mark mail from servers you did not list. That is the usual, safe choice when DMARC is at p=quarantine or p=reject: DMARC then decides what happens to forged mail, and a forwarded message is not rejected by SPF alone. Without DMARC enforcement, "-all" would make receivers reject forged mail outright.',
    fix: NO_FIX,
    references: [rfc(7208, '8.5'), rfc(7489, '6.6')],
  },
  'spf.all.fail': {
    severity: 'pass',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} ends in "-all"`,
    explanation: 'Mail from servers you did not list fails SPF, so receivers can reject forged mail.',
    fix: NO_FIX,
    references: [rfc(7208, '8.4')],
  },
  'spf.all.missing': {
    severity: 'medium',
    title: (e) => `The SPF record of ${evidenceText(e, 'domain')} has no "all" and no redirect`,
    explanation:
      'When nothing in the record matches, the result is "neutral" (RFC 7208 section 4.7): receivers are told nothing about servers you did not list, so forged mail is not marked.',
    fix: (e) => publishFix('Open the TXT record that starts with v=spf1.', e),
    references: [rfc(7208, '4.7'), rfc(7208, '5.1')],
  },
  'spf.provider.include-missing': {
    severity: 'high',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} does not authorise ${evidenceList(e, 'providers').join(', ')}`,
    explanation: (e) =>
      `Your mail goes out through ${evidenceList(e, 'providers').join(', ')}, whose documented SPF entry is missing (${evidenceList(e, 'missing').join(', ')}). Receivers will see your own mail fail SPF.`,
    fix: (e) => publishFix('Open the TXT record that starts with v=spf1 (do not add a second one).', e),
    references: [rfc(7208, '5.2')],
  },
  'spf.provider.include-present': {
    severity: 'pass',
    title: (e) =>
      `The SPF record of ${evidenceText(e, 'domain')} authorises ${evidenceList(e, 'providers').join(', ')}`,
    explanation: (e) => `It includes ${evidenceList(e, 'includes').join(', ')}.`,
    fix: NO_FIX,
    references: [rfc(7208, '5.2')],
  },
  'spf.evaluation.pass': {
    severity: 'pass',
    title: (e) => `${evidenceText(e, 'ip')} may send mail as ${evidenceText(e, 'domain')} (SPF pass)`,
    explanation: (e) =>
      `Matched by "${evidenceText(e, 'matchedMechanism', 'a mechanism')}" in the record of ${evidenceText(e, 'matchedIn')}.`,
    fix: NO_FIX,
    references: [rfc(7208, '8.3')],
  },
  'spf.evaluation.fail': {
    severity: 'high',
    title: (e) =>
      `${evidenceText(e, 'ip')} is not allowed to send mail as ${evidenceText(e, 'domain')} (SPF fail)`,
    explanation: (e) =>
      `${evidenceText(e, 'role')} at ${evidenceText(e, 'ip')} is refused by the record (${evidenceText(e, 'matchedMechanism', 'its default')}). Receivers may reject its mail.`,
    fix: {
      steps: [
        DNS_STEP,
        "Add this server to the SPF record: the provider's include:, or ip4:/ip6: with its address.",
      ],
    },
    references: [rfc(7208, '8.4')],
  },
  'spf.evaluation.softfail': {
    severity: 'medium',
    title: (e) =>
      `${evidenceText(e, 'ip')} is not listed in the SPF record of ${evidenceText(e, 'domain')} (soft fail)`,
    explanation: (e) =>
      `${evidenceText(e, 'role')} at ${evidenceText(e, 'ip')} is not listed, so its mail is marked as suspicious and fails DMARC's SPF test.`,
    fix: {
      steps: [
        DNS_STEP,
        "Add this server to the SPF record: the provider's include:, or ip4:/ip6: with its address.",
      ],
    },
    references: [rfc(7208, '8.5')],
  },
  'spf.evaluation.neutral': {
    severity: 'medium',
    title: (e) =>
      `SPF gives no verdict for ${evidenceText(e, 'ip')} sending as ${evidenceText(e, 'domain')} (neutral)`,
    explanation: (e) =>
      `${evidenceText(e, 'role')} at ${evidenceText(e, 'ip')} is neither allowed nor refused, so SPF does not help it pass DMARC.`,
    fix: {
      steps: [
        DNS_STEP,
        "Add this server to the SPF record: the provider's include:, or ip4:/ip6: with its address.",
      ],
    },
    references: [rfc(7208, '8.2')],
  },
  'spf.evaluation.none': {
    severity: 'high',
    title: (e) =>
      `No SPF result for ${evidenceText(e, 'ip')}: ${evidenceText(e, 'domain')} has no usable record`,
    explanation: 'Without an SPF record, receivers cannot confirm any of your servers.',
    fix: { steps: ['Publish an SPF record (see the SPF record finding).'] },
    references: [rfc(7208, '8.1')],
  },
  'spf.evaluation.temperror': {
    severity: 'medium',
    title: (e) => `SPF for ${evidenceText(e, 'ip')} ended in a temporary error`,
    explanation: (e) => `${evidenceText(e, 'comment')}. Receivers meeting this may delay your mail.`,
    fix: {
      steps: ['Run the check again.', 'If it persists, have the DNS of the names in the record checked.'],
    },
    references: [rfc(7208, '8.6')],
  },
  'spf.evaluation.permerror': {
    severity: 'high',
    title: (e) => `SPF for ${evidenceText(e, 'ip')} ended in a permanent error`,
    explanation: (e) =>
      `${evidenceText(e, 'comment')}. Receivers treat this as an SPF failure, and DMARC fails for SPF.`,
    fix: { steps: ['Fix the record problems reported by the other SPF findings.'] },
    references: [rfc(7208, '8.7')],
  },
});
