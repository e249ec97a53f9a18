import dgram from 'node:dgram';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import type { Finding } from '../../../../preload/contract/findings';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { parseDnsServer } from '../../../../main/adapters/parse-dns-server';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps, type AuditSubject } from '../../../../main/core/audit/audit-runner';
import { reevaluateReport } from '../../../../main/core/evidence/reevaluate';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startPolicyHttpsServer, type PolicyHttpsServer } from '../../../helpers/policy-https-server';
import { makeTempDir } from '../../../helpers/temp-dir';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';
import { closedPort } from '../../../helpers/closed-port';

const CANARY = 'Canary-evidence-7c1d!';
const USER = 'ann@mail.test';
/** Long enough for the quick checks to finish, short enough that the stalled ones are cut off. */
const AUDIT_LIMIT_MS = 2_500;
const POLICY = 'version: STSv1\nmode: enforce\nmx: smtp.mail.test\nmax_age: 86400\n';

/** Findings in a fixed order, so two runs compare whatever order their checks finished in. */
const canonical = (findings: readonly Finding[]) => findings.map((finding) => JSON.stringify(finding)).sort();

type Patchable = { [name: string]: (this: unknown, ...args: unknown[]) => unknown };

/** Notes every TCP connect and UDP send this process makes while `work` runs (and still lets them happen). */
async function watchNetwork<T>(work: () => Promise<T>): Promise<{ value: T; uses: string[] }> {
  const uses: string[] = [];
  const patched = [
    [net.Socket.prototype as unknown as Patchable, 'connect'],
    [dgram.Socket.prototype as unknown as Patchable, 'send'],
  ] as const;
  const originals = patched.map(([proto, name]) => proto[name]);
  patched.forEach(([proto, name], index) => {
    const original = originals[index];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      uses.push(`${name} ${String(args[0] instanceof Object ? JSON.stringify(args[0]) : args[0])}`);
      return original?.apply(this, args);
    };
  });
  try {
    return { value: await work(), uses };
  } finally {
    patched.forEach(([proto, name], index) => {
      const original = originals[index];
      if (original !== undefined) proto[name] = original;
    });
  }
}

