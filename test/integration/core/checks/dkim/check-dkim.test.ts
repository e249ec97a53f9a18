import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkDkim } from '../../../../../main/core/checks/dkim/check-dkim';
import { COMMON_DKIM_SELECTORS } from '../../../../../main/core/checks/dkim/dkim-selectors';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';
import { zoneTxt } from '../../../../helpers/zone-txt';

/** Base64 of an RSA public key's SubjectPublicKeyInfo, as `p=` carries it (RFC 6376 section 3.6.1). */
function rsaKey(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Base64 of a bare PKCS#1 RSAPublicKey (RFC 8017 appendix A.1.1), as some signers publish it. */
function rsaPkcs1Key(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
}

/** Base64 of the raw 32-octet Ed25519 key (RFC 8463 section 4.2): the SPKI without its 12-octet header. */
function ed25519Key(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(12).toString('base64');
}

/**
 * RFC 8463 appendix A.2's "newengland" key, as published in the RFC (and used by go-msgauth's and other
 * verifiers' tests): a 1024-bit key in PKCS#1 RSAPublicKey form, not SubjectPublicKeyInfo.
 */
const RFC8463_NEWENGLAND =
  'v=DKIM1; k=rsa; p=MIGJAoGBALVI635dLK4cJJAH3Lx6upo3X/Lm1tQz3mezcWTA3BUBnyIsdnRf57aD5BtNmhPrYYDlWlzw3UgnKisIxktkk5+iMQMlFtAS10JB8L3YadXNJY+JBcbeSi5TgJe4WFzNgW95FWDAuSTRXSWZfA/8xjflbTLDx0euFZOM7C4T0GwLAgMBAAE=';

const RSA_2048 = rsaKey(2048);
const RSA_1024 = rsaKey(1024);
const RSA_512 = rsaKey(512);
const ED25519 = ed25519Key();

const ZONES: Record<string, string> = {
  'good.test': `google._domainkey TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${RSA_2048}`)}`,
  'ed.test': `ed._domainkey TXT ${zoneTxt(`v=DKIM1; k=ed25519; p=${ED25519}`)}`,
  'weak.test': `
selector1._domainkey TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${RSA_1024}`)}
selector2._domainkey TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${RSA_512}`)}
`,
  'flags.test': `
default._domainkey TXT ${zoneTxt(`v=DKIM1; t=y; p=${RSA_2048}`)}
s1._domainkey TXT ${zoneTxt(`v=DKIM1; h=sha1; p=${RSA_2048}`)}
s2._domainkey TXT "v=DKIM1; k=rsa; p="
k1._domainkey TXT ${zoneTxt(`v=DKIM1; p=${RSA_2048.slice(0, 100)}!!${RSA_2048.slice(100)}`)}
k2._domainkey TXT ${zoneTxt(`p=${RSA_2048}; v=DKIM2; h=sha256; h=sha256`)}
mail._domainkey TXT ${zoneTxt(`v=DKIM1; k=dsa; p=${RSA_2048}`)}
k3._domainkey TXT ${zoneTxt(`v=DKIM1;; k=rsa; p=${RSA_2048}`)}
`,
  'cname.test': `
fm1._domainkey CNAME fm1.cname.test.dkim.provider.test.
fm2._domainkey CNAME nowhere.provider.test.
fm3._domainkey CNAME loop1.cname.test.
loop1 CNAME loop2.cname.test.
loop2 CNAME loop1.cname.test.
`,
  'provider.test': `fm1.cname.test.dkim TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${RSA_2048}`)}`,
  'multi.test': `
google._domainkey TXT ${zoneTxt(`v=DKIM1; p=${RSA_2048}`)}
google._domainkey TXT ${zoneTxt(`v=DKIM1; p=${RSA_1024}`)}
`,
  'empty.test': 'www A 192.0.2.1',
  'pkcs1.test': `
pk._domainkey TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${rsaPkcs1Key(2048)}`)}
newengland._domainkey TXT ${zoneTxt(RFC8463_NEWENGLAND)}
`,
  // Records verifiers cannot use: no p= at all, a p= that is base64 but no key, an RSA key declared Ed25519.
  'broken.test': `
