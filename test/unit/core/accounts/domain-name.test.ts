import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isIpLiteral,
  toAsciiDomain,
  toAsciiRelativeName,
  validateHostOrIp,
} from '../../../../main/core/accounts/domain-name';

const label = (length: number, char = 'a'): string => char.repeat(length);
/** A valid name of exactly `total` characters: 63-character labels, then a shorter one, then `.com`. */
function nameOfLength(total: number): string {
  const labels: string[] = [];
  let remaining = total - '.com'.length;
  while (remaining > 0) {
    const size = Math.min(63, remaining);
    labels.push(label(size));
    remaining -= size + 1; // the dot after it
  }
  const name = `${labels.join('.')}.com`;
  expect(name).toHaveLength(total);
  return name;
}

/** Code points that IDNA (UTS #46) refuses, so Node's converter gives back an empty string. */
const UNCONVERTIBLE = ['\u2488.example', 'x\uFFFD.example', '\u06DD.example', 'a\u200Db.example'];

describe('toAsciiDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM.  ', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.Example.', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['a-b.example', 'a-b.example'],
    ['123.example', '123.example'],
    ['mail.example.co.uk', 'mail.example.co.uk'],
    [`${label(63)}.example`, `${label(63)}.example`],
  ])('accepts %j as %j', (input, expected) => {
    expect(toAsciiDomain(input)).toEqual({ ok: true, value: expected });
  });

  it('accepts a name of exactly 253 octets and refuses one of 254', () => {
    expect(toAsciiDomain(nameOfLength(253))).toEqual({ ok: true, value: nameOfLength(253) });
    const long = toAsciiDomain(nameOfLength(254));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.reason).toMatch(/254 characters long.*at most 253/);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['.', /empty/],
    ['example.com..', /empty label/],
    ['a..example', /empty label/],
    ['.example.com', /empty label/],
    [`${label(64)}.example`, /64 characters long; a label has at most 63/],
    ['-bad.example', /"-bad" starts or ends with a hyphen/],
    ['bad-.example', /"bad-" starts or ends with a hyphen/],
    ['a_b.example', /contains "_"; labels may only use letters, digits and hyphens/],
    ['a*b.example', /contains "\*"/],
    ['exa mple.com', /space/],
    ['tab\t.example', /control character/],
    ['example.123', /all-numeric label "123"/],
    ['192.0.2.1', /all-numeric label "1"/],
    ['localhost', /single name without a dot/],
    ['example', /single name without a dot/],
    ['xn--a.example', /not valid punycode/],
  ])('refuses %j', (input, reason) => {
    const result = toAsciiDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each(UNCONVERTIBLE)('refuses %j, which IDNA cannot convert', (input) => {
    // The premise: Node's IDNA conversion itself gives up on this name.
    expect(domainToASCII(input)).toBe('');
    const result = toAsciiDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/cannot be converted to an internationalised domain name/);
  });

  it('allows underscores only when asked (service names, DKIM selectors)', () => {
    expect(toAsciiDomain('_submission._tcp.example.com').ok).toBe(false);
    expect(toAsciiDomain('_submission._tcp.example.com', { allowUnderscore: true })).toEqual({
      ok: true,
      value: '_submission._tcp.example.com',
    });
  });

  it('refuses a huge input before trying to convert it', () => {
    const result = toAsciiDomain(`${'ü'.repeat(200_000)}.example`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/far too long/);
  });
});

describe('toAsciiRelativeName', () => {
  it.each([
    ['google', 'google'],
    ['Selector1', 'selector1'],
    ['20240101120000pm', '20240101120000pm'],
    ['s1.2024', 's1.2024'],
  ])('accepts the selector-like name %j', (input, expected) => {
    expect(toAsciiRelativeName(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['-s1', /hyphen/],
    ['a..b', /empty label/],
    ['sel ector', /space/],
    ['sel_1', /contains "_"/],
  ])('refuses %j', (input, reason) => {
    const result = toAsciiRelativeName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts an underscore when the flag allows it', () => {
    expect(toAsciiRelativeName('sel_1', { allowUnderscore: true })).toEqual({ ok: true, value: 'sel_1' });
  });
});

describe('isIpLiteral', () => {
  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '192.0.2.10',
    '::',
    '::1',
    '1::',
    '2001:db8::1',
    '2001:DB8:0:0:0:0:0:1',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
    '::ffff:192.0.2.1',
    '64:ff9b::192.0.2.33',
    '[::1]',
    '[2001:db8::1]',
  ])('recognises %j', (input) => {
    expect(isIpLiteral(input)).toBe(true);
  });

  it.each([
    '',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    ' 127.0.0.1',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':::',
    ':1::',
    '1.2.3.4::',
    '::1.2.3.256',
    'fe80::1%eth0',
    'g::1',
    '12345::1',
    '[127.0.0.1]',
    '[::1',
    'example.com',
  ])('does not take %j for an IP address', (input) => {
    expect(isIpLiteral(input)).toBe(false);
  });
});

describe('validateHostOrIp', () => {
  it.each([
    ['smtp.gmail.com', 'smtp.gmail.com'],
    [' SMTP.Gmail.com. ', 'smtp.gmail.com'],
    ['smtp.bücher.example', 'smtp.xn--bcher-kva.example'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateHostOrIp(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['localhost', /use 127\.0\.0\.1/],
    ['smtp://smtp.gmail.com', /without a prefix like smtp:\/\//],
    ['smtp.gmail.com:587', /Port field/],
    ['1.2.3.999', /not a valid IPv4 address/],
    ['010.0.0.1', /not a valid IPv4 address/],
    ['fe80::1%eth0', /neither a valid IPv6 address nor a server name/],
    ['smtp_relay.example.com', /contains "_"/],
    ['-smtp.example.com', /hyphen/],
  ])('refuses %j', (input, reason) => {
    const result = validateHostOrIp(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