describe('reevaluateReport', () => {
  let pki: TestPki;
  let smtp: AuthSmtpServer;
  let knot: KnotServer;
  let policy: PolicyHttpsServer;
  let stopped = false;
  const stopAll = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([smtp.close(), knot.stop(), policy.stop()]);
  };

  beforeAll(async () => {
    pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.mail.test');
    const policyLeaf = await pki.leaf('good', 'mta-sts.mail.test');
    // authOptional: anyone may relay, and a logged-in user may send as anyone: findings to re-judge.
    smtp = await startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      extra: { authOptional: true },
    });
    policy = await startPolicyHttpsServer({
      'mta-sts.mail.test': {
        certPem: policyLeaf.certPem,
        keyPem: policyLeaf.keyPem,
        route: { kind: 'body', body: POLICY },
      },
    });
    knot = await startKnot({
      'mail.test': [
        'smtp IN A 127.0.0.1',
        'mta-sts IN A 127.0.0.1',
        '@ IN MX 10 smtp.mail.test.',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@mail.test"',
        '_mta-sts IN TXT "v=STSv1; id=20261127"',
        '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@mail.test"',
      ].join('\n'),
    });
  });
  afterAll(stopAll);

  it('re-judges a saved account audit with every server stopped and no network: the same findings, no secret kept', async () => {
    const parsed = parseDnsServer(knot.server);
    if (!parsed.ok) throw new Error(parsed.message);
    const resolver = createDnsResolver({ server: parsed.value });
    const deps: AuditDeps = {
      resolver,
      wire: createDnsWireClient({ server: parsed.value }),
      fetcher: createHttpsFetcher({ resolver, extraCaPem: pki.caPem, port: policy.port }),
      connector: createSmtpConnector(),
      login: createNodemailerLogin(),
      clock: { now: () => new Date() },
      toolVersion: 'test',
    };
    const subject: AuditSubject = {
      kind: 'account',
      label: 'Ann',
      email: USER,
      domain: 'mail.test',
      dkimSelectors: ['mail'],
      presetId: null,
      server: {
        host: 'smtp.mail.test',
        port: smtp.port,
        security: 'starttls',
        username: USER,
        secret: { kind: 'password', password: CANARY },
      },
    };
    const original = await runAudit(
      subject,
      {
        relayTest: true,
        extraCaPem: pki.caPem,
        ports: { smtp: await closedPort(), submissions: await closedPort(), submission: smtp.port },
      },
      deps,
      { runId: 'live', signal: new AbortController().signal },
    );
    const ids = original.findings.map((finding) => finding.id);
    // A real, varied audit: login, relay, spoofing, TLS and the domain's records were all judged live.
    expect(ids).toContain('auth.login.accepted');
    expect(ids).toContain('relay.open');
    expect(ids).toContain('spoofing.foreign-domain.accepted');
    expect(ids).toContain('smtp.reach.refused');
    expect(ids.some((id) => id.startsWith('tls.'))).toBe(true);
    expect(ids.some((id) => id.startsWith('mta-sts.'))).toBe(true);
    expect(ids.some((id) => id.startsWith('dmarc.'))).toBe(true);
    expect(policy.requests()).toContain('mta-sts.mail.test');

    const file = join(await makeTempDir(), 'report.json');
    await writeFile(file, JSON.stringify(original, null, 2));
    const text = await readFile(file, 'utf8');
    // The password is nowhere in the saved report, evidence included: not plain, not as an AUTH payload.
    for (const secret of [
      CANARY,
      Buffer.from(CANARY).toString('base64'),
      Buffer.from(`\u0000${USER}\u0000${CANARY}`).toString('base64'),
    ]) {
      expect(text).not.toContain(secret);
    }
    // The server's certificate travels as DER inside the evidence.
    const der = (await pki.leaf('good', 'smtp.mail.test')).certPem
      .replace(/-----[A-Z ]+-----/g, '')
      .replace(/\s+/g, '');
    expect(text).toContain(der);

    // The watcher does see a connection when one is made (so an empty list below means none was).
    const control = await watchNetwork(
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = net.connect(smtp.port, '127.0.0.1', () => {
            socket.destroy();
            resolve();
          });
          socket.once('error', reject);
        }),
    );
    expect(control.uses.length).toBeGreaterThan(0);

    await stopAll();
    const saved = JSON.parse(text) as AuditReport;
    const { value: again, uses } = await watchNetwork(() => reevaluateReport(saved, { toolVersion: 'test' }));

    expect(uses).toEqual([]);
    expect(canonical(again.findings)).toEqual(canonical(original.findings));
    expect(again.findings.map((finding) => finding.severity)).toEqual(
      original.findings.map((finding) => finding.severity),
    );
    expect(again.startedAt).toBe(original.startedAt);
    expect(again.target).toEqual(original.target);
    // The transcript is the one the audit wrote, line for line (what each check saw when it read it).
    expect(again.transcript.map((line) => JSON.stringify(line)).sort()).toEqual(
      original.transcript.map((line) => JSON.stringify(line)).sort(),
    );
    expect(JSON.stringify(again)).not.toContain(CANARY);
  });

  it('refuses a report without evidence, saying why', async () => {
    const report: AuditReport = assembleReport({
      tool: { name: 'Mailwarden', version: '0.0.1' },
      target: {
        kind: 'domain',
        label: 'mail.test',
        domain: 'mail.test',
        host: null,
        port: null,
        security: null,
      },
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      cancelled: false,
      findings: [],
      transcript: [],
      coverage: null,
    });
    await expect(reevaluateReport(report, { toolVersion: 'test' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('carries no evidence') as unknown,
    });
  });

  it('re-judges an audit whose checks ran out of time: the same findings, without waiting again', async () => {
    // A server that accepts and never greets, and a whole-audit limit that ends the waiting checks.
    const sockets: net.Socket[] = [];
    const stall = net.createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const stallPort = (stall.address() as net.AddressInfo).port;
    const unused = await closedPort();
    const resolver = createDnsResolver({ server: { host: '127.0.0.1', port: unused } });
    const deps: AuditDeps = {
      resolver,
      wire: createDnsWireClient({ server: { host: '127.0.0.1', port: unused } }),
      fetcher: createHttpsFetcher({ resolver }),
      connector: createSmtpConnector(),
      login: createNodemailerLogin(),
      clock: { now: () => new Date() },
      toolVersion: 'test',
    };
    const subject: AuditSubject = {
      kind: 'server',
      server: { host: '127.0.0.1', port: stallPort, security: 'starttls', username: USER, secret: null },
    };
    let original: AuditReport;
    try {
      original = await runAudit(
        subject,
        {
          relayTest: false,
          overallDeadlineMs: AUDIT_LIMIT_MS,
          ports: { smtp: unused, submissions: unused, submission: stallPort },
        },
        deps,
        { runId: 'live', signal: new AbortController().signal },
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        stall.close(() => {
          resolve();
        }),
      );
    }
    const stopped = original.findings.filter((finding) => finding.id === 'audit.check.cancelled');
    expect(stopped.length).toBeGreaterThan(0);

    const saved = JSON.parse(JSON.stringify(original)) as AuditReport;
    const started = Date.now();
    const { value: again, uses } = await watchNetwork(() => reevaluateReport(saved, { toolVersion: 'test' }));
    expect(uses).toEqual([]);
    expect(canonical(again.findings)).toEqual(canonical(original.findings));
    // The evidence says those checks ran out of time; the re-evaluation does not sit through it again.
    expect(Date.now() - started).toBeLessThan(AUDIT_LIMIT_MS);
  });
});
