import { createServer, type Server, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../preload/contract/findings';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { probeTls, type TlsProbeTarget } from '../../../../main/core/probes/tls-probe';
import type { ProbeProgressEvent, SmtpProbeContext } from '../../../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from '../../../../main/core/smtp/smtp-channel';
import { startHostileServer } from '../../../helpers/hostile-smtp-servers';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startLegacyServerHello } from '../../../helpers/legacy-server-hello';
import { startWeakDhServer } from '../../../helpers/weak-dh-server';
import { getTestPki, type LeafKind, type TestPki } from '../../../helpers/test-certificates';
import { emptySlotsOf } from '../../../helpers/wording-guard/finding-wording';
import { capsFor } from '../../../../main/core/score/score-caps';

const HOST = 'mail.probe.test';
const CLOSE_DEADLINE_MS = 5_000;
/** Short step deadlines: everything is on loopback, and a hang must show up as a failed test quickly. */
const LIMITS: SmtpLimits = {
  ...DEFAULT_SMTP_LIMITS,
  connectTimeoutMs: 2_000,
  greetingTimeoutMs: 2_000,
  replyTimeoutMs: 2_000,
  tlsHandshakeTimeoutMs: 1_000,
};
/** OpenSSL 3 loads SHA-1 / RSA-1024 certificates and speaks TLS 1.0 only at security level 0. */
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

let knot: KnotServer;
let pki: TestPki;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [knot, pki] = await Promise.all([
    startKnot({ 'probe.test': 'mail A 127.0.0.1\nnowhere TXT "no address here"' }),
    getTestPki(),
  ]);
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await knot.stop();
});

interface ServerSetup {
  readonly leaf?: LeafKind;
  readonly secure?: boolean;
  readonly options?: Partial<SMTPServerOptions>;
}

