import { describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../../preload/contract/accounts';
import type { FieldError } from '../../../../preload/contract/outcome';
import { validateAccountInput, type ValidAccountFields } from '../../../../main/core/accounts/validation';

const BASE: AccountInput = {
  email: 'owner@example.com',
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
};

function valid(changes: Partial<AccountInput> = {}): ValidAccountFields {
  const result = validateAccountInput({ ...BASE, ...changes });
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(changes: Partial<AccountInput>): readonly FieldError[] {
  const result = validateAccountInput({ ...BASE, ...changes });
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The one error a single bad field produces. */
function onlyError(changes: Partial<AccountInput>): FieldError {
  const errors = errorsOf(changes);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  if (error === undefined) throw new Error('no error');
  return error;
}

describe('validateAccountInput: defaults and normalisation', () => {
  it('fills label, username and domain from the email address, empty extras with null, and signs in with a password', () => {
    expect(valid()).toEqual({
      label: 'owner@example.com',
      email: 'owner@example.com',
      domain: 'example.com',
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'owner@example.com',
      dkimSelectors: [],
      clientGroup: null,
      presetId: null,
      incoming: null,
      signIn: { method: 'password' },
    });
  });

  it('treats blank optional fields like missing ones', () => {
    const fields = valid({ label: '  ', username: ' ', domain: '', clientGroup: '   ', presetId: '' });
    expect(fields.label).toBe('owner@example.com');
    expect(fields.username).toBe('owner@example.com');
    expect(fields.domain).toBe('example.com');
    expect(fields.clientGroup).toBeNull();
    expect(fields.presetId).toBeNull();
  });

  it('keeps what the person gave, trimmed', () => {
    const fields = valid({
      label: '  Shop mail ',
      username: ' shop-login ',
      domain: ' Example.ORG. ',
      clientGroup: ' Bakery clients ',
      presetId: 'gmail',
    });
    expect(fields).toMatchObject({
      label: 'Shop mail',
      username: 'shop-login',
      domain: 'example.org',
      clientGroup: 'Bakery clients',
      presetId: 'gmail',
    });
  });

  it('converts an internationalised email domain, host and domain to punycode and keeps the local part as typed', () => {
    const fields = valid({ email: ' Anna@Bücher.Example ', host: 'SMTP.Bücher.example.' });
    expect(fields.email).toBe('Anna@xn--bcher-kva.example');
    expect(fields.domain).toBe('xn--bcher-kva.example');
    expect(fields.host).toBe('smtp.xn--bcher-kva.example');
    expect(fields.label).toBe('Anna@xn--bcher-kva.example');
    expect(valid({ domain: 'bücher.example' }).domain).toBe('xn--bcher-kva.example');
  });

  it('accepts IP addresses as the host, IPv6 without brackets', () => {
    expect(valid({ host: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(valid({ host: '[::1]' }).host).toBe('::1');
  });

  it('fills in a fixed username from the preset and refuses a different one', () => {
    expect(valid({ presetId: 'sendgrid' }).username).toBe('apikey');
    expect(valid({ presetId: 'sendgrid', username: 'apikey' }).username).toBe('apikey');
    const error = onlyError({ presetId: 'sendgrid', username: 'owner@example.com' });
    expect(error.field).toBe('username');
    expect(error.message).toMatch(/needs the username apikey/);
  });
});

describe('validateAccountInput: email', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    ['first.last+tag@example.com', 'first.last+tag@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['User@Example.COM', 'User@example.com'],
    ['  spaced@example.com  ', 'spaced@example.com'],
    ['"john doe"@example.com', '"john doe"@example.com'],
    ['"a@b"@example.com', '"a@b"@example.com'],
    ['"quote\\"inside"@example.com', '"quote\\"inside"@example.com'],
    ['josé@example.com', 'josé@example.com'],
    ['用户@例子.测试', '用户@xn--fsqu00a.xn--0zwm56d'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  ])('accepts %j as %j', (email, expected) => {
    expect(valid({ email }).email).toBe(expected);
  });

  it.each([
    ['', /is required/],
    ['plainaddress', /needs an @/],
    ['a@b@example.com', /more than one @/],
    ['@example.com', /nothing before the @/],
    ['name@', /nothing after the @/],
    ['.name@example.com', /cannot start or end with a dot/],
    ['name.@example.com', /cannot start or end with a dot/],
    ['na..me@example.com', /two dots in a row/],
    ['john doe@example.com', /space before the @/],
    ['a(b)@example.com', /contains "\(" before the @/],
    ['name\t@example.com', /control character/],
    ['name@exam\nple.com', /control character/],
    ['"unterminated@example.com', /never closes/],
    ['"ab"c@example.com', /quoted name must be followed directly by @/],
    ['"bad\\\u0001"@example.com', /control character/],
    [`${'a'.repeat(65)}@example.com`, /65 bytes long; the limit is 64/],
    [`${'é'.repeat(33)}@example.com`, /66 bytes long; the limit is 64/],
    [
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
      /260 bytes long; the limit is 254/,
    ],
    ['name@[192.0.2.1]', /domain name after the @, not an IP address/],
    ['name@-bad.example', /domain "-bad\.example" is not valid: .*hyphen/],
    ['name@localhost', /single name without a dot/],
    ['name@\u2488.example', /cannot be converted/],
  ])('refuses %j', (email, message) => {
    const error = onlyError({ email });
    expect(error.field).toBe('email');
    expect(error.message).toMatch(/^Email address/);
    expect(error.message).toMatch(message);
  });
});

describe('validateAccountInput: port', () => {
  it.each([1, 25, 465, 587, 2525, 65_535])('accepts %d', (port) => {
    expect(valid({ port }).port).toBe(port);
  });

  it.each([
    [0, 'Port must be a whole number from 1 to 65535; 0 is too low.'],
    [-1, 'Port must be a whole number from 1 to 65535; -1 is too low.'],
    [70_000, 'Port must be a whole number from 1 to 65535; 70000 is too high.'],
    [65_536, 'Port must be a whole number from 1 to 65535; 65536 is too high.'],
    [1.5, 'Port must be a whole number from 1 to 65535; 1.5 is not a whole number.'],
    [Number.NaN, 'Port must be a whole number from 1 to 65535; the value given is not a number.'],
    [
      Number.POSITIVE_INFINITY,
      'Port must be a whole number from 1 to 65535; Infinity is not a whole number.',
    ],
  ])('refuses %d', (port, message) => {
    expect(onlyError({ port })).toEqual({ field: 'port', message });
  });

  it('refuses a port that arrives as text', () => {
    const input = { ...BASE, port: '587' } as unknown as AccountInput;
    const result = validateAccountInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { field: 'port', message: expect.stringMatching(/not a number/) as unknown },
      ]);
  });
});

describe('validateAccountInput: security', () => {
  it.each(['tls', 'starttls', 'none'])('accepts %j', (security) => {
    expect(valid({ security }).security).toBe(security);
  });

  it.each(['ssl', 'TLS', 'StartTLS', ' tls', '', 'auto'])('refuses %j and lists the choices', (security) => {
    const error = onlyError({ security });
    expect(error.field).toBe('security');
    expect(error.message).toContain(
      'Security must be one of: tls (implicit TLS, usually port 465), starttls (usually 587), none.',
    );
  });

  it('tells people who typed ssl that it is called tls here', () => {
    expect(onlyError({ security: 'ssl' }).message).toMatch(
      /"ssl" is not one of them\. What other apps call SSL is tls here\./,
    );
  });
});

describe('validateAccountInput: host and domain', () => {
  it.each([
    ['', /^Server host is required\. Enter a server name/],
    ['smtp.example.com:587', /Port field/],
    ['smtp://smtp.example.com', /without a prefix/],
    ['localhost', /127\.0\.0\.1/],
    ['smtp..example.com', /empty label/],
    ['256.0.0.1', /not a valid IPv4 address/],
  ])('refuses the host %j', (host, message) => {
    const error = onlyError({ host });
    expect(error.field).toBe('host');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['example', /single name/],
    ['-bad.example', /hyphen/],
    ['exa mple.com', /space/],
  ])('refuses the domain %j', (domain, message) => {
    const error = onlyError({ domain });
    expect(error.field).toBe('domain');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/or leave it empty to use the email address's domain/);
  });
});

describe('validateAccountInput: DKIM selectors', () => {
  it('lower-cases selectors and drops duplicates', () => {
    expect(
      valid({ dkimSelectors: ['Google', 'google', ' s1 ', 'selector1', '20240101120000pm', 'a.b', 'sel_x'] })
        .dkimSelectors,
    ).toEqual(['google', 's1', 'selector1', '20240101120000pm', 'a.b', 'sel_x']);
  });

  it('reports each bad selector with its position', () => {
    const errors = errorsOf({ dkimSelectors: ['good', '', 'bad sel', '-x', 'a..b'] });
    expect(errors.map((e) => e.field)).toEqual([
      'dkimSelectors',
      'dkimSelectors',
      'dkimSelectors',
      'dkimSelectors',
    ]);
    expect(errors[0]?.message).toMatch(/^DKIM selector 2 is empty/);
    expect(errors[1]?.message).toMatch(/^DKIM selector 3 "bad sel" is not valid: .*space/);
    expect(errors[2]?.message).toMatch(/^DKIM selector 4 "-x" is not valid: .*hyphen/);
    expect(errors[3]?.message).toMatch(/^DKIM selector 5 "a\.\.b" is not valid: .*empty label/);
  });

  it('refuses a selector whose key name would be longer than DNS allows', () => {
    const long = ['a', 'b', 'c', 'd'].map((c) => c.repeat(60)).join('.');
    const error = onlyError({ dkimSelectors: [long] });
    expect(error.field).toBe('dkimSelectors');
    expect(error.message).toMatch(/would be 266 characters; DNS names have at most 253/);
    expect(
      valid({ dkimSelectors: [['a', 'b', 'c'].map((c) => c.repeat(60)).join('.')] }).dkimSelectors,
    ).toHaveLength(1);
  });
});

describe('validateAccountInput: free text and presets', () => {
  it.each([
    ['label', { label: 'Shop\u0007' }, /^Label contains a control character/],
    ['label', { label: 'x'.repeat(201) }, /^Label is 201 characters long; the limit is 200\./],
    ['clientGroup', { clientGroup: 'a\nb' }, /^Client group contains a control character/],
    [
      'clientGroup',
      { clientGroup: 'x'.repeat(201) },
      /^Client group is 201 characters long; the limit is 200\./,
    ],
    ['username', { username: 'user\r\n' + 'x' }, /^Username contains a control character/],
    ['username', { username: 'u'.repeat(321) }, /^Username is 321 characters long; the limit is 320\./],
    ['presetId', { presetId: 'no-such-provider' }, /^Provider preset "no-such-provider" is not known/],
  ])('refuses a bad %s', (field, changes, message) => {
    const error = onlyError(changes);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('accepts text at the limits', () => {
    expect(
      valid({ label: 'x'.repeat(200), clientGroup: 'y'.repeat(200), username: 'u'.repeat(320) }).label,
    ).toHaveLength(200);
  });

  it('never repeats the username in a message (it can be an API token)', () => {
    const token = 'pm-server-token-3f1c9a';
    const errors = errorsOf({ username: `${token}\u0000`, presetId: 'sendgrid' });
    expect(errors.some((e) => e.field === 'username')).toBe(true);
    expect(JSON.stringify(errors)).not.toContain(token);
    expect(JSON.stringify(errorsOf({ username: token, presetId: 'sendgrid' }))).not.toContain(token);
  });
});

describe('validateAccountInput: several problems at once', () => {
  it('reports every bad field, in form order, each naming its field', () => {
    const errors = errorsOf({
      label: 'bad\u0000label',
      email: 'not-an-address',
      host: 'smtp.example.com:25',
      port: 70_000,
      security: 'ssl',
      dkimSelectors: ['ok', 'bad sel'],
      clientGroup: 'a\u0001',
      presetId: 'nope',
    });
    expect(errors.map((e) => e.field)).toEqual([
      'label',
      'email',
      'host',
      'port',
      'security',
      'dkimSelectors',
      'clientGroup',
      'presetId',
    ]);
    expect(errors.find((e) => e.field === 'port')?.message).toBe(
      'Port must be a whole number from 1 to 65535; 70000 is too high.',
    );
    for (const error of errors) expect(error.message.length).toBeGreaterThan(20);
  });

  it('reports a bad domain alongside a bad email, and does not invent a domain error from the email alone', () => {
    expect(errorsOf({ email: 'x', domain: 'bad domain' }).map((e) => e.field)).toEqual(['email', 'domain']);
    expect(errorsOf({ email: 'x' }).map((e) => e.field)).toEqual(['email']);
  });
});
