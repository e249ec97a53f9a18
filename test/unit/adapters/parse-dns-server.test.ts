import { describe, expect, it } from 'vitest';
import { formatDnsServer, parseDnsServer } from '../../../main/adapters/parse-dns-server';

function message(text: string): string {
  const parsed = parseDnsServer(text);
  if (parsed.ok) throw new Error(`"${text}" was accepted`);
  return parsed.message;
}

describe('parseDnsServer', () => {
  it.each([
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['127.0.0.1', { host: '127.0.0.1', port: 53 }],
    ['  9.9.9.9:53 ', { host: '9.9.9.9', port: 53 }],
    ['[::1]:5353', { host: '::1', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
    ['[2001:DB8::53]', { host: '2001:db8::53', port: 53 }],
    ['2001:db8::53', { host: '2001:db8::53', port: 53 }],
    ['127.0.0.1:65535', { host: '127.0.0.1', port: 65535 }],
    ['127.0.0.1:1', { host: '127.0.0.1', port: 1 }],
  ])('accepts %s', (text, expected) => {
    expect(parseDnsServer(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses host names and says a resolver must be an IP address', () => {
    expect(message('dns.example.com')).toMatch(/host name.*IP address/);
    expect(message('dns.example.com:5353')).toMatch(/host name.*IP address/);
    expect(message('localhost')).toMatch(/host name.*IP address/);
  });

  it.each([
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '127.0.0.1:99999999',
    '[::1]:0',
    '127.0.0.1:',
    '127.0.0.1:53x',
    '[::1]:-1',
  ])('refuses the port in %s', (text) => {
    expect(message(text)).toMatch(/port .* not valid: use a number from 1 to 65535/);
  });

  it('refuses an IPv6 address with a port but no brackets, and explains the brackets', () => {
    expect(message('2001:db8::1:5353:x')).toContain('[::1]:5353');
  });

  it('refuses garbage, empty input and non-IPv6 text in brackets with a clear message', () => {
    expect(message('')).toMatch(/Enter the DNS server's IP address/);
    expect(message('   ')).toMatch(/Enter the DNS server's IP address/);
    expect(message('1.2.3.4.5')).toMatch(/not a DNS server address/);
    expect(message('256.1.1.1')).toMatch(/not a DNS server address/);
    expect(message('[127.0.0.1]:53')).toMatch(/not an IPv6 address/);
    expect(message('[::1')).toMatch(/not a DNS server address/);
    expect(message('fe80::1%eth0')).toMatch(/zone/);
  });

  it('keeps messages short and free of control characters, even for hostile input', () => {
    const text = message(`${'\u0007'.repeat(5)}${'x'.repeat(500)}`);
    expect(text).not.toMatch(/\p{Cc}/u);
    expect(text.length).toBeLessThan(200);
  });
});

describe('formatDnsServer', () => {
  it('writes IPv4 as host:port and IPv6 in brackets, and round-trips', () => {
    expect(formatDnsServer({ host: '127.0.0.1', port: 5353 })).toBe('127.0.0.1:5353');
    expect(formatDnsServer({ host: '::1', port: 53 })).toBe('[::1]:53');
    for (const text of ['127.0.0.1:5353', '[::1]:5353', '192.0.2.1']) {
      const parsed = parseDnsServer(text);
      expect(parsed.ok && parseDnsServer(formatDnsServer(parsed.value))).toEqual(parsed);
    }
  });
});