/** An smtp-server on 127.0.0.1 presenting the given test certificate; closed after all tests. */
async function startSmtp(setup: ServerSetup): Promise<number> {
  const leaf = await pki.leaf(setup.leaf ?? 'good', HOST);
  const legacy = setup.leaf === 'sha1' || setup.leaf === 'md5' || setup.leaf === 'rsa-1024';
  const server = new SMTPServer({
    secure: setup.secure ?? false,
    key: leaf.keyPem,
    cert: leaf.certPem,
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH'],
    // Its reverse lookup of 127.0.0.1 would go to the system's resolver, which is not part of this test.
    disableReverseLookup: true,
    ...(legacy ? { ciphers: LEGACY_CIPHERS } : {}),
    ...setup.options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  closers.push(() => closeWithin(server));
  const address = server.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('smtp-server has no address');
  return address.port;
}

function closeWithin(server: { close(callback: () => void): void }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

interface ProbeRun {
  readonly findings: readonly Finding[];
  readonly ids: readonly string[];
  readonly events: readonly ProbeProgressEvent[];
  readonly elapsedMs: number;
  readonly transcriptText: string;
  find(id: string): Finding;
}

async function probe(
  port: number,
  security: TlsProbeTarget['security'],
  options: {
    readonly trustCa?: boolean;
    readonly host?: string;
    readonly limits?: SmtpLimits;
    readonly signal?: AbortSignal;
    /** Cipher-suite enumeration (tls-suite-probe.test.ts covers it); off here unless a test asks. */
    readonly suites?: boolean;
  } = {},
): Promise<ProbeRun> {
  const events: ProbeProgressEvent[] = [];
  const ctx: SmtpProbeContext = {
    host: options.host ?? HOST,
    resolver: createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 2_000 }),
    connector: createSmtpConnector(),
    limits: options.limits ?? LIMITS,
    signal: options.signal ?? new AbortController().signal,
    clock: { now: () => new Date() },
    onProgress: (event) => events.push(event),
    ...(options.trustCa === false ? {} : { extraCaPem: pki.caPem }),
  };
  const started = performance.now();
  const result = await probeTls(ctx, {
    port,
    suites: options.suites ?? false,
    ...(security === undefined ? {} : { security }),
  });
  const elapsedMs = Math.round(performance.now() - started);
  const ids = result.findings.map((finding) => finding.id);
  return {
    findings: result.findings,
    ids,
    events,
    elapsedMs,
    transcriptText: result.transcript.map((entry) => entry.text).join('\n'),
    find(id) {
      const found = result.findings.find((finding) => finding.id === id);
      if (found === undefined) throw new Error(`No finding ${id}; got ${ids.join(', ')}`);
      return found;
    },
  };
}

/** The finding's title, explanation and fix steps with every evidence slot filled. */
const expectWhole = (finding: Finding): void => {
  expect(emptySlotsOf(finding)).toEqual([]);
};

/** The grade caps the run's findings put on an account that sends through `port`. */
const capsOn = (run: ProbeRun, port: number): Record<string, readonly string[]> =>
  Object.fromEntries(capsFor(run.findings, { accountPort: port }).map((cap) => [cap.rule, cap.findingIds]));

const severities = (run: ProbeRun): string[] =>
  run.findings.filter((finding) => finding.severity !== 'pass').map((finding) => finding.id);

describe('probeTls on STARTTLS', () => {
  it('passes a good certificate trusted through the extra CA, and reports the best handshake', async () => {
    const port = await startSmtp({ leaf: 'good' });
    const run = await probe(port, 'starttls');
    console.info(`TLS probe (STARTTLS, four versions in parallel) took ${String(run.elapsedMs)} ms`);

    expect(severities(run)).toEqual([]);
    expect(run.ids).toEqual(
      expect.arrayContaining([
        'tls.protocol.modern',
        'tls.protocol.old-rejected',
        'tls.cipher.strong',
        'tls.chain.trusted',
        'tls.name.matched',
        'tls.expiry.valid',
        'tls.key.strong',
        'tls.signature.strong',
      ]),
    );
    const modern = run.find('tls.protocol.modern');
    expect(modern.checkId).toBe(`tls:${HOST}:${String(port)}`);
    expect(modern.evidence['versions']).toEqual({
      TLSv1: 'rejected',
      'TLSv1.1': 'rejected',
      'TLSv1.2': 'accepted',
      'TLSv1.3': 'accepted',
    });
    expect(run.find('tls.cipher.strong').evidence['protocol']).toBe('TLSv1.3');
    expect(run.find('tls.name.matched').evidence['matchedName']).toBe(HOST);
    expect(run.find('tls.expiry.valid').evidence['daysLeft']).toBeGreaterThan(300);
    // The judged connection's dialogue is the transcript: STARTTLS, then the upgrade.
    expect(run.transcriptText).toMatch(/STARTTLS/);
    expect(run.transcriptText).toMatch(/TLS 1\.0 on its own connection: .*/);
    expect(run.events.map((event) => event.type)).toEqual(['check-started', 'check-finished']);
  });

  it('with suite enumeration, stops calling encryption strong when weaker suites are accepted too', async () => {
    const port = await startSmtp({ leaf: 'good' });
    const plain = await probe(port, 'starttls');
    // A dozen handshakes at once against a server in this very process: the built-in deadlines, not this
    // file's tight ones, so a loaded machine does not turn a slow handshake into a failed one. The cost in
    // time is measured by `npm run bench` (section 2a), not here.
    const full = await probe(port, 'starttls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    expect(plain.ids).toContain('tls.cipher.strong');
    // smtp-server (Node's defaults) still accepts static-RSA and CBC suites at TLS 1.2.
    expect(full.ids).toEqual(expect.arrayContaining(['tls.suites.static-rsa', 'tls.suites.cbc']));
    expect(full.ids).not.toContain('tls.cipher.strong');
    expect(full.ids).toEqual(expect.arrayContaining(['tls.protocol.modern', 'tls.chain.trusted']));
  });

  it('finds the same certificate untrusted without the CA, without blaming its name or dates', async () => {
    const port = await startSmtp({ leaf: 'good' });
    const run = await probe(port, 'starttls', { trustCa: false });
    expect(severities(run)).toEqual(['tls.chain.untrusted']);
    const untrusted = run.find('tls.chain.untrusted');
    expect(untrusted.severity).toBe('high');
    expect(untrusted.evidence['reasonCode']).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(untrusted.explanation).toMatch(/trusted certificate authority/);
    expect(untrusted.fix.steps.join(' ')).toMatch(/Settings → Extra trusted certificates/);
  });

  it('reports an expired certificate as expired, with how long ago', async () => {
    const port = await startSmtp({ leaf: 'expired' });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.expiry.expired']);
    expect(run.find('tls.expiry.expired').title).toMatch(/expired 3\d days ago/);
  });

  it('reports a certificate made out to another name', async () => {
    const port = await startSmtp({ leaf: 'wrong-name' });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.name.mismatch']);
    expect(run.find('tls.name.mismatch').explanation).toContain(`not-${HOST}`);
    expect(run.ids).toContain('tls.chain.trusted');
  });

  it('reports a self-signed certificate as self-signed', async () => {
    const port = await startSmtp({ leaf: 'self-signed' });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.certificate.self-signed']);
  });

  it('reports a 1024-bit RSA key', async () => {
    const port = await startSmtp({ leaf: 'rsa-1024' });
    const run = await probe(port, 'starttls');
    expect(run.ids).toContain('tls.key.weak');
    expect(run.find('tls.key.weak').title).toContain('RSA 1024-bit');
  });

  it('reports a SHA-1 signature', async () => {
    const port = await startSmtp({ leaf: 'sha1' });
    const run = await probe(port, 'starttls');
    expect(run.ids).toContain('tls.signature.sha1');
    expect(run.find('tls.signature.sha1').evidence['signatureAlgorithm']).toBe('sha1WithRSAEncryption');
  });

  it('reports a certificate that is not valid yet, and caps the grade as for an untrusted one', async () => {
    const port = await startSmtp({ leaf: 'not-yet-valid' });
    const run = await probe(port, 'starttls');
    // The date is the whole story: not also "untrusted" for the same verification error.
    expect(severities(run)).toEqual(['tls.expiry.not-yet-valid']);
    const early = run.find('tls.expiry.not-yet-valid');
    expect(early.severity).toBe('high');
    const validFrom = early.evidence['validFrom'];
    expect(Date.parse(typeof validFrom === 'string' ? validFrom : '')).toBeGreaterThan(Date.now());
    expectWhole(early);
    expect(capsOn(run, port)['untrusted-certificate']).toEqual(['tls.expiry.not-yet-valid']);
  });

  it('reports an MD5 signature (RFC 6151) on a certificate served at security level 0', async () => {
    const port = await startSmtp({ leaf: 'md5' });
    const run = await probe(port, 'starttls');
    const md5 = run.find('tls.signature.md5');
    expect(md5.severity).toBe('high');
    expect(md5.evidence['signatureAlgorithm']).toBe('md5WithRSAEncryption');
    expectWhole(md5);
    expect(run.ids).not.toContain('tls.signature.strong');
    expect(capsOn(run, port)['serious-problem']).toContain('tls.signature.md5');
  });

  it('reports a TLS 1.2 server that negotiates a static-RSA suite, which has no forward secrecy', async () => {
    const port = await startSmtp({
      options: { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' },
    });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.protocol.tls1_3-unsupported', 'tls.cipher.no-forward-secrecy']);
    const noPfs = run.find('tls.cipher.no-forward-secrecy');
    expect(noPfs.severity).toBe('medium');
    expect(noPfs.evidence).toMatchObject({ protocol: 'TLSv1.2', cipher: 'TLS_RSA_WITH_AES_128_GCM_SHA256' });
    expectWhole(noPfs);
    // AES-GCM is AEAD: the suite is faulted for its key exchange only, not also as CBC.
    expect(run.ids).not.toContain('tls.cipher.cbc');
  });

  it('warns about a certificate that expires in 10 days', async () => {
    const port = await startSmtp({ leaf: 'expiring-soon' });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.expiry.soon']);
    expect(run.find('tls.expiry.soon').evidence['daysLeft']).toBeGreaterThanOrEqual(9);
    expect(run.find('tls.expiry.soon').evidence['daysLeft']).toBeLessThanOrEqual(10);
  });

  it('finds TLS 1.0 and 1.1 accepted on a server that still allows them (RFC 8996)', async () => {
    const port = await startSmtp({ options: { minVersion: 'TLSv1', ciphers: LEGACY_CIPHERS } });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.protocol.tls1_0-accepted', 'tls.protocol.tls1_1-accepted']);
    expect(run.find('tls.protocol.tls1_0-accepted').references[0]?.label).toBe('RFC 8996 section 4');
  });

  it('flags a server stuck on TLS 1.0 and 1.1, judging its best (TLS 1.1) handshake', async () => {
    const port = await startSmtp({
      options: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: LEGACY_CIPHERS },
    });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual([
      'tls.protocol.no-modern',
      'tls.protocol.tls1_0-accepted',
      'tls.protocol.tls1_1-accepted',
      'tls.cipher.cbc',
    ]);
    expect(run.find('tls.protocol.no-modern').severity).toBe('high');
    expect(run.find('tls.cipher.cbc').evidence['protocol']).toBe('TLSv1.1');
  });

  it('tells a TLS 1.2-only server that TLS 1.3 is missing, and still judges its handshake', async () => {
    const port = await startSmtp({ options: { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' } });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual(['tls.protocol.tls1_3-unsupported']);
    expect(run.find('tls.protocol.modern').evidence['modernAccepted']).toBe('TLS 1.2');
    expect(run.find('tls.cipher.strong').evidence['protocol']).toBe('TLSv1.2');
  });

  it('accepts a TLS 1.3-only server', async () => {
    const port = await startSmtp({ options: { minVersion: 'TLSv1.3' } });
    const run = await probe(port, 'starttls');
    expect(severities(run)).toEqual([]);
    expect(run.find('tls.protocol.modern').evidence['versions']).toEqual({
      TLSv1: 'rejected',
      'TLSv1.1': 'rejected',
      'TLSv1.2': 'rejected',
      'TLSv1.3': 'accepted',
    });
  });

  it('reports a server that does not advertise STARTTLS, and nothing else', async () => {
    const port = await startSmtp({ options: { hideSTARTTLS: true } });
    const run = await probe(port, 'starttls');
    expect(run.ids).toEqual(['tls.starttls.not-offered']);
    expect(run.find('tls.starttls.not-offered').severity).toBe('high');
  });
});

describe('probeTls with suite enumeration, against servers no ordinary client can talk to', () => {
  it('judges an anonymous-only server on its anonymous handshake: weak cipher, no certificate', async () => {
    // RFC 9325 section 4.1 bans anonymous suites; OpenSSL 3 offers them only at security level 0.
    const port = await startSmtp({ options: { maxVersion: 'TLSv1.2', ciphers: 'aNULL:!eNULL:@SECLEVEL=0' } });
    const run = await probe(port, 'starttls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    // Not "every attempt failed": a mail server falling back to anonymous TLS gets exactly this session.
    expect(run.ids).not.toContain('tls.handshake.failed');
    const weak = run.find('tls.cipher.weak');
    expect(weak.severity).toBe('high');
    expect(weak.evidence['weakness']).toBe('no server authentication (anonymous key exchange)');
    expect(weak.evidence['cipher']).toEqual(expect.stringMatching(/anon/));
    const missing = run.find('tls.certificate.missing');
    expect(missing.severity).toBe('high');
    expect(run.ids).toContain('tls.suites.anonymous');
    expectWhole(weak);
    expectWhole(missing);
    const caps = capsOn(run, port);
    expect(caps['untrusted-certificate']).toEqual(['tls.certificate.missing']);
    expect(caps['old-tls']).toContain('tls.cipher.weak');
  });

  it('reports a server limited to the weak P-224 curve (RFC 8422 section 5.1.1)', async () => {
    const port = await startSmtp({
      options: { maxVersion: 'TLSv1.2', ecdhCurve: 'secp224r1', ciphers: 'ECDHE:@SECLEVEL=0' },
    });
    const run = await probe(port, 'starttls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    const curve = run.find('tls.curve.weak');
    expect(curve.severity).toBe('medium');
    expect(curve.evidence).toMatchObject({ curve: 'secp224r1', curveBits: 224 });
    expectWhole(curve);
    expect(run.ids).not.toContain('tls.suites.only-strong');
    expect(capsOn(run, port)['old-tls']).toContain('tls.curve.weak');
  });

  it('reports a Logjam-era server whose DHE group is too small for OpenSSL to accept (under 1024 bits)', async () => {
    // ECDHE works for everyone; only a client offering nothing but DHE gets the 512-bit group.
    const server = await startWeakDhServer(await pki.leaf('good', HOST));
    closers.push(() => server.stop());
    const run = await probe(server.port, 'implicit-tls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    expect(server.brokenGroupsSent()).toBeGreaterThan(0);
    const broken = run.find('tls.dh.broken');
    expect(broken.severity).toBe('high');
    expect(broken.evidence).toMatchObject({ dhBits: null, refusedBy: 'client' });
    expect(broken.title).toContain('too small for OpenSSL to accept (under 1024 bits)');
    expectWhole(broken);
    expect(run.ids).not.toContain('tls.dh.weak');
    expect(run.ids).not.toContain('tls.suites.only-strong');
    expect(capsOn(run, server.port)['old-tls']).toContain('tls.dh.broken');
  });

  it('does not call a 2048-bit DHE group broken or weak', async () => {
    // dhparam 'auto': OpenSSL picks the group by the key's strength, 2048 bits for this RSA-2048 key.
    const port = await startSmtp({
      secure: true,
      options: { maxVersion: 'TLSv1.2', ciphers: 'ECDHE+AESGCM:DHE+AESGCM', dhparam: 'auto' },
    });
    const run = await probe(port, 'implicit-tls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    expect(run.ids).not.toContain('tls.dh.broken');
    expect(run.ids).not.toContain('tls.dh.weak');
    expect(run.find('tls.suites.only-strong').evidence['dhBits']).toBe(2048);
  });

  it('finds no weak curve on a server that also has X25519, though the probe offers weak ones too', async () => {
    const port = await startSmtp({ options: { maxVersion: 'TLSv1.2', ciphers: 'ECDHE:@SECLEVEL=0' } });
    const run = await probe(port, 'starttls', { suites: true, limits: DEFAULT_SMTP_LIMITS });
    expect(run.ids).not.toContain('tls.curve.weak');
  });
});

describe('probeTls on implicit TLS', () => {
  it('probes a good implicit-TLS server in one handshake time', async () => {
    const port = await startSmtp({ leaf: 'good', secure: true });
    const run = await probe(port, 'implicit-tls');
    console.info(`TLS probe (implicit TLS, four versions in parallel) took ${String(run.elapsedMs)} ms`);
    expect(severities(run)).toEqual([]);
    expect(run.ids).toContain('tls.chain.trusted');
  });

  it('reports an ECDSA P-256 key as strong', async () => {
    const port = await startSmtp({ leaf: 'ecdsa-p256', secure: true });
    const run = await probe(port, 'implicit-tls');
    expect(severities(run)).toEqual([]);
    expect(run.find('tls.key.strong').title).toContain('ECDSA 256-bit');
  });
});

/** A raw server on loopback: `onConnection` scripts it byte for byte. Closed after all tests. */
async function startRaw(onConnection: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await closeWithin(server);
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

/** Reads the ClientHello and never answers. */
const stall = (socket: Socket): void => {
  socket.resume();
};

describe('probeTls when TLS cannot be reached', () => {
  it('ends a stalled handshake within its deadline with a finding', async () => {
    const port = await startRaw(stall);
    const run = await probe(port, 'implicit-tls');
    expect(run.ids).toEqual(['tls.handshake.timeout']);
    expect(run.find('tls.handshake.timeout').evidence['deadlineSeconds']).toBe(1);
    expect(run.elapsedMs).toBeLessThan(LIMITS.tlsHandshakeTimeoutMs + 2_000);
  });

  it('ends promptly with no verdict when cancelled during a long handshake', async () => {
    const port = await startRaw(stall);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 200);
    const run = await probe(port, 'implicit-tls', {
      limits: { ...LIMITS, tlsHandshakeTimeoutMs: 20_000 },
      signal: controller.signal,
    });
    expect(run.ids).toEqual([]);
    expect(run.elapsedMs).toBeLessThan(2_000);
    expect(run.events.map((event) => event.type)).toEqual(['check-started', 'check-finished']);
  });

  it('reports a handshake the server breaks off after agreeing to STARTTLS, for every version tried', async () => {
    const hostile = await startHostileServer('starttls-hangup');
    closers.push(() => hostile.close());
    const run = await probe(hostile.port, 'starttls');
    expect(run.ids).toEqual(['tls.handshake.failed']);
    const failed = run.find('tls.handshake.failed');
    expect(failed.severity).toBe('high');
    // Node's own words for the hang-up, quoted to the user.
    expect(failed.evidence['reason']).toMatch(/disconnected before secure TLS connection/);
    expect(failed.explanation).toContain(
      'Every attempt to start TLS failed (The TLS handshake failed: Client network socket disconnected',
    );
    const attempts = failed.evidence['attempts'];
    expect(Array.isArray(attempts) && attempts.length > 0).toBe(true);
    // Over in one round trip per version, not by waiting out the handshake deadline.
    expect(run.transcriptText).not.toMatch(/within \d+ s/);
  });

  it('reports STARTTLS refused with the server reply (RFC 3207: 454)', async () => {
    const port = await startRaw((socket) => {
      socket.write('220 mail.probe.test ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        const line = chunk.toString('latin1');
        if (line.startsWith('EHLO')) socket.write('250-mail.probe.test\r\n250 STARTTLS\r\n');
        else if (line.startsWith('STARTTLS')) socket.write('454 4.7.0 TLS not available\r\n');
        else if (line.startsWith('QUIT')) socket.end('221 2.0.0 Bye\r\n');
      });
    });
    const run = await probe(port, 'starttls');
    expect(run.ids).toEqual(['tls.starttls.refused']);
    expect(run.find('tls.starttls.refused').evidence).toMatchObject({
      replyCode: 454,
      enhancedCode: '4.7.0',
      replyText: '4.7.0 TLS not available',
    });
    expect(run.find('tls.starttls.refused').explanation).toContain('454 4.7.0 TLS not available');
  });

  it('reports a server whose ServerHello lacks RFC 5746 renegotiation_info, and only that', async () => {
    const legacy = await startLegacyServerHello({ compressionMethod: 0 });
    closers.push(() => legacy.stop());
    const run = await probe(legacy.port, 'implicit-tls');
    expect(run.ids).toEqual(['tls.renegotiation.insecure']);
    const finding = run.find('tls.renegotiation.insecure');
    expect(finding.severity).toBe('high');
    expect(finding.evidence['reason']).toMatch(/unsafe legacy renegotiation/i);
    expect(finding.explanation).toContain('RFC 5746');
    // The hello reached the server and was answered: the verdict comes from its ServerHello, not a timeout.
    expect(legacy.offeredCompression.length).toBeGreaterThanOrEqual(1);
  });

  it('reports a name without an address in the chosen DNS server', async () => {
    const run = await probe(25, 'starttls', { host: 'nowhere.probe.test' });
    expect(run.ids).toEqual(['tls.host.unresolved']);
    expect(run.find('tls.host.unresolved').evidence['resolver']).toContain(knot.address);
  });

  it('reports a refused connection as a probe that could not run', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    await closeWithin(server);
    const run = await probe(address.port, 'starttls');
    expect(run.ids).toEqual(['tls.connect.failed']);
    expect(run.find('tls.connect.failed').severity).toBe('medium');
  });
});
