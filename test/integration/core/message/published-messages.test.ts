/**
 * Messages nobody here wrote, judged against the verdicts their sources state (test/fixtures/messages):
 * the RFC 8463 Appendix A message (Ed25519 and RSA signatures) and two ARC test-suite chains, with their
 * published keys served by the suite's Knot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { parseDnsServer } from '../../../../main/adapters/parse-dns-server';
import { analyseMessage } from '../../../../main/core/message/analyse-message';
import type { MessageAnalysis } from '../../../../main/core/message/message-analysis';
import type { DnsResolver } from '../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { zoneLines } from '../../../helpers/zone-txt';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/messages');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const keys = (name: string): Record<string, string> =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, string>;

const ids = (analysis: MessageAnalysis): string[] => analysis.findings.map((finding) => finding.id);

describe('analysing messages published by others', () => {
  let knot: KnotServer;
  let resolver: DnsResolver;
  const analyse = (bytes: Uint8Array, online = true): Promise<MessageAnalysis> =>
    analyseMessage({
      bytes,
      resolver: online ? resolver : null,
      clock: { now: () => new Date('2026-12-06T09:00:00Z') },
      toolVersion: 'test',
    });

  beforeAll(async () => {
    knot = await startKnot({
      'football.example.com': zoneLines(keys('rfc8463-keys.json'), 'football.example.com'),
      'example.org': zoneLines(keys('arc-test-suite-keys.json'), 'example.org'),
      // The organisational domain DMARC falls back to (RFC 7489 section 6.6.3): there, with no record.
      'example.com': '',
    });
    const server = parseDnsServer(knot.server);
    if (!server.ok) throw new Error(server.message);
    resolver = createDnsResolver({ server: server.value });
  });
  afterAll(async () => {
    await knot.stop();
  });

  it('verifies both signatures of the RFC 8463 example: Ed25519 and RSA, aligned with From', async () => {
    const analysis = await analyse(fixture('rfc8463-appendix-a.eml'));
    expect(analysis.authentication?.dkim).toEqual([
      expect.objectContaining({
        signingDomain: 'football.example.com',
        selector: 'brisbane',
        algorithm: 'ed25519-sha256',
        keyBits: 256,
        bodyHashMatches: true,
        aligned: true,
        outcome: 'pass',
      }),
      expect.objectContaining({
        selector: 'test',
        algorithm: 'rsa-sha256',
        keyBits: 1024,
        bodyHashMatches: true,
        aligned: true,
        outcome: 'pass',
      }),
    ]);
    expect(ids(analysis).filter((id) => id.startsWith('message.dkim.'))).toEqual([
      'message.dkim.pass',
      'message.dkim.pass',
    ]);
    // Two signatures of one domain: a reader tells their findings apart by the selector.
    expect(
      analysis.findings.filter((finding) => finding.id === 'message.dkim.pass').map((f) => f.title),
    ).toEqual([
      'DKIM signature by football.example.com (selector brisbane) is valid and matches the From domain',
      'DKIM signature by football.example.com (selector test) is valid and matches the From domain',
    ]);
    // No Received line from outside: SPF is said to be unjudgeable, not guessed.
    expect(ids(analysis)).toContain('message.spf.not-judged');
    expect(analysis.authentication?.dmarc).toEqual(expect.objectContaining({ outcome: 'none' }));
  });

  it('offline, says the RFC 8463 body hashes match and that the signatures need DNS', async () => {
    const analysis = await analyse(fixture('rfc8463-appendix-a.eml'), false);
    expect(analysis.dns).toBeNull();
    expect(analysis.authentication?.dkim.map((s) => [s.bodyHashMatches, s.outcome])).toEqual([
      [true, 'not-verified-offline'],
      [true, 'not-verified-offline'],
    ]);
    expect(ids(analysis)).toEqual(expect.arrayContaining(['message.dns.off', 'message.dkim.not-verified']));
    expect(analysis.authentication?.spf).toBeNull();
    expect(analysis.authentication?.dmarc).toBeNull();
    const notVerified = analysis.findings.find((f) => f.id === 'message.dkim.not-verified');
    expect(notVerified?.explanation).toContain('body hash that matches');
  });

  it('given only the header of the RFC 8463 example, says the body hashes cannot be checked', async () => {
    const whole = fixture('rfc8463-appendix-a.eml').toString('latin1');
    const header = whole.slice(0, whole.indexOf('\n\n') + 1);
    const analysis = await analyse(Buffer.from(header, 'latin1'));
    expect(ids(analysis)).toContain('message.body.missing');
    expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual([
      'not-verified-no-body',
      'not-verified-no-body',
    ]);
    expect(ids(analysis)).not.toContain('message.dkim.body-hash-failed');
  });

  it('warns that a signature with a body length covers only part of the body', async () => {
    const message = fixture('rfc8463-appendix-a.eml')
      .toString('latin1')
      .replace('s=brisbane;', 's=brisbane; l=3;');
    const analysis = await analyse(Buffer.from(message, 'latin1'), false);
    const partial = analysis.findings.filter((f) => f.id === 'message.dkim.body-length-limit');
    expect(partial.map((f) => f.evidence['selector'])).toEqual(['brisbane']);
    expect(partial[0]?.evidence).toEqual(expect.objectContaining({ bodyLengthLimit: 3 }));
    expect(partial[0]?.evidence['unsignedBodyBytes']).toBeGreaterThan(0);
  });

  it('finds the RFC 8463 example changed when one word of its body is', async () => {
    const changed = fixture('rfc8463-appendix-a.eml').toString('latin1').replace('hungry', 'thirsty');
    const analysis = await analyse(Buffer.from(changed, 'latin1'));
    expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual([
      'body-hash-failed',
      'body-hash-failed',
    ]);
  });

  it('passes the ARC suite chain of two sets (cv_pass_i2_1: "cv: Pass")', async () => {
    const analysis = await analyse(fixture('arc-cv-pass-i2-1.eml'));
    expect(analysis.authentication?.arc).toEqual({ outcome: 'pass', sets: 2 });
    expect(ids(analysis)).toContain('message.arc.pass');
  });

  it('fails the ARC suite chain with an invalid message signature (cv_fail_i1_ams_invalid: "cv: Fail")', async () => {
    const analysis = await analyse(fixture('arc-cv-fail-i1-ams-invalid.eml'));
    expect(analysis.authentication?.arc?.outcome).toBe('fail');
    expect(ids(analysis)).toContain('message.arc.fail');
    expect(ids(analysis)).not.toContain('message.arc.pass');
  });

  it('shows the ARC suite receiver’s own results beside Mailwarden’s and explains where they differ', async () => {
    const analysis = await analyse(fixture('arc-cv-pass-i2-1.eml'));
    expect(analysis.receiver?.verdicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'dkim', result: 'pass', subject: 'd1.example' }),
      ]),
    );
    // The suite's message carries no DKIM-Signature of its own, although its receiver wrote dkim=pass.
    const disagreement = analysis.findings.find((f) => f.id === 'message.receiver.disagrees');
    expect(disagreement?.evidence['disagreements']).toEqual(
      expect.arrayContaining([{ method: 'dkim', receiver: 'pass', mailwarden: 'none' }]),
    );
    expect(disagreement?.explanation).toContain('DKIM: the receiver says pass, Mailwarden says none');
  });
});
