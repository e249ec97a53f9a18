import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkTlsRpt } from '../../../../../main/core/checks/tls-rpt/check-tls-rpt';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const ZONES: Record<string, string> = {
  'good.test': '_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls@good.test,https://reports.example/tlsrpt"',
  'bad.test': '_smtp._tls TXT "v=TLSRPTv1; rua=http://reports.example/x,mailto:not-an-address,ftp://x"',
  'norua.test': '_smtp._tls TXT "v=TLSRPTv1;"',
  'multi.test':
    '_smtp._tls TXT "v=TLSRPTv1; rua=mailto:a@multi.test"\n_smtp._tls TXT "v=TLSRPTv1; rua=mailto:b@multi.test"',
  'none.test': '_smtp._tls TXT "something else"',
};

let knot: KnotServer;
let silent: SilentDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  [knot, silent] = await Promise.all([startKnot(ZONES), startSilentDnsServer()]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([knot.stop(), silent.stop()]);
});

describe('checkTlsRpt against a real Knot DNS', () => {
  it('passes a record with a mailto and an https destination', async () => {
    const { findings, result } = await checkTlsRpt({ domain: 'good.test', resolver });
    expect(findings.map((f) => f.id)).toEqual(['tls-rpt.record.ok']);
    expect(result.destinations).toEqual([
      { kind: 'mailto', uri: 'mailto:tls@good.test', domain: 'good.test' },
      { kind: 'https', uri: 'https://reports.example/tlsrpt', domain: 'reports.example' },
    ]);
  });

  it('names every bad destination: http, a broken address, another scheme', async () => {
    const { findings, result } = await checkTlsRpt({ domain: 'bad.test', resolver });
    const [syntax] = findings;
    expect(syntax?.id).toBe('tls-rpt.record.syntax');
    const problems = (syntax?.evidence.problems as string[]).join('\n');
    expect(problems).toMatch(/uses http:/);
    expect(problems).toMatch(/not a valid email address/);
    expect(problems).toMatch(/neither a mailto: nor an https:/);
    expect(result.valid).toBe(false);
  });

  it('flags a record without rua, two records, and suggests a record when none exists', async () => {
    const norua = await checkTlsRpt({ domain: 'norua.test', resolver });
    expect((norua.findings[0]?.evidence.problems as string[]).join('\n')).toContain(
      'the required "rua" field',
    );
    const multi = await checkTlsRpt({ domain: 'multi.test', resolver });
    expect(multi.findings.map((f) => f.id)).toEqual(['tls-rpt.record.multiple']);
    const none = await checkTlsRpt({ domain: 'none.test', resolver });
    expect(none.findings[0]?.fix.record).toEqual({
      type: 'TXT',
      name: '_smtp._tls.none.test',
      value: 'v=TLSRPTv1; rua=mailto:tls-reports@none.test',
    });
  });

  it('reports a resolver that does not answer', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    const { findings } = await checkTlsRpt({ domain: 'good.test', resolver: slow });
    expect(findings.map((f) => f.id)).toEqual(['tls-rpt.lookup.failed']);
  });

  it('refuses a domain name that cannot be looked up, saying why', async () => {
    const { findings } = await checkTlsRpt({ domain: 'exa mple.test', resolver });
    expect(findings.map((f) => f.id)).toEqual(['tls-rpt.domain.invalid']);
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.explanation).toMatch(/^"exa mple\.test" cannot be looked up: \S/);
  });
});
