/**
 * Words for `mailwarden analyse`: what a received message itself proves about its sender's
 * authentication (DKIM, SPF, DMARC, ARC), what the receiver concluded, and the path it took.
 *
 * Evidence is data (domains, selectors, outcomes, hop lists); the prose never quotes mailauth's codes.
 */
import type { Evidence } from '../../../preload/contract/findings';
import { evidenceList, evidenceRecords, evidenceText, isTrue } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { MessageEvidence } from './message-evidence';
import { MESSAGE_PROOF_ENTRIES } from './message-proof-entries';
import { MESSAGE_RECEIVED_ENTRIES } from './message-received-entries';

const t = evidenceText;

/** "d=example.com, selector s1" for a DKIM finding's evidence. */
const signature = (e: Evidence): string => `d=${t(e, 'signingDomain')}, selector ${t(e, 'selector')}`;

/** Disagreements as "DKIM: receiver pass, Mailwarden fail" for each row. */
function disagreements(e: Evidence): string {
  const rows = evidenceRecords(e, 'disagreements');
  if (rows.length === 0) return 'No disagreement was listed';
  return rows
    .map(
      (row) =>
        `${t(row, 'method').toUpperCase()}: the receiver says ${t(row, 'receiver')}, Mailwarden says ${t(row, 'mailwarden')}`,
    )
    .join('; ');
}

