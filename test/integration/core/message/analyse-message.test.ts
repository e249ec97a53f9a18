/**
 * `analyseMessage` on messages signed here with keys published in Knot (aligned, signed by another
 * domain, changed after signing), and on hostile messages that must end in findings, never a hang.
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { parseDnsServer } from '../../../../main/adapters/parse-dns-server';
import { analyseMessage } from '../../../../main/core/message/analyse-message';
import type { MessageAnalysis } from '../../../../main/core/message/message-analysis';
import type { DnsResolver } from '../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startSilentDnsServer } from '../../../helpers/silent-dns-server';
import { zoneTxt } from '../../../helpers/zone-txt';

const RECEIVER_HOP = (ip: string, withTls: boolean): string =>
  [
    `Received: from out.sender.test (out.sender.test [${ip}])`,
    `\tby mx.receiver.test (Postfix) with ${withTls ? 'ESMTPS' : 'ESMTP'} id 4QX1ab`,
    ...(withTls ? ['\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))'] : []),
    '\tfor <ann@receiver.test>; Sun, 06 Dec 2026 08:00:05 +0000',
  ].join('\r\n');
const SUBMISSION_HOP = [
  'Received: from [10.0.0.5] (unknown [10.0.0.5])',
  '\tby out.sender.test (Postfix) with ESMTPSA id 77ABcd',
  '\tfor <ann@receiver.test>; Sun, 06 Dec 2026 08:00:02 +0000',
].join('\r\n');

function original(from: string): string {
  return [
    `From: Shop <${from}>`,
    'To: Ann <ann@receiver.test>',
    'Subject: Your order 1042',
    'Date: Sun, 06 Dec 2026 08:00:00 +0000',
    'Message-ID: <order-1042@shop.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Thank you for your order.',
    '',
  ].join('\r\n');
}

const ids = (analysis: MessageAnalysis): string[] => analysis.findings.map((finding) => finding.id);

describe('analyseMessage', () => {
  let knot: KnotServer;
  let resolver: DnsResolver;
  let shopKey: string;
  let espKey: string;
  const analyse = (text: string | Uint8Array, online = true): Promise<MessageAnalysis> =>
    analyseMessage({
      bytes: typeof text === 'string' ? Buffer.from(text) : text,
      resolver: online ? resolver : null,
      clock: { now: () => new Date('2026-12-06T09:00:00Z') },
      toolVersion: 'test',
    });

  async function signed(
    message: string,
    domain: string,
    selector: string,
    privateKey: string,
  ): Promise<string> {
    // mailauth reads signatureData (its documented multi-signature form); its type only lists the flat one.
    const options = {
      signatureData: [{ signingDomain: domain, selector, privateKey, algorithm: 'rsa-sha256' }],
    };
    const result = await dkimSign(message, options as unknown as Parameters<typeof dkimSign>[1]);
    return `${result.signatures}${message}`;
  }

  /** What arrives: the receiver's results and hop on top, then the sender's signed message. */
  function delivered(options: {
    ip: string;
    tls: boolean;
    returnPath: string;
    receiverSays: string;
    body: string;
  }) {
    return [
      `Return-Path: <${options.returnPath}>`,
      `Authentication-Results: mx.receiver.test; ${options.receiverSays}`,
      RECEIVER_HOP(options.ip, options.tls),
      SUBMISSION_HOP,
      options.body,
    ].join('\r\n');
  }

  beforeAll(async () => {
    const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
    const shop = keyPair();
    const esp = keyPair();
    shopKey = shop.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    espKey = esp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicRecord = (key: typeof shop.publicKey): string =>
      `v=DKIM1; k=rsa; p=${key.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    knot = await startKnot({
      'shop.test': [
        `s2026._domainkey IN TXT ${zoneTxt(publicRecord(shop.publicKey))}`,
        '@ IN TXT "v=spf1 ip4:192.0.2.10 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject"',
      ].join('\n'),
      'esp.test': `esp1._domainkey IN TXT ${zoneTxt(publicRecord(esp.publicKey))}`,
    });
    const server = parseDnsServer(knot.server);
    if (!server.ok) throw new Error(server.message);
    resolver = createDnsResolver({ server: server.value });
  });
  afterAll(async () => {
    await knot.stop();
  });

  it('passes a message signed by its own domain and sent from an allowed server, as its receiver did', async () => {
    const body = await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey);
    const analysis = await analyse(
      delivered({
        ip: '192.0.2.10',
        tls: true,
        returnPath: 'bounce@shop.test',
        receiverSays:
          'dkim=pass header.d=shop.test; spf=pass smtp.mailfrom=shop.test; dmarc=pass header.from=shop.test',
        body,
      }),
    );
    expect(analysis.authentication?.dkim).toEqual([
      expect.objectContaining({
        signingDomain: 'shop.test',
        selector: 's2026',
        keyBits: 2048,
        aligned: true,
        outcome: 'pass',
      }),
    ]);
    expect(analysis.authentication?.spf).toEqual({ ip: '192.0.2.10', domain: 'shop.test', outcome: 'pass' });
    expect(analysis.authentication?.dmarc).toEqual(
      expect.objectContaining({ outcome: 'pass', policy: 'reject', alignedBy: ['dkim', 'spf'] }),
    );
    expect(ids(analysis)).toEqual(
      expect.arrayContaining([
        'message.dkim.pass',
        'message.spf.pass',
        'message.dmarc.pass',
        'message.receiver.agrees',
      ]),
    );
    expect(analysis.findings.filter((f) => f.severity !== 'pass' && f.severity !== 'info')).toEqual([]);
    // The path: the receiver's hop with its TLS, three seconds after the submission hop.
    expect(analysis.received.hops[0]).toEqual(
      expect.objectContaining({
        by: 'mx.receiver.test',
        fromIp: '192.0.2.10',
        protocol: 'ESMTPS',
        tlsVersion: 'TLSv1.3',
        tlsCipher: 'TLS_AES_256_GCM_SHA384',
        delaySeconds: 3,
      }),
    );
  });

  it('says a valid signature by another domain does not count for DMARC, and DMARC fails', async () => {
    const body = await signed(original('orders@shop.test'), 'esp.test', 'esp1', espKey);
    const analysis = await analyse(
      delivered({
        ip: '198.51.100.7',
        tls: true,
        returnPath: 'b@esp.test',
        receiverSays: 'dkim=pass header.d=esp.test',
        body,
      }),
    );
    expect(analysis.authentication?.dkim).toEqual([
      expect.objectContaining({ signingDomain: 'esp.test', aligned: false, outcome: 'pass' }),
    ]);
    expect(ids(analysis)).toEqual(
      expect.arrayContaining(['message.dkim.pass', 'message.dkim.not-aligned', 'message.dmarc.fail']),
    );
    const notAligned = analysis.findings.find((f) => f.id === 'message.dkim.not-aligned');
    expect(notAligned?.explanation).toContain('signed by esp.test, but the From address is at shop.test');
    expect(analysis.authentication?.dmarc).toEqual(
      expect.objectContaining({ outcome: 'fail', policy: 'reject' }),
    );
  });

  it('finds the body changed after signing (a footer added on the way), against a receiver that saw it intact', async () => {
    const body = `${await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey)}-- \r\nSent by our scanner\r\n`;
    const analysis = await analyse(
      delivered({
        ip: '198.51.100.7',
        tls: false,
        returnPath: 'bounce@shop.test',
        receiverSays: 'dkim=pass header.d=shop.test; spf=fail smtp.mailfrom=shop.test; dmarc=pass',
        body,
      }),
    );
    expect(analysis.authentication?.dkim.map((s) => [s.bodyHashMatches, s.outcome])).toEqual([
      [false, 'body-hash-failed'],
    ]);
    expect(ids(analysis)).toEqual(
      expect.arrayContaining([
        'message.dkim.body-hash-failed',
        'message.spf.fail',
        'message.dmarc.fail',
        'message.receiver.disagrees',
        'message.received.unencrypted-hop',
      ]),
    );
    const disagreement = analysis.findings.find((f) => f.id === 'message.receiver.disagrees');
    expect(disagreement?.evidence['disagreements']).toEqual([
      { method: 'dkim', receiver: 'pass', mailwarden: 'fail' },
      { method: 'dmarc', receiver: 'pass', mailwarden: 'fail' },
    ]);
  });

  it('offline, judges the same message from itself alone and names the verdicts that need DNS', async () => {
    const body = await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey);
    const analysis = await analyse(
      delivered({
        ip: '192.0.2.10',
        tls: true,
        returnPath: 'bounce@shop.test',
        receiverSays: 'dkim=pass',
        body,
      }),
      false,
    );
    expect(analysis.authentication).toEqual(
      expect.objectContaining({
        spf: null,
        dmarc: null,
        dkim: [expect.objectContaining({ outcome: 'not-verified-offline', bodyHashMatches: true })],
      }),
    );
    expect(ids(analysis)).toContain('message.dns.off');
    expect(analysis.received.hops[0]?.tlsVersion).toBe('TLSv1.3');
  });

  it('ends on its deadline when the DNS server never answers, with the verdicts that needed it not given', async () => {
    const silent = await startSilentDnsServer();
    try {
      const server = parseDnsServer(silent.server);
      if (!server.ok) throw new Error(server.message);
      const body = await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey);
      const deadlineMs = 1_500;
      const started = Date.now();
      const analysis = await analyseMessage({
        bytes: Buffer.from(
          delivered({
            ip: '192.0.2.10',
            tls: true,
            returnPath: 'bounce@shop.test',
            receiverSays: 'dkim=pass',
            body,
          }),
        ),
        resolver: createDnsResolver({ server: server.value }),
        clock: { now: () => new Date('2026-12-06T09:00:00Z') },
        toolVersion: 'test',
        deadlineMs,
      });
      // A guard against a hang, not a speed test: the 5 s lookup timeout alone would take longer.
      expect(Date.now() - started).toBeLessThan(deadlineMs + 2_500);
      expect(silent.queriesSeen()).toBeGreaterThan(0);
      expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual(['dns-failed']);
      expect(ids(analysis)).toEqual(
        expect.arrayContaining([
          'message.dkim.dns-failed',
          'message.spf.error',
          'message.dns.budget-exhausted',
        ]),
      );
    } finally {
      await silent.stop();
    }
  });

  describe('hostile messages', () => {
    it('reads 10,000 Received lines as a finding, judging none of its authentication', async () => {
      const hops = Array.from(
        { length: 10_000 },
        (_, i) =>
          `Received: from h${String(i)}.test by h${String(i + 1)}.test; Sun, 06 Dec 2026 08:00:00 +0000`,
      );
      const analysis = await analyse(`${hops.join('\r\n')}\r\n${original('orders@shop.test')}`);
      expect(ids(analysis)).toEqual(
        expect.arrayContaining(['message.header.too-many-fields', 'message.received.too-many']),
      );
      expect(analysis.authentication).toBeNull();
      expect(analysis.received.hops).toHaveLength(100);
    });

    it('judges a loop of 150 Received lines, showing the first 100 hops', async () => {
      const hops = Array.from(
        { length: 150 },
        (_, i) =>
          `Received: from h${String(i)}.test by h${String(i + 1)}.test; Sun, 06 Dec 2026 08:00:00 +0000`,
      );
      const analysis = await analyse(`${hops.join('\r\n')}\r\n${original('orders@shop.test')}`);
      expect(ids(analysis)).toContain('message.received.too-many');
      expect(ids(analysis)).toContain('message.dkim.unsigned');
      expect(analysis.received).toEqual(expect.objectContaining({ total: 150 }));
    });

    it('refuses a 60 MB message without judging it', async () => {
      const huge = Buffer.alloc(60 * 1024 * 1024, 0x41);
      const analysis = await analyse(huge);
      expect(ids(analysis)).toEqual(['message.input.too-large']);
      expect(analysis.message).toBeNull();
    });

    it('does not hash a body with one 30 MB base64 line, and still judges the rest', async () => {
      const body = await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey);
      const huge = `${body}${Buffer.alloc(30 * 1024 * 1024, 'QUJD').toString('latin1')}\r\n`;
      const analysis = await analyse(
        delivered({
          ip: '192.0.2.10',
          tls: true,
          returnPath: 'bounce@shop.test',
          receiverSays: 'dkim=pass',
          body: huge,
        }),
      );
      expect(ids(analysis)).toContain('message.body.line-too-long');
      expect(analysis.authentication?.dkim.map((s) => s.outcome)).toEqual(['not-verified-no-body']);
      expect(analysis.authentication?.spf?.outcome).toBe('pass');
    });

    it('names header lines that are not fields, and says when there is no header at all', async () => {
      const analysis = await analyse(
        ['From: a@shop.test', 'this line is no field', ': no name', 'Subject: hi', '', 'body'].join('\r\n'),
      );
      const malformed = analysis.findings.find((f) => f.id === 'message.header.malformed-lines');
      expect(malformed?.evidence['lines']).toEqual([2, 3]);
      expect(ids(await analyse('\r\njust a body'))).toEqual(['message.input.not-a-message']);
    });

    it('stops at multipart nesting deeper than 20 levels', async () => {
      const depth = 60;
      let body = 'leaf\r\n';
      for (let level = depth; level > 0; level -= 1)
        body = `Content-Type: multipart/mixed; boundary="b${String(level)}"\r\n\r\n--b${String(level)}\r\n${body}--b${String(level)}--\r\n`;
      const analysis = await analyse(`From: a@shop.test\r\nSubject: nest\r\n${body}`);
      expect(ids(analysis)).toContain('message.mime.too-deep');
      const shallow = await analyse(
        `From: a@shop.test\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n`,
      );
      expect(ids(shallow)).not.toContain('message.mime.too-deep');
    });

    it('shows direction controls in From and Subject as codes, also inside encoded words', async () => {
      const encoded = `=?UTF-8?B?${Buffer.from('Bank \u202Emoc.knab\u202C').toString('base64')}?=`;
      const analysis = await analyse(
        `From: ${encoded} <x@evil.test>\r\nSubject: Pay \u2066now\u2069\r\n\r\nbody\r\n`,
      );
      const hidden = analysis.findings.find((f) => f.id === 'message.header.hidden-characters');
      expect(hidden?.evidence['fields']).toEqual(['From', 'Subject']);
      expect(analysis.message?.from).toBe('Bank ⟨U+202E⟩moc.knab⟨U+202C⟩ <x@evil.test>');
      expect(JSON.stringify(analysis)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    });

    it('makes at most 60 lookups for a message with 100 signatures, and says the rest were not made', async () => {
      const one = await signed(original('orders@shop.test'), 'shop.test', 's2026', shopKey);
      const signature = one.slice(0, one.indexOf('From: '));
      const many = Array.from({ length: 100 }, (_, i) =>
        signature.replace('s=s2026', `s=x${String(i)}`),
      ).join('');
      const analysis = await analyse(`${many}${original('orders@shop.test')}`);
      expect(analysis.authentication?.dkim).toHaveLength(100);
      const budget = analysis.findings.find((f) => f.id === 'message.dns.budget-exhausted');
      expect(budget?.evidence).toEqual(expect.objectContaining({ maxLookups: 60 }));
    });
  });
});