nokey._domainkey TXT "v=DKIM1; k=rsa"
notkey._domainkey TXT ${zoneTxt(`v=DKIM1; k=rsa; p=${Buffer.from('this is not a public key').toString('base64')}`)}
mismatch._domainkey TXT ${zoneTxt(`v=DKIM1; k=ed25519; p=${RSA_2048}`)}
`,
  // The only key published is revoked: nothing left to sign with.
  'revoked.test': 'old._domainkey TXT "v=DKIM1; k=rsa; p="',
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

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id);
}

function one(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id);
  expect(found, `${id} in ${ids(findings).join(', ')}`).toHaveLength(1);
  return found[0] as Finding;
}

describe('checkDkim against a real Knot DNS', () => {
  it('finds a 2048-bit RSA key by discovery and passes it', async () => {
    const { findings, result } = await checkDkim({ domain: 'good.test', resolver });
    expect(ids(findings)).toEqual(['dkim.key.ok']);
    expect(one(findings, 'dkim.key.ok').evidence).toMatchObject({
      selector: 'google',
      keyType: 'rsa',
      bits: 2048,
    });
    expect(result.keys).toEqual([
      expect.objectContaining({
        selector: 'google',
        keyType: 'rsa',
        bits: 2048,
        status: 'ok',
        cnameTarget: null,
      }),
    ]);
    expect(result.hasUsableKey).toBe(true);
    expect(result.selectorsTried).toBeGreaterThanOrEqual(COMMON_DKIM_SELECTORS.length);
  });

  it("tries the account's selectors, passes an Ed25519 key, and names a selector that is missing", async () => {
    const { findings, result } = await checkDkim({
      domain: 'ed.test',
      resolver,
      selectors: ['ed', 'missing'],
    });
    expect(one(findings, 'dkim.key.ok').evidence).toMatchObject({
      selector: 'ed',
      keyType: 'ed25519',
      bits: null,
    });
    expect(one(findings, 'dkim.selector.not-found').evidence).toMatchObject({
      selector: 'missing',
      name: 'missing._domainkey.ed.test',
    });
    expect(result.keys.map((k) => k.keyType)).toEqual(['ed25519']);
  });

  it('measures RSA size from the key: 1024 bits warns, 512 bits fails (RFC 8301)', async () => {
    const { findings, result } = await checkDkim({ domain: 'weak.test', resolver });
    expect(one(findings, 'dkim.key.rsa-weak').evidence).toMatchObject({ selector: 'selector1', bits: 1024 });
    expect(one(findings, 'dkim.key.rsa-too-short').evidence).toMatchObject({
      selector: 'selector2',
      bits: 512,
    });
    expect(one(findings, 'dkim.key.rsa-too-short').severity).toBe('high');
    expect(ids(findings)).not.toContain('dkim.key.ok');
    expect(result.keys.map((k) => [k.selector, k.status])).toEqual([
      ['selector1', 'weak'],
      ['selector2', 'broken'],
    ]);
  });

  it('reports testing mode, sha1-only, revoked, bad base64, syntax errors and unknown key types', async () => {
    const { findings, result } = await checkDkim({ domain: 'flags.test', resolver });
    expect(one(findings, 'dkim.key.testing').evidence).toMatchObject({ selector: 'default' });
    expect(one(findings, 'dkim.key.sha1-only').evidence).toMatchObject({ selector: 's1', hashes: ['sha1'] });
    expect(one(findings, 'dkim.key.revoked').evidence).toMatchObject({ selector: 's2' });
    expect(one(findings, 'dkim.key.bad-base64').evidence).toMatchObject({ selector: 'k1' });
    const syntax = one(findings, 'dkim.key.syntax');
    expect(syntax.evidence).toMatchObject({ selector: 'k2' });
    expect(JSON.stringify(syntax.evidence.problems)).toContain('more than once');
    // A ";;" alone is outside the grammar but harmless in practice: low, and the key still counts.
    const empty = one(findings, 'dkim.key.empty-entries');
    expect(empty).toMatchObject({ severity: 'low', evidence: { selector: 'k3', bits: 2048 } });
    expect(JSON.stringify(empty.evidence.problems)).toContain('two semicolons in a row');
    expect(findings.filter((f) => f.id === 'dkim.key.syntax')).toHaveLength(1);
    expect(result.keys.find((key) => key.selector === 'k3')?.status).toBe('ok');
    expect(result.keys.find((key) => key.selector === 'k2')?.status).toBe('broken');
    expect(one(findings, 'dkim.key.bad-version').evidence).toMatchObject({ selector: 'k2' });
    expect(one(findings, 'dkim.key.unknown-type').evidence).toMatchObject({
      selector: 'mail',
      declaredType: 'dsa',
    });
  });

  it('reads a PKCS#1 RSAPublicKey (as dkimpy and go-msgauth do): a low note, not "unreadable"', async () => {
    const { findings, result } = await checkDkim({ domain: 'pkcs1.test', resolver, selectors: ['pk'] });
    const note = one(findings, 'dkim.key.pkcs1');
    expect(note).toMatchObject({ severity: 'low', evidence: { selector: 'pk', bits: 2048, keyType: 'rsa' } });
    expect(ids(findings)).not.toContain('dkim.key.unreadable');
    expect(result.keys.find((key) => key.selector === 'pk')?.status).toBe('ok');
    expect(result.hasUsableKey).toBe(true);
  });

  it("reads RFC 8463's own example key (PKCS#1, 1024 bits): a note and a size warning, still usable", async () => {
    const { findings, result } = await checkDkim({
      domain: 'pkcs1.test',
      resolver,
      selectors: ['newengland'],
      discover: false,
    });
    expect(ids(findings).sort()).toEqual(['dkim.key.pkcs1', 'dkim.key.rsa-weak']);
    expect(one(findings, 'dkim.key.pkcs1').evidence).toMatchObject({ bits: 1024 });
    expect(result.keys.map((key) => [key.selector, key.status])).toEqual([['newengland', 'weak']]);
    expect(result.hasUsableKey).toBe(true);
  });

  it('fails a key record with no p= at all (not an empty, revoked one)', async () => {
    const { findings, result } = await checkDkim({
      domain: 'broken.test',
      resolver,
      selectors: ['nokey'],
      discover: false,
    });
    const missing = one(findings, 'dkim.key.no-public-key');
    expect(missing.severity).toBe('high');
    expect(missing.explanation).toBe(
      'The record at nokey._domainkey.broken.test has no "p=" tag, which every DKIM key needs. DKIM fails with this selector.',
    );
    expect(ids(findings)).not.toContain('dkim.key.revoked-only');
    expect(result.keys.map((key) => [key.selector, key.status])).toEqual([['nokey', 'broken']]);
    expect(result.hasUsableKey).toBe(false);
  });

  it('fails a p= that is valid base64 but no key, and an RSA key published as k=ed25519', async () => {
    const { findings, result } = await checkDkim({
      domain: 'broken.test',
      resolver,
      selectors: ['notkey', 'mismatch'],
      discover: false,
    });
    const unreadable = one(findings, 'dkim.key.unreadable');
    expect(unreadable).toMatchObject({ severity: 'high', evidence: { selector: 'notkey', bits: null } });
    expect(unreadable.explanation).toContain(
      'The "p=" value at notkey._domainkey.broken.test is base64, but not a rsa public key.',
    );
    const mismatch = one(findings, 'dkim.key.type-mismatch');
    expect(mismatch).toMatchObject({ severity: 'high', evidence: { selector: 'mismatch', bits: 2048 } });
    expect(mismatch.explanation).toBe(
      'The record at mismatch._domainkey.broken.test declares k=ed25519 but holds a rsa key. Receivers reject it.',
    );
    expect(mismatch.fix.steps.length).toBeGreaterThan(0);
    expect(result.keys.map((key) => [key.selector, key.status])).toEqual([
      ['notkey', 'broken'],
      ['mismatch', 'broken'],
    ]);
    expect(result.hasUsableKey).toBe(false);
  });

  it('rates a revoked key low beside a usable key, medium when it is the only key', async () => {
    const flags = await checkDkim({ domain: 'flags.test', resolver });
    expect(one(flags.findings, 'dkim.key.revoked').severity).toBe('low');
    const alone = await checkDkim({ domain: 'revoked.test', resolver, selectors: ['old'] });
    expect(ids(alone.findings)).not.toContain('dkim.key.revoked');
    expect(one(alone.findings, 'dkim.key.revoked-only')).toMatchObject({
      severity: 'medium',
      evidence: { selector: 'old' },
    });
    expect(alone.result.hasUsableKey).toBe(false);
  });

  it('follows CNAMEs to the provider, and flags a CNAME to nowhere and a CNAME loop', async () => {
    const { findings, result } = await checkDkim({
      domain: 'cname.test',
      resolver,
      cnameProviders: [{ suffix: 'dkim.provider.test', presetId: 'fastmail' }],
    });
    expect(result.keys).toEqual([
      expect.objectContaining({
        selector: 'fm1',
        cnameTarget: 'fm1.cname.test.dkim.provider.test',
        provider: 'fastmail',
        status: 'ok',
      }),
    ]);
    const broken = findings.filter((f) => f.id === 'dkim.cname.broken').map((f) => f.evidence.selector);
    expect(broken.sort()).toEqual(['fm2', 'fm3']);
    const loop = findings.find((f) => f.id === 'dkim.cname.broken' && f.evidence.selector === 'fm3');
    expect(loop?.evidence.reason).toEqual(expect.stringMatching(/CNAME hops/));
  });

  it('flags two keys at one selector', async () => {
    const { findings } = await checkDkim({ domain: 'multi.test', resolver });
    expect(one(findings, 'dkim.key.multiple-records').evidence).toMatchObject({
      selector: 'google',
      recordCount: 2,
    });
  });

  it('says how many selectors were tried when none has a key, never "DKIM missing"', async () => {
    const { findings, result } = await checkDkim({
      domain: 'empty.test',
      resolver,
      selectors: ['custom2024'],
    });
    const none = one(findings, 'dkim.discovery.none-found');
    expect(none.explanation).toContain(
      `No DKIM key found among ${String(result.selectorsTried)} selectors tried; add your selector`,
    );
    expect(none.title.toLowerCase()).not.toContain('missing');
    expect(none.evidence.selectors).toContain('custom2024');
    expect(result.hasUsableKey).toBe(false);
  });

  it('reports lookups that time out instead of hanging', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    const started = Date.now();
    const { findings } = await checkDkim({
      domain: 'empty.test',
      resolver: slow,
      selectors: ['a', 'b'],
      discover: false,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(one(findings, 'dkim.lookup.failed').evidence).toMatchObject({ failedCount: 2 });
    expect(ids(findings)).toContain('dkim.discovery.none-found');
  });

  it('refuses a domain name that is not valid, and a selector that is not', async () => {
    const bad = await checkDkim({ domain: 'a..b', resolver });
    expect(ids(bad.findings)).toEqual(['dkim.domain.invalid']);
    const selector = await checkDkim({
      domain: 'good.test',
      resolver,
      selectors: ['bad selector'],
      discover: false,
    });
    expect(ids(selector.findings)).toContain('dkim.selector.invalid');
  });
});