export const MESSAGE_KNOWLEDGE = defineKnowledge<MessageEvidence>()({
  // ---- The input ----------------------------------------------------------------------------------
  'message.input.too-large': {
    severity: 'medium',
    title: 'The message is too large to analyse',
    explanation: (e) =>
      `The message is larger than ${t(e, 'maxBytes')} bytes, more than any big mail provider accepts, so Mailwarden did not read it. Nothing in it was judged.`,
    fix: {
      steps: [
        'Save the message again without its attachments, or paste only its header (the DKIM body hash is then not checked).',
      ],
    },
    references: [rfc(5322, '2.1.1')],
  },
  'message.input.not-a-message': {
    severity: 'medium',
    title: 'This is not an email message',
    explanation:
      'The input has no header fields ("Name: value" lines at the top), so there is nothing to judge. A message saved as .eml, or the "show original" / "view source" text of a message, starts with lines such as Received:, From: and DKIM-Signature:.',
    fix: {
      steps: [
        'In your mail program, open the message and choose "Show original", "View source" or "Save as .eml", then analyse that file.',
      ],
    },
    references: [rfc(5322, '2.1')],
  },
  'message.header.too-many-fields': {
    severity: 'high',
    title: 'The message has more header fields than any real message',
    explanation: (e) =>
      `The header has ${t(e, 'fieldCount')} fields; Mailwarden reads ${t(e, 'maxFields')}. So many fields come from a mail loop or a message built to exhaust filters, and signatures over a header read only in part prove nothing, so DKIM, SPF and DMARC were not judged.`,
    fix: {
      steps: [
        'If this is your own mail, look for a forwarding loop (two mailboxes forwarding to each other) and break it.',
        'If it came from outside, treat it as hostile and delete it.',
      ],
    },
    references: [rfc(5321, '6.3')],
  },
  'message.header.malformed-lines': {
    severity: 'medium',
    title: 'Some header lines are not valid header fields',
    explanation: (e) =>
      `Lines ${evidenceList(e, 'lines').join(', ')} of the header are neither "Name: value" nor the continuation of a field. Receivers read such lines differently (some end the header there, some skip the line), which is how a forged From or a hidden second header is slipped past one filter and shown by another. They were ignored here.`,
    fix: {
      steps: [
        'If the message came from your own system, fix the program that wrote the header so every line is "Name: value" or starts with a space or tab.',
        'If it came from outside, do not trust what it claims to be.',
      ],
    },
    references: [rfc(5322, '2.2')],
  },
  'message.header.long-lines': {
    severity: 'low',
    title: 'Header lines are longer than the standard allows',
    explanation: (e) =>
      `These fields have a line over 998 characters: ${evidenceList(e, 'fields').join(', ')}. Some servers cut or refuse such lines, which breaks a DKIM signature over them.`,
    fix: {
      steps: [
        'Fold long header fields over several lines (each continuation starts with a space); the program that wrote them should do this.',
      ],
    },
    references: [rfc(5322, '2.1.1')],
  },
  'message.header.oversized-field': {
    severity: 'medium',
    title: 'A header field is too long to read',
    explanation: (e) =>
      `These fields are longer than ${t(e, 'maxChars')} characters: ${evidenceList(e, 'fields').join(', ')}. Mailwarden read only their start, so what they say is not trusted.`,
    fix: {
      steps: [
        'If the message came from outside, treat it as hostile; a real header field is a few hundred characters at most.',
      ],
    },
    references: [rfc(5322, '2.1.1')],
  },
  'message.header.hidden-characters': {
    severity: 'medium',
    title: 'Shown fields contain hidden or direction-changing characters',
    explanation: (e) =>
      `${evidenceList(e, 'fields').join(', ')} contain invisible characters or Unicode direction controls (shown as ${t(e, 'example')}). These can make an address or subject look different from what it is, for example a reversed "moc.knab" shown as "bank.com". Mail programs display them; Mailwarden shows them as codes.`,
    fix: {
      steps: [
        'Do not trust the sender or subject as displayed; read the address in the evidence.',
        'If the message claims to come from someone you know, confirm it with them another way.',
      ],
    },
    references: [
      {
        label: 'Unicode Technical Report 36, section 2.4',
        url: 'https://www.unicode.org/reports/tr36/#Bidirectional_Text_Spoofing',
      },
    ],
  },
  'message.mime.too-deep': {
    severity: 'medium',
    title: 'The message nests its parts too deeply',
    explanation: (e) =>
      `The message has multipart sections nested more than ${t(e, 'maxDepth')} levels deep. Real mail nests three or four; deeper nesting is built to make scanners give up. The parts below that level were not read.`,
    fix: {
      steps: ['Treat the message as hostile: do not open its attachments.'],
    },
    references: [rfc(2046, '5.1.1')],
  },
  'message.body.missing': {
    severity: 'info',
    title: 'Only the header was given: body hashes cannot be checked',
    explanation:
      'The input ends without a body. A DKIM signature covers the body through a hash, and the signature itself is checked only after that hash matches, so no DKIM signature could be verified. SPF, DMARC and the path the message took were still judged from the header.',
    fix: {
      steps: [
        'To verify DKIM, analyse the whole message: "Show original" / "Save as .eml" in your mail program gives the header and the body.',
      ],
    },
    references: [rfc(6376, '3.7')],
  },
  'message.body.line-too-long': {
    severity: 'medium',
    title: 'The body has a line far longer than the standard allows: body hashes not checked',
    explanation: (e) =>
      `A line of the body is longer than ${t(e, 'maxLineBytes')} bytes, where the standard allows 998 characters. Mail programs and servers wrap long content (base64 at 76 characters); one huge line is how a message is built to slow down or crash scanners. The body was not hashed, so no DKIM signature was verified; SPF, DMARC and the path were still judged.`,
    fix: {
      steps: [
        'If the message came from outside, treat it as hostile and do not open its attachments.',
        'If your own system wrote it, have it wrap the body (base64 at 76 characters, quoted-printable at 76).',
      ],
    },
    references: [rfc(5322, '2.1.1')],
  },
  'message.dns.off': {
    severity: 'info',
    title: 'Judged offline: some verdicts need DNS and were not given',
    explanation:
      'With DNS lookups switched off, Mailwarden judges only what the message itself says: its body hashes, the signatures it carries, its path and the receiver’s own results. Not given without DNS: whether each DKIM signature is valid (its public key is in DNS), SPF (the sender’s policy), DMARC (the From domain’s policy) and ARC (the sealers’ keys).',
    fix: { steps: ['Analyse the message again with DNS lookups switched on to get those verdicts.'] },
    references: [rfc(6376, '6.1.2')],
  },
  'message.dns.budget-exhausted': {
    severity: 'low',
    title: 'Some lookups for this message were not made',
    explanation: (e) =>
      `The message needed more DNS lookups than Mailwarden makes for one message (${t(e, 'maxLookups')}), or the lookups took longer than its deadline; ${t(e, 'refused')} were not made, and the verdicts that needed them are "could not be checked". A normal message needs fewer than 20.`,
    fix: {
      steps: [
        'Run the analysis again; if it happens again, the message asks for an unusual number of keys (many signatures or ARC sets): treat it with suspicion.',
      ],
    },
    references: [rfc(7208, '4.6.4')],
  },

  // ---- DKIM ---------------------------------------------------------------------------------------
  'message.dkim.unsigned': {
    severity: 'high',
    title: 'The message has no DKIM signature',
    explanation:
      'Nothing in the message proves which domain sent it. Gmail, Yahoo and Microsoft require DKIM from bulk senders and treat unsigned mail with suspicion, and DMARC can then pass only through SPF, which breaks when mail is forwarded.',
    fix: {
      steps: [
        'Turn on DKIM signing for your domain in your mail service (often under "Authentication" or "DKIM").',
        'Publish the TXT record the service gives you, then send a new message and analyse it again.',
      ],
    },
    references: [rfc(6376, '3.5')],
  },
  'message.dkim.pass': {
    severity: 'pass',
    title: (e) =>
      isTrue(e.aligned)
        ? `DKIM signature by ${t(e, 'signingDomain')} (selector ${t(e, 'selector')}) is valid and matches the From domain`
        : `DKIM signature by ${t(e, 'signingDomain')} (selector ${t(e, 'selector')}) is valid (another domain than From)`,
    explanation: (e) =>
      `The signature (${signature(e)}, ${t(e, 'algorithm')}, ${t(e, 'keyBits')}-bit key) verifies: the body hash matches and the signed header fields are unchanged.${isTrue(e.aligned) ? ' Its domain matches the From address, so it counts for DMARC.' : ` Its domain is not the From domain (${t(e, 'fromDomain')}), so it does not count for DMARC; mail services often add such a signature of their own.`}`,
    fix: NO_FIX,
    references: [rfc(6376, '6.1.3'), rfc(7489, '3.1.1')],
  },
  'message.dkim.not-aligned': {
    severity: 'medium',
    title: 'No valid DKIM signature matches the From domain',
    explanation: (e) =>
      `The message is signed by ${evidenceList(e, 'signingDomains').join(', ')}, but the From address is at ${t(e, 'fromDomain')}. DMARC counts only a signature whose domain is the From domain or shares its organisational domain, so for DMARC this message is as good as unsigned. This is the usual state when a mail service signs with its own domain because yours was never set up.`,
    fix: (e) => ({
      steps: [
        `In your mail service, set up DKIM for ${t(e, 'fromDomain')} (custom domain signing), publish the record it gives you, then send a new message and analyse it again.`,
      ],
    }),
    references: [rfc(7489, '3.1.1'), rfc(9989, '4.8')],
  },
  'message.dkim.body-length-limit': {
    severity: 'medium',
    title: (e) => `The DKIM signature by ${t(e, 'signingDomain')} covers only part of the body`,
    explanation: (e) =>
      `The signature (${signature(e)}) carries a body length (l=${t(e, 'bodyLengthLimit')}): it vouches for the first ${t(e, 'bodyLengthLimit')} bytes of the body only${typeof e['unsignedBodyBytes'] === 'number' && e['unsignedBodyBytes'] > 0 ? `, and ${t(e, 'unsignedBodyBytes')} bytes of this message come after them, unsigned` : ''}. Anyone who has one of your messages can add their own text or links after that point and the signature still verifies, so many receivers ignore such signatures.`,
    fix: {
      steps: [
        'Switch off the body length option (l=) in your signing software; OpenDKIM calls it BodyLengths, most services never set it.',
      ],
    },
    references: [rfc(6376, '8.2')],
  },
  'message.dkim.body-hash-failed': {
    severity: 'high',
    title: (e) => `The body was changed after ${t(e, 'signingDomain')} signed it`,
    explanation: (e) =>
      `The body hash in the signature (${signature(e)}) does not match the body, so the message was modified on its way: a footer or disclaimer added by a server or a mailing list, a virus scanner rewriting links, or tampering. Receivers treat this signature as missing.`,
    fix: {
      steps: [
        'If your own server or mail service adds a footer or disclaimer, have it added before signing, or switch it off.',
        'If the message passed a mailing list or a forwarding service, that is the likely cause; ARC (when the list seals its mail) is what preserves the result.',
        'Make sure you analysed the original file: a message re-saved by a mail program can change its line endings or encoding.',
      ],
    },
    references: [rfc(6376, '3.7')],
  },
  'message.dkim.signature-failed': {
    severity: 'high',
    title: (e) => `The DKIM signature by ${t(e, 'signingDomain')} does not verify`,
    explanation: (e) =>
      `The body hash of the signature (${signature(e)}) matches, but the signature over the header fails with the published key: a signed header field (From, Subject, Date...) was changed on the way, or the key in DNS is not the one the server signs with.`,
    fix: (e) => ({
      steps: [
        `Compare the key published at ${t(e, 'selector')}._domainkey.${t(e, 'signingDomain')} with the one your mail service shows; publish the service's current key exactly.`,
        'If a server between you and the receiver rewrites the Subject (for example "[EXTERNAL]" tags), have it do so only after DKIM checks, or not at all.',
      ],
    }),
    references: [rfc(6376, '6.1.3')],
  },
  'message.dkim.key-missing': {
    severity: 'high',
    title: (e) => `The DKIM key for selector ${t(e, 'selector')} is not in DNS`,
    explanation: (e) =>
      `The signature names selector ${t(e, 'selector')} of ${t(e, 'signingDomain')}, but ${t(e, 'selector')}._domainkey.${t(e, 'signingDomain')} has no DKIM record, so nobody can verify it. Either the record was never published or it was removed while the service still signs with that key.`,
    fix: (e) => ({
      steps: [
        `Publish the DKIM record your mail service gives for selector ${t(e, 'selector')} at ${t(e, 'selector')}._domainkey.${t(e, 'signingDomain')}.`,
      ],
    }),
    references: [rfc(6376, '6.1.2')],
  },
  'message.dkim.key-too-weak': {
    severity: 'high',
    title: (e) => `The DKIM key of ${t(e, 'signingDomain')} is too short to be trusted`,
    explanation: (e) =>
      `The key for selector ${t(e, 'selector')} is shorter than 1024 bits. RFC 8301 forbids verifiers from accepting such keys, so receivers treat the signature as missing.`,
    fix: {
      steps: [
        'Create a new 2048-bit key in your mail service, publish it under a new selector, and switch signing to it.',
      ],
    },
    references: [rfc(8301, '3.2')],
  },
  'message.dkim.key-invalid': {
    severity: 'medium',
    title: (e) => `The DKIM key for selector ${t(e, 'selector')} cannot be used`,
    explanation: (e) =>
      `The record at ${t(e, 'selector')}._domainkey.${t(e, 'signingDomain')} is there but is not a usable key for this signature (a wrong version or key type, a damaged key, or a revoked one with an empty p=), so the signature cannot be verified.`,
    fix: (e) => ({
      steps: [
        `Replace the record at ${t(e, 'selector')}._domainkey.${t(e, 'signingDomain')} with the one your mail service shows, copied exactly.`,
      ],
    }),
    references: [rfc(6376, '3.6.1')],
  },
  'message.dkim.expired': {
    severity: 'medium',
    title: (e) => `The DKIM signature by ${t(e, 'signingDomain')} has expired`,
    explanation: (e) =>
      `The signature (${signature(e)}) carries an expiry time (x=) that has passed, or one before its own signing time, so it no longer counts. Old messages can legitimately show this; a fresh message should not.`,
    fix: {
      steps: [
        'If this is a fresh message, set a longer signature lifetime in your signing software (or none; x= is optional).',
      ],
    },
    references: [rfc(6376, '3.5')],
  },
  'message.dkim.dns-failed': {
    severity: 'low',
    title: (e) => `The DKIM key of ${t(e, 'signingDomain')} could not be looked up`,
    explanation: (e) =>
      `The body hash of the signature (${signature(e)}) matches, but the key lookup failed (a DNS timeout or server failure), so the signature could not be verified now.`,
    fix: {
      steps: [
        'Run the analysis again later; if it keeps failing, ask your DNS host why that name does not answer.',
      ],
    },
    references: [rfc(6376, '6.1.2')],
  },
  'message.dkim.not-verified': {
    severity: 'info',
    // The selector tells apart two signatures of one domain (an RSA and an Ed25519 one, RFC 8463).
    title: (e) =>
      `DKIM signature by ${t(e, 'signingDomain')} (selector ${t(e, 'selector')}) not verified (${t(e, 'reason')})`,
    explanation: (e) =>
      e['reason'] === 'no body'
        ? `The signature (${signature(e)}, ${t(e, 'algorithm')}) covers a body that was not given or not read (see the other findings), so neither its body hash nor its signature could be checked.`
        : `The signature (${signature(e)}, ${t(e, 'algorithm')}) has a body hash that matches the body, so the body is unchanged since signing. Whether the signature itself is valid needs its public key from DNS, which was not looked up.`,
    fix: { steps: ['Analyse the whole message with DNS lookups switched on to verify it.'] },
    references: [rfc(6376, '6.1.3')],
  },

  // ---- SPF ----------------------------------------------------------------------------------------
  'message.spf.pass': {
    severity: 'pass',
    title: (e) => `SPF passes for ${t(e, 'domain')} from ${t(e, 'ip')}`,
    explanation: (e) =>
      `${t(e, 'ip')}, the server that handed the message to the receiving side, is allowed by the SPF record of ${t(e, 'domain')}.`,
    fix: NO_FIX,
    references: [rfc(7208, '2.6.3')],
  },
  'message.spf.fail': {
    severity: 'high',
    title: (e) => `SPF fails: ${t(e, 'ip')} is not allowed to send for ${t(e, 'domain')}`,
    explanation: (e) =>
      `The SPF record of ${t(e, 'domain')} says ${t(e, 'ip')} must not send its mail ("-all"). Receivers may refuse such mail. Either the message was sent through a server you did not list, or it was forged.`,
    fix: (e) => ({
      steps: [
        `If ${t(e, 'ip')} is a service you use (a newsletter tool, a shop, a CRM), add it to the SPF record of ${t(e, 'domain')} with the include: its documentation gives.`,
        'Run "mailwarden audit" on the domain to see the whole SPF record and a merged record to publish.',
      ],
    }),
    references: [rfc(7208, '2.6.4')],
  },
  'message.spf.softfail': {
    severity: 'medium',
    title: (e) => `SPF soft-fails: ${t(e, 'ip')} is probably not allowed for ${t(e, 'domain')}`,
    explanation: (e) =>
      `The SPF record of ${t(e, 'domain')} does not list ${t(e, 'ip')} and ends in "~all", so receivers treat the message as suspicious rather than refusing it.`,
    fix: (e) => ({
      steps: [
        `If ${t(e, 'ip')} is a service you use, add it to the SPF record of ${t(e, 'domain')}; otherwise the message did not come from you.`,
      ],
    }),
    references: [rfc(7208, '2.6.5')],
  },
  'message.spf.neutral': {
    severity: 'low',
    title: (e) => `SPF says nothing about ${t(e, 'ip')} for ${t(e, 'domain')}`,
    explanation: (e) =>
      `The SPF record of ${t(e, 'domain')} ends in "?all" or matched ${t(e, 'ip')} with "?", which asserts nothing; for DMARC the message then depends on DKIM alone.`,
    fix: {
      steps: ['List every server that sends your mail in the SPF record and end it with "~all" or "-all".'],
    },
    references: [rfc(7208, '2.6.2')],
  },
  'message.spf.none': {
    severity: 'medium',
    title: (e) => `${t(e, 'domain')} has no SPF record`,
    explanation: (e) =>
      `No SPF record was found for ${t(e, 'domain')}, the domain of the envelope sender, so receivers cannot tell which servers may send its mail.`,
    fix: (e) => ({
      steps: [
        `Publish a TXT record at ${t(e, 'domain')} starting with "v=spf1" that lists your mail service (its documentation gives the include:), ending in "~all" or "-all".`,
      ],
    }),
    references: [rfc(7208, '4.5')],
  },
  'message.spf.error': {
    severity: 'medium',
    title: (e) => `SPF for ${t(e, 'domain')} could not be evaluated`,
    explanation: (e) =>
      e['outcome'] === 'permerror'
        ? `The SPF record of ${t(e, 'domain')} is broken (a syntax error, more than 10 lookups, or two records), so receivers treat it as an error and SPF helps nobody.`
        : `Looking up the SPF record of ${t(e, 'domain')} failed for now (a DNS timeout or server failure).`,
    fix: (e) => ({
      steps: [
        e['outcome'] === 'permerror'
          ? `Test the domain ${t(e, 'domain')}: its audit shows exactly what is wrong with the record, and a corrected one.`
          : 'Run the analysis again later.',
      ],
    }),
    references: [rfc(7208, '2.6.7')],
  },
  'message.spf.not-judged': {
    severity: 'info',
    title: 'SPF could not be judged: no outside server is recorded',
    explanation:
      'SPF is checked against the address of the server that handed the message to the receiving side, read from the Received lines. None of them records an address from outside (only internal or none), for example in a message saved before sending or a header paste without Received lines.',
    fix: { steps: ['Analyse the message as the recipient received it (with its Received lines).'] },
    references: [rfc(7208, '2.4')],
  },

  // ---- DMARC --------------------------------------------------------------------------------------
  'message.dmarc.pass': {
    severity: 'pass',
    title: (e) => `DMARC passes for ${t(e, 'fromDomain')}`,
    explanation: (e) =>
      `The From domain ${t(e, 'fromDomain')} is authenticated by ${evidenceList(e, 'alignedBy')
        .map((method) => method.toUpperCase())
        .join(' and ')} with a matching domain; its policy is ${t(e, 'policy', 'none')}.`,
    fix: NO_FIX,
    references: [rfc(7489, '3.1'), rfc(9989, '4.8')],
  },
  'message.dmarc.fail': {
    severity: 'high',
    title: (e) => `DMARC fails for ${t(e, 'fromDomain')}`,
    explanation: (e) =>
      `Neither a valid DKIM signature nor a passing SPF check matches the From domain ${t(e, 'fromDomain')}, so receivers apply its DMARC policy (${t(e, 'policy', 'none')}): with "reject" or "quarantine" this message is refused or sent to Junk.`,
    fix: (e) => ({
      steps: [
        `Set up DKIM signing for ${t(e, 'fromDomain')} in the service that sent this message (see the DKIM findings above).`,
        'Make sure that service sends with an envelope address at your domain and is in your SPF record.',
      ],
    }),
    references: [rfc(7489, '6.6.2'), rfc(9989, '4.8')],
  },
  'message.dmarc.none': {
    severity: 'medium',
    title: (e) => `${t(e, 'fromDomain')} has no DMARC policy`,
    explanation: (e) =>
      `No DMARC record was found for ${t(e, 'fromDomain')} or its organisational domain, so receivers have no instructions for mail that fails authentication, and anyone can send mail in its name that lands in inboxes.`,
    fix: (e) => ({
      steps: [
        `Publish a TXT record at _dmarc.${t(e, 'fromDomain')}, starting with "v=DMARC1; p=none; rua=mailto:" and an address that reads the reports; move to p=quarantine once the reports show all your mail passes.`,
      ],
    }),
    references: [rfc(7489, '6.1')],
  },
  'message.dmarc.error': {
    severity: 'low',
    title: (e) => `DMARC for ${t(e, 'fromDomain')} could not be checked`,
    explanation: (e) =>
      `The DMARC record of ${t(e, 'fromDomain')} could not be looked up (a DNS timeout or server failure), so no verdict was given.`,
    fix: { steps: ['Run the analysis again later.'] },
    references: [rfc(7489, '6.6.3')],
  },

  // ---- ARC ----------------------------------------------------------------------------------------
  'message.arc.pass': {
    severity: 'pass',
    title: (e) => `The ARC chain (${t(e, 'sets')} sets) verifies`,
    explanation:
      'Every server that forwarded the message (a mailing list, a forwarding service) sealed the authentication results it saw, and all seals verify. A receiver may trust those earlier results even if forwarding broke DKIM or SPF.',
    fix: NO_FIX,
    references: [rfc(8617, '5.2')],
  },
  'message.arc.fail': {
    severity: 'low',
    title: 'The ARC chain does not verify',
    explanation: (e) =>
      `The message carries ${t(e, 'sets')} ARC set(s) from forwarding servers, but a seal or message signature does not verify (or a key is missing), so receivers ignore the whole chain and judge the message on its own DKIM and SPF.`,
    fix: {
      steps: [
        'Nothing to fix on your side unless you run the forwarding server; if you do, check the ARC key it publishes matches the one it signs with.',
      ],
    },
    references: [rfc(8617, '5.2')],
  },
  'message.arc.not-verified': {
    severity: 'info',
    title: 'The ARC chain was not verified (offline)',
    explanation: (e) =>
      `The message carries ${t(e, 'sets')} ARC set(s) from forwarding servers; verifying them needs the sealers’ keys from DNS.`,
    fix: { steps: ['Analyse the message again with DNS lookups switched on.'] },
    references: [rfc(8617, '5.2')],
  },

  // ---- What the receiver said ---------------------------------------------------------------------
  'message.receiver.agrees': {
    severity: 'pass',
    title: (e) => `The receiver (${t(e, 'authservId')}) came to the same verdicts`,
    explanation: (e) =>
      `The receiving server's own Authentication-Results say ${evidenceList(e, 'verdicts').join(', ')}, the same as Mailwarden's checks now.`,
    fix: NO_FIX,
    references: [rfc(8601, '2.2')],
  },
  'message.receiver.disagrees': {
    severity: 'low',
    title: (e) => `The receiver (${t(e, 'authservId')}) judged differently`,
    explanation: (e) =>
      `${disagreements(e)}. Usual reasons: the message was changed after the receiver checked it (a mail program re-saving it, a filter adding a footer); a DKIM key was removed or rotated, or the SPF or DMARC record changed, since it arrived; or the receiver read a different connecting address than the one Mailwarden took from the Received lines.`,
    fix: {
      steps: [
        'For a recent message, believe the receiver for what happened on arrival and Mailwarden for how your records stand today.',
        'If DKIM passed then and fails now, check whether a key was removed from DNS while mail signed with it is still being delivered; keep old keys published for a few days after rotating.',
      ],
    },
    references: [rfc(8601, '2.2')],
  },
  'message.receiver.none': {
    severity: 'info',
    title: 'The message carries no Authentication-Results from its receiver',
    explanation:
      'No Authentication-Results field was found, so there is no receiver verdict to compare with. Some servers do not add one; a message saved from the Sent folder never has one.',
    fix: { steps: ['To compare, analyse a copy of the message as its recipient received it.'] },
    references: [rfc(8601, '2.1')],
  },
  ...MESSAGE_RECEIVED_ENTRIES,
  ...MESSAGE_PROOF_ENTRIES,
});
