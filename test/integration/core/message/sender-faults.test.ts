/**
 * `analyseMessage` on messages a sender got wrong, each built and signed here (mailauth's dkimSign and
 * sealMessage) with keys this file generates and publishes in its own Knot: header lines past RFC 5322's
 * limits, a signature broken by a changed header, too short, unusable or expired keys, SPF records that
 * end in ~all or ?all, and an ARC chain judged without DNS.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sealMessage } from 'mailauth/lib/arc/index.js';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { parseDnsServer } from '../../../../main/adapters/parse-dns-server';
import { analyseMessage } from '../../../../main/core/message/analyse-message';
import type { MessageAnalysis } from '../../../../main/core/message/message-analysis';
import type { DnsResolver } from '../../../../main/core/ports';
import type { Finding, Severity } from '../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { emptySlotsOf } from '../../../helpers/wording-guard/finding-wording';
import { zoneLines } from '../../../helpers/zone-txt';

const NOW = new Date('2026-12-06T09:00:00Z');

interface TestKey {
  readonly privateKey: string;
  readonly record: string;
}

function rsaKey(modulusLength: number): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    record: record(publicKey),
  };
}

const record = (publicKey: KeyObject): string =>
  `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

function original(from: string, extraHeader: readonly string[] = []): string {
  return [
    `From: Sender <${from}>`,
    'To: Ann <ann@receiver.test>',
    'Subject: Invoice 2026-118',
    'Date: Sun, 06 Dec 2026 08:00:00 +0000',
    'Message-ID: <invoice-118@sender.test>',
    ...extraHeader,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Your invoice is attached.',
    '',
  ].join('\r\n');
}

/** The receiving side's hop: the address SPF is judged for, and the envelope sender it was given. */
function delivered(ip: string, returnPath: string, message: string): string {
  return [
    `Return-Path: <${returnPath}>`,
    `Received: from out.sender.test (out.sender.test [${ip}])`,
    '\tby mx.receiver.test (Postfix) with ESMTPS id 4QX1ab',
    '\tfor <ann@receiver.test>; Sun, 06 Dec 2026 08:00:05 +0000',
    message,
  ].join('\r\n');
}

const ids = (analysis: MessageAnalysis): string[] => analysis.findings.map((finding) => finding.id);

/** The one finding with this id, its severity, and words with every slot filled. */
function theFinding(analysis: MessageAnalysis, id: string, severity: Severity): Finding {
  const found = analysis.findings.filter((finding) => finding.id === id);
  expect(found, `${id} among ${ids(analysis).join(', ')}`).toHaveLength(1);
  const finding = found[0] as Finding;
  expect(finding.severity).toBe(severity);
  expect(emptySlotsOf(finding)).toEqual([]);
  return finding;
}

