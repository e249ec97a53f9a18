/**
 * Words for the DKIM findings (RFC 6376, RFC 8301, RFC 8463).
 */
import type { Evidence, Fix } from '../../../preload/contract/findings';
import type { DkimEvidence } from './dkim-evidence';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';

/** A field of the finding's own evidence as text; only fields its type declares can be named. */
const str = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const NEW_KEY_STEPS: Fix = {
  steps: [
    'Open the DKIM settings of the service that sends your mail.',
    'Generate a new 2048-bit RSA key (or rotate the key) under a new selector.',
    'Publish the TXT or CNAME record the service shows you, wait until it is visible in DNS, then switch signing to the new selector.',
    'Remove the old selector record a few days later.',
  ],
  providerSteps: {
    'google-workspace': [
      'Admin console > Apps > Google Workspace > Gmail > Authenticate email.',
      'Choose your domain, "Generate new record", key length 2048, then publish the TXT record shown and click "Start authentication".',
    ],
    'microsoft-365': [
      'Microsoft Defender portal > Email & collaboration > Policies > Email authentication settings > DKIM.',
      'Select your domain and "Rotate DKIM keys"; Microsoft uses 2048-bit keys.',
    ],
  },
};

export const DKIM_KNOWLEDGE = defineKnowledge<DkimEvidence>()({
  'dkim.domain.invalid': {
    severity: 'info',
    title: 'DKIM could not be checked: the domain name is not valid',
    explanation: (e) =>
      `DKIM keys are looked up under the domain name, and "${str(e, 'domain')}" cannot be used: ${str(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of your email address, such as example.com.'] },
    references: [rfc(6376, '3.6.2.1')],
  },
  'dkim.selector.invalid': {
    severity: 'low',
    title: 'A DKIM selector you entered is not a valid name',
    explanation: (e) =>
      `The selector "${str(e, 'selector')}" cannot be looked up: ${str(e, 'reason')}. Selectors are the first part of the DKIM record's name, before "._domainkey".`,
    fix: {
      steps: [
        'Check the selector in your mail service\'s DKIM settings (the "s=" value of the DKIM-Signature header of a message you sent) and enter it again.',
      ],
    },
    references: [rfc(6376, '3.1')],
  },
  'dkim.discovery.none-found': {
    severity: 'medium',
    title: 'No DKIM key found among the selectors tried',
    explanation: (e) =>
      `No DKIM key found among ${str(e, 'selectorsTried')} selectors tried; add your selector. DKIM keys can only be found by name, and many services give each customer its own selector, so this does not prove DKIM is missing. Without DKIM, receivers cannot check that your mail really comes from you, and DMARC can only rely on SPF.`,
    fix: {
      steps: [
        'Open a message you sent and look at its DKIM-Signature header: the value after "s=" is your selector.',
        'Add that selector to the account’s DKIM selectors.',
        'If no DKIM-Signature header is there, turn on DKIM signing in your mail service and publish the record it gives you.',
      ],
    },
    references: [rfc(6376, '3.6.2.1'), rfc(6376, '3.5')],
  },
  'dkim.selector.not-found': {
    severity: 'medium',
    title: 'No DKIM key at the selector you named',
    explanation: (e) =>
      `There is no DKIM record at ${str(e, 'name')}. Mail signed with the selector "${str(e, 'selector')}" will fail DKIM at every receiver.`,
    fix: {
      steps: [
        "Check the selector name in your mail service's DKIM settings.",
        'Publish the DKIM record the service shows you at the name above, exactly as given.',
      ],
    },
    references: [rfc(6376, '3.6.2.1')],
  },
  'dkim.lookup.failed': {
    severity: 'info',
    title: 'Some DKIM lookups failed',
    explanation: (e) =>
      `The DNS lookups for ${str(e, 'failedCount')} selectors did not get an answer (for example a timeout or SERVFAIL), so keys there could not be checked. This is often a passing DNS problem, but a DNS server that fails for your domain also makes receivers fail DKIM.`,
    fix: {
      steps: [
        'Run the check again in a few minutes.',
        'If it keeps failing, ask your DNS host why the names listed in the evidence do not answer.',
      ],
    },
    references: [rfc(6376, '3.9')],
  },
  'dkim.cname.broken': {
    severity: 'high',
    title: 'A DKIM CNAME points nowhere',
    explanation: (e) =>
      `${str(e, 'name')} is an alias (CNAME) to ${str(e, 'target')}, but no DKIM key is published there (${str(e, 'reason')}). Mail signed with this selector fails DKIM.`,
    fix: {
      steps: [
        'Check the CNAME target against the value your mail service shows, character by character.',
        'If the service shows the domain as not yet verified, finish its DKIM set-up so it publishes the key.',
      ],
    },
    references: [rfc(6376, '3.6.2.2')],
  },
  'dkim.key.multiple-records': {
    severity: 'high',
    title: 'A DKIM selector has more than one TXT record',
    explanation: (e) =>
      `${str(e, 'name')} has ${str(e, 'recordCount')} TXT records. A receiver picks one of them, so DKIM passes or fails by chance.`,
    fix: { steps: ['Delete every TXT record at that name except the one your mail service gave you.'] },
    references: [rfc(6376, '3.6.2.2')],
  },
  'dkim.key.syntax': {
    severity: 'high',
    title: 'A DKIM key record has syntax errors',
    explanation: (e) =>
      `The record at ${str(e, 'name')} is not a valid tag=value list, so receivers may reject the key and DKIM fails. Problems found are listed in the evidence.`,
    fix: {
      steps: [
        'Copy the DKIM record again from your mail service, exactly as shown (some DNS panels add quotes or split the text wrongly).',
        'Replace the record at the name above with it.',
      ],
    },
    references: [rfc(6376, '3.2'), rfc(6376, '3.6.1')],
  },
  'dkim.key.empty-entries': {
    severity: 'low',
    title: 'A DKIM key record has empty entries (";;")',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has two semicolons in a row. RFC 6376 does not allow an empty entry, but the ` +
      'common verifiers skip it, so DKIM works today; a strict receiver could still reject the key.',
    fix: {
      steps: [
        'Edit the record at the name above and remove the extra semicolon, keeping every tag and the key exactly as they are.',
      ],
    },
    references: [rfc(6376, '3.2')],
  },
  'dkim.key.bad-version': {
    severity: 'high',
    title: 'A DKIM key record has a wrong version tag',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has a "v=" tag that is not "DKIM1" or is not the first tag. Receivers discard such keys, so DKIM fails.`,
    fix: { steps: ['Make the record start with "v=DKIM1;" exactly, or remove the v= tag.'] },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.no-public-key': {
    severity: 'high',
    title: 'A DKIM key record has no public key',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has no "p=" tag, which every DKIM key needs. DKIM fails with this selector.`,
    fix: { steps: ['Publish the complete record from your mail service, including the long "p=" value.'] },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.unknown-type': {
    severity: 'high',
    title: 'A DKIM key has an unknown key type',
    explanation: (e) =>
      `The record at ${str(e, 'name')} says k=${str(e, 'declaredType')}. Receivers only know "rsa" and "ed25519", so DKIM fails.`,
    fix: NEW_KEY_STEPS,
    references: [rfc(6376, '3.6.1'), rfc(8463, '4.2')],
  },
  'dkim.key.bad-base64': {
    severity: 'high',
    title: 'A DKIM public key is not valid base64',
    explanation: (e) =>
      `The "p=" value at ${str(e, 'name')} has characters or padding that base64 does not allow, often because the record was cut or a quote slipped in. Receivers cannot read the key, so DKIM fails.`,
    fix: {
      steps: [
        'Copy the "p=" value again from your mail service and publish it unchanged (long values may be split into several quoted strings, which DNS joins).',
      ],
    },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.unreadable': {
    severity: 'high',
    title: 'A DKIM public key cannot be read',
    explanation: (e) =>
      `The "p=" value at ${str(e, 'name')} is base64, but not a ${str(e, 'keyType')} public key. It may have been cut short. DKIM fails with this selector.`,
    fix: NEW_KEY_STEPS,
    references: [rfc(6376, '3.6.1'), rfc(8463, '4.2')],
  },
  'dkim.key.type-mismatch': {
    severity: 'high',
    title: 'A DKIM key is not the type the record declares',
    explanation: (e) =>
      `The record at ${str(e, 'name')} declares k=${str(e, 'declaredType')} but holds a ${str(e, 'keyType')} key. Receivers reject it.`,
    fix: NEW_KEY_STEPS,
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.sha1-only': {
    severity: 'high',
    title: 'A DKIM key only allows SHA-1',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has "h=sha1". SHA-1 signatures are no longer accepted, so mail signed with this key fails DKIM.`,
    fix: {
      steps: [
        'Remove the "h=sha1" tag from the record (or change it to "h=sha256"), and make sure your server signs with rsa-sha256.',
      ],
    },
    references: [rfc(8301, '3.1')],
  },
  'dkim.key.rsa-too-short': {
    severity: 'high',
    title: 'A DKIM key is too short to be accepted',
    explanation: (e) =>
      `The RSA key at ${str(e, 'name')} is ${str(e, 'bits')} bits. Receivers must reject keys under 1024 bits, so DKIM fails, and such keys can be broken.`,
    fix: NEW_KEY_STEPS,
    references: [rfc(8301, '3.2')],
  },
  'dkim.key.rsa-weak': {
    severity: 'medium',
    title: 'A DKIM key is shorter than recommended',
    explanation: (e) =>
      `The RSA key at ${str(e, 'name')} is ${str(e, 'bits')} bits. It is still accepted, but 2048 bits is the recommended size and some receivers are starting to distrust shorter keys.`,
    fix: NEW_KEY_STEPS,
    references: [rfc(8301, '3.2')],
  },
  'dkim.key.testing': {
    severity: 'low',
    title: 'A DKIM key is in testing mode',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has "t=y". Receivers treat a failing signature as if the message were unsigned, so DKIM gives you less protection than it could.`,
    fix: { steps: ['Once your signed mail passes DKIM, remove "t=y" from the record.'] },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.pkcs1': {
    severity: 'low',
    title: 'A DKIM key is published in the older PKCS#1 form',
    explanation: (e) =>
      `The "p=" value at ${str(e, 'name')} is a bare RSA key (PKCS#1 RSAPublicKey, ${str(e, 'bits')} bits) rather than the SubjectPublicKeyInfo form RFC 6376 asks for. Common verifiers (dkimpy, go-msgauth, OpenDKIM) read it, so DKIM works with them, but a strict verifier may not.`,
    fix: {
      steps: [
        'Next time you rotate this key, publish the public key in the usual form (the "-----BEGIN PUBLIC KEY-----" output of "openssl rsa -pubout", without the header lines).',
      ],
    },
    references: [rfc(6376, '3.6.1'), rfc(8017)],
  },
  'dkim.key.revoked-only': {
    severity: 'medium',
    title: 'The only DKIM key found has been revoked',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has an empty "p=", so the key was withdrawn, and no other usable key was found among the selectors tried. Mail signed with this selector fails DKIM; unless another selector signs, the domain's mail passes DMARC only through SPF, which forwarding breaks.`,
    fix: {
      steps: [
        'Check which selector your mail service signs with now (the "s=" of the DKIM-Signature header of a sent message), and publish its key.',
        'If a server still signs with this selector, give it a new key and publish that key.',
        'Delete the revoked record once nothing uses it.',
      ],
    },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.revoked': {
    severity: 'low',
    title: 'A DKIM key has been revoked',
    explanation: (e) =>
      `The record at ${str(e, 'name')} has an empty "p=", which means the key was withdrawn. Another usable key was found, so this is normal after a key rotation; mail still signed with this selector fails DKIM.`,
    fix: {
      steps: [
        'Make sure no server still signs with this selector.',
        'Delete the record once nothing uses it.',
      ],
    },
    references: [rfc(6376, '3.6.1')],
  },
  'dkim.key.ok': {
    severity: 'pass',
    title: 'DKIM key is valid',
    explanation: (e) =>
      `The key at ${str(e, 'name')} is a valid ${str(e, 'keyType')} key${str(e, 'bits') === '' ? '' : ` of ${str(e, 'bits')} bits`}.`,
    fix: NO_FIX,
    references: [rfc(6376, '3.6.1'), rfc(8301, '3.2')],
  },
});
