import { describe, expect, it } from 'vitest';
import { emptySlotsIn } from '../../helpers/wording-guard/empty-slots';

describe('emptySlotsIn', () => {
  it.each([
    ['The record says = while p=.', 'a value with no tag (= while)'],
    ['The server lists login methods ().', 'empty brackets'],
    ['Required by: .', 'a label with nothing after it (Required by: .)'],
    ['No key was found at selector "".', 'an empty quotation'],
    ['Publish the record at _dmarc. to start.', 'a DNS name with no domain (_dmarc. )'],
    [
      'The server said undefined when asked.',
      'a JavaScript placeholder (undefined, null, NaN, [object ...])',
    ],
    ['The certificate expires in NaN days.', 'a JavaScript placeholder (undefined, null, NaN, [object ...])'],
    ['The reply was null.', 'a JavaScript placeholder (undefined, null, NaN, [object ...])'],
    ['Evidence: [object Object]', 'a JavaScript placeholder (undefined, null, NaN, [object ...])'],
    ['The server on port ? refused.', 'the "?" an evidence reader prints for a missing value'],
    ['The host  accepts TLS 1.0.', 'two spaces where a value is missing'],
    ['Move the record to the domain .', 'a space before punctuation, where a value is missing'],
  ])('names the empty slot in %j', (text, mark) => {
    expect(emptySlotsIn(text)).toContain(mark);
  });

  it.each([
    'The record says p=none while the policy needs p=reject.',
    'Required by: Gmail; Yahoo.',
    'Publish this TXT record at _dmarc.example.com:',
    'The domain publishes a Null MX (RFC 7505), so it takes no mail.',
    "Add the provider's include:, or ip4:/ip6: with its address.",
    'The server lists login methods (PLAIN, LOGIN).',
    'Does the server accept mail for others? It did not.',
    'Postfix: set smtpd_tls_auth_only = yes in main.cf and run "postfix reload".',
    'Exim: make the RCPT ACL end with "require verify = recipient".',
    'Dovecot: set imap_id_send = "" (the default sends only the name).',
    'Google answered "534 5.7.9 Application-specific password required. Go to  https://x.example ." today.',
  ])('finds nothing in the well-filled %j', (text) => {
    expect(emptySlotsIn(text)).toEqual([]);
  });
});