describe('analysing messages a sender got wrong', () => {
  let knot: KnotServer;
  let resolver: DnsResolver;
  const good = rsaKey(2048);
  const weak = rsaKey(512);
  const sealer = rsaKey(2048);

  const analyse = (text: string, online = true): Promise<MessageAnalysis> =>
    analyseMessage({
      bytes: Buffer.from(text, 'latin1'),
      resolver: online ? resolver : null,
      clock: { now: () => NOW },
      toolVersion: 'test',
    });

  async function signed(
    message: string,
    selector: string,
    privateKey: string,
    times: { signTime?: Date; expires?: Date } = {},
  ): Promise<string> {
    // mailauth reads signatureData (its documented multi-signature form); its type only lists the flat one.
    const options = {
      signatureData: [{ signingDomain: 'sender.test', selector, privateKey, algorithm: 'rsa-sha256' }],
      signTime: times.signTime ?? new Date('2026-12-06T08:00:01Z'),
      ...(times.expires === undefined ? {} : { expires: times.expires }),
    };
    const result = await dkimSign(message, options as unknown as Parameters<typeof dkimSign>[1]);
    return `${result.signatures}${message}`;
  }

  beforeAll(async () => {
    const records = {
      'good._domainkey.sender.test': good.record,
      'weak._domainkey.sender.test': weak.record,
      // A record whose p= is base64, but of "not a key" rather than of a public key.
      'broken._domainkey.sender.test': `v=DKIM1; k=rsa; p=${Buffer.from('not a key').toString('base64')}`,
      'soft.sender.test': 'v=spf1 ip4:192.0.2.10 ~all',
      'neutral.sender.test': 'v=spf1 ip4:192.0.2.10 ?all',
      'arc1._domainkey.forwarder.test': sealer.record,
    };
    knot = await startKnot({
      'sender.test': zoneLines(records, 'sender.test'),
      'forwarder.test': zoneLines(records, 'forwarder.test'),
    });
    const server = parseDnsServer(knot.server);
    if (!server.ok) throw new Error(server.message);
    resolver = createDnsResolver({ server: server.value });
  });
  afterAll(async () => {
    await knot.stop();
  });

  it('says which field has a header line over 998 characters, and still verifies its signature', async () => {
    const longLine = `X-Campaign-Tags: ${Array.from({ length: 200 }, (_, i) => `tag${String(i)}`).join(',')}`;
    expect(longLine.length).toBeGreaterThan(998);
    const message = await signed(original('billing@sender.test', [longLine]), 'good', good.privateKey);
    const analysis = await analyse(message);
    const finding = theFinding(analysis, 'message.header.long-lines', 'low');
    expect(finding.evidence['fields']).toEqual(['x-campaign-tags']);
    expect(finding.explanation).toContain('line over 998 characters: x-campaign-tags');
    expect(ids(analysis)).toContain('message.dkim.pass');
  });

  it('reads only the start of a header field over 64 KB, folded into short lines, and says so', async () => {
    const folded = Array.from({ length: 1_000 }, (_, i) =>
      ` recipient-${String(i).padStart(4, '0')}@list.sender.test,`.padEnd(80, 'x'),
    );
    const message = await signed(
      original('billing@sender.test', [`X-Recipients:${folded.join('\r\n')}`]),
      'good',
      good.privateKey,
    );
    const analysis = await analyse(message);
    const finding = theFinding(analysis, 'message.header.oversized-field', 'medium');
    expect(finding.evidence).toEqual(expect.objectContaining({ fields: ['x-recipients'], maxChars: 65_536 }));
    expect(finding.explanation).toContain('longer than 65536 characters: x-recipients');
    // Each line is short: the field is too long, not its lines.
    expect(ids(analysis)).not.toContain('message.header.long-lines');
  });

  it('finds the header signature broken when a signed Subject was changed after signing', async () => {
    const message = await signed(original('billing@sender.test'), 'good', good.privateKey);
    const tagged = message.replace('Subject: Invoice 2026-118', 'Subject: [EXTERNAL] Invoice 2026-118');
    const analysis = await analyse(tagged);
    expect(analysis.authentication?.dkim).toEqual([
      expect.objectContaining({ selector: 'good', bodyHashMatches: true, outcome: 'signature-failed' }),
    ]);
    const finding = theFinding(analysis, 'message.dkim.signature-failed', 'high');
    expect(finding.title).toBe('The DKIM signature by sender.test does not verify');
    expect(finding.fix.steps[0]).toContain('good._domainkey.sender.test');
    // The unchanged message verifies with the same key: the change, not the key, broke it.
    expect(ids(await analyse(message))).toContain('message.dkim.pass');
  });

  it('refuses a signature made with a 512-bit key published in DNS', async () => {
    const message = await signed(original('billing@sender.test'), 'weak', weak.privateKey);
    const analysis = await analyse(message);
    expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual(['key-too-weak']);
    const finding = theFinding(analysis, 'message.dkim.key-too-weak', 'high');
    expect(finding.title).toBe('The DKIM key of sender.test is too short to be trusted');
    expect(finding.explanation).toContain('selector weak is shorter than 1024 bits');
  });

  it('says the key is unusable when the selector record holds a p= that is not a key', async () => {
    const message = await signed(original('billing@sender.test'), 'broken', good.privateKey);
    const analysis = await analyse(message);
    expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual(['key-invalid']);
    const finding = theFinding(analysis, 'message.dkim.key-invalid', 'medium');
    expect(finding.explanation).toContain('The record at broken._domainkey.sender.test is there');
  });

  it('says a signature whose x= expiry has passed no longer counts, although it verifies', async () => {
    const message = await signed(original('billing@sender.test'), 'good', good.privateKey, {
      signTime: new Date('2026-11-01T08:00:00Z'),
      expires: new Date('2026-11-08T08:00:00Z'),
    });
    expect(message).toMatch(/\bx=\d+/);
    const analysis = await analyse(message);
    expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual(['expired']);
    const finding = theFinding(analysis, 'message.dkim.expired', 'medium');
    expect(finding.title).toBe('The DKIM signature by sender.test has expired');
  });

  it('soft-fails SPF for a server the ~all record of the envelope domain does not list', async () => {
    const message = await signed(original('billing@sender.test'), 'good', good.privateKey);
    const analysis = await analyse(delivered('198.51.100.7', 'bounce@soft.sender.test', message));
    expect(analysis.authentication?.spf).toEqual({
      ip: '198.51.100.7',
      domain: 'soft.sender.test',
      outcome: 'softfail',
    });
    const finding = theFinding(analysis, 'message.spf.softfail', 'medium');
    expect(finding.title).toBe('SPF soft-fails: 198.51.100.7 is probably not allowed for soft.sender.test');
    // The listed server passes against the same record.
    const listed = await analyse(delivered('192.0.2.10', 'bounce@soft.sender.test', message));
    expect(listed.authentication?.spf?.outcome).toBe('pass');
  });

  it('says SPF asserts nothing for a server the ?all record does not list', async () => {
    const message = await signed(original('billing@sender.test'), 'good', good.privateKey);
    const analysis = await analyse(delivered('198.51.100.7', 'bounce@neutral.sender.test', message));
    expect(analysis.authentication?.spf?.outcome).toBe('neutral');
    const finding = theFinding(analysis, 'message.spf.neutral', 'low');
    expect(finding.title).toBe('SPF says nothing about 198.51.100.7 for neutral.sender.test');
  });

  it('offline, says an ARC chain sealed by a forwarder was not verified, and online verifies it', async () => {
    const message = await signed(original('billing@sender.test'), 'good', good.privateKey);
    // sealMessage reads the results to seal and the chain state (createSeal in mailauth's lib/arc); its type
    // lists only the key options, hence a variable, not a literal. cv=none: a chain's first set (RFC 8617 4.1.3).
    const sealOptions = {
      signingDomain: 'forwarder.test',
      selector: 'arc1',
      privateKey: sealer.privateKey,
      authResults: 'mx.forwarder.test; dkim=pass header.d=sender.test',
      cv: 'none',
      signTime: new Date('2026-12-06T08:00:03Z'),
    };
    const seal = await sealMessage(Buffer.from(message), sealOptions);
    const forwarded = `${seal.toString('latin1')}${message}`;
    const offline = await analyse(forwarded, false);
    expect(offline.authentication?.arc).toEqual({ outcome: 'not-verified', sets: 1 });
    const finding = theFinding(offline, 'message.arc.not-verified', 'info');
    expect(finding.explanation).toContain('carries 1 ARC set(s)');
    expect((await analyse(forwarded)).authentication?.arc).toEqual({ outcome: 'pass', sets: 1 });
  });
});
