/**
 * The incoming findings' fixes name the exact setting of the software the server named: real Dovecot for
 * Dovecot (clear-text login, legacy TLS, an untrusted certificate, a refused password), servers that greet
 * and answer as Courier and Exchange do, and the big providers by their own server names, resolved by a
 * real DNS server (Knot) to a server that refuses the password in the provider's style.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../main/adapters/dns-resolver';
import { probeIncomingDialogue } from '../../../main/core/incoming/incoming-dialogue-probe';
import type { Finding } from '../../../preload/contract/findings';
import { oneNameResolver, startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { REAL_SERVER_LINE_LIMITS, testIncomingContext } from '../../helpers/incoming-probe-context';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { runIncomingAudit } from '../../helpers/run-incoming-audit';
import {
  startScriptedIncomingServer,
  type IncomingScript,
  type ScriptedIncomingServer,
} from '../../helpers/scripted-incoming-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';

const HOST = 'mail.test';
const PASSWORD = 'right-password-4f0a';
const USERS = [{ username: 'alice', password: PASSWORD }];

let pki: TestPki;
let plaintext: DovecotServer;
let legacy: DovecotServer;
let selfSigned: DovecotServer;
const scripted: ScriptedIncomingServer[] = [];

beforeAll(async () => {
  pki = await getTestPki();
  const [leaf, ownLeaf] = await Promise.all([pki.leaf('good', HOST), pki.leaf('self-signed', HOST)]);
  [plaintext, legacy, selfSigned] = await Promise.all([
    startDovecot({ ...leaf, users: USERS, plaintextLogin: true }),
    startDovecot({ ...leaf, users: USERS, legacyTlsOnly: true }),
    startDovecot({ ...ownLeaf, users: USERS }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([
    plaintext.stop(),
    legacy.stop(),
    selfSigned.stop(),
    ...scripted.map((server) => server.stop()),
  ]);
});

async function scriptedServer(script: IncomingScript): Promise<ScriptedIncomingServer> {
  const server = await startScriptedIncomingServer(script);
  scripted.push(server);
  return server;
}

function only(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((finding) => finding.id === id);
  expect(found.map((finding) => finding.id)).toEqual([id]);
  return found[0] as Finding;
}

const steps = (finding: Finding): string => finding.fix.steps.join('\n');

describe.each(['imap', 'pop3'] as const)('%s on real Dovecot', (protocol) => {
  const ports = (server: DovecotServer) =>
    protocol === 'imap'
      ? { plain: server.ports.imap, implicitTls: server.ports.imaps }
      : { plain: server.ports.pop3, implicitTls: server.ports.pop3s };

  it('a password offered before TLS is fixed with Dovecot’s ssl = required and disable_plaintext_auth only', async () => {
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, plaintext.address), {
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, {
      port: ports(plaintext).plain,
      security: 'starttls',
    });
    const offered = only(result.findings, `${protocol}.login.cleartext-offered`);
    expect(offered.evidence['software']).toMatch(/^Dovecot/);
    expect(steps(offered)).toContain('"ssl = required"');
    expect(steps(offered)).toContain('"disable_plaintext_auth = yes"');
    expect(steps(offered)).toContain('"auth_allow_cleartext = no"');
    expect(steps(offered)).not.toMatch(/Courier|Exchange|Hosted mail/);
  });

  it('a refused password names doveadm auth test, not another server’s tool', async () => {
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, plaintext.address),
      protocol,
      host: HOST,
      port: ports(plaintext).implicitTls,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: 'a-wrong-password' },
      extraCaPem: pki.caPem,
      standardPorts: ports(plaintext),
    });
    const rejected = only(outcome.findings, `${protocol}.login.rejected`);
    expect(rejected.severity).toBe('medium');
    expect(rejected.evidence).toMatchObject({
      host: HOST,
      port: ports(plaintext).implicitTls,
      username: 'alice',
    });
    expect(rejected.evidence['reply']).toMatch(/fail/i);
    expect(steps(rejected)).toContain('doveadm auth test');
    expect(steps(rejected)).not.toMatch(/authtest|Get-CASMailbox/);
    // Whatever the account's preset, its provider's own steps travel with the finding.
    expect(rejected.fix.providerSteps?.['gmail']?.join(' ')).toContain('app password');
    expect(JSON.stringify(outcome)).not.toContain('a-wrong-password');
  });

  it('TLS 1.0 accepted is fixed with Dovecot’s ssl_min_protocol, not Postfix’s setting', async () => {
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, legacy.address),
      protocol,
      host: HOST,
      port: ports(legacy).implicitTls,
      security: 'implicit-tls',
      username: 'alice',
      secret: null,
      extraCaPem: pki.caPem,
    });
    const old = only(outcome.findings, 'tls.protocol.tls1_0-accepted');
    expect(old.evidence['software']).toMatch(/^Dovecot/);
    expect(steps(old)).toContain('"ssl_min_protocol = TLSv1.2"');
    expect(steps(old)).not.toMatch(/smtpd_tls|Exim|Courier|Schannel/);
  });

  it('a self-signed certificate is fixed with Dovecot’s ssl_cert and ssl_key', async () => {
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, selfSigned.address),
      protocol,
      host: HOST,
      port: ports(selfSigned).implicitTls,
      security: 'implicit-tls',
      username: 'alice',
      secret: null,
    });
    const untrusted = only(outcome.findings, 'tls.certificate.self-signed');
    expect(steps(untrusted)).toContain('"ssl_cert = </path/to/fullchain.pem"');
    expect(steps(untrusted)).not.toMatch(/smtpd_tls|Exim|TLS_CERTFILE|X509CertificateName/);
  });
});

/** Courier-IMAP's greeting and capabilities, and Courier's POP3, which names itself only in CAPA. */
const COURIER: Record<'imap' | 'pop3', Omit<IncomingScript, 'login' | 'inbox'>> = {
  imap: {
    protocol: 'imap',
    greeting:
      '[CAPABILITY IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE ACL ACL2=UNION] Courier-IMAP ready. Copyright 1998-2018 Double Precision, Inc.',
    capabilities: ['IMAP4rev1', 'UIDPLUS', 'CHILDREN', 'NAMESPACE', 'SORT', 'QUOTA', 'IDLE'],
  },
  pop3: {
    protocol: 'pop3',
    greeting: 'Hello there.',
    capabilities: [
      'TOP',
      'USER',
      'LOGIN-DELAY 10',
      'PIPELINING',
      'UIDL',
      'IMPLEMENTATION Courier Mail Server',
    ],
  },
};

/** Exchange Server's IMAP4 and POP3 services, clear text without STARTTLS. */
const EXCHANGE: Record<'imap' | 'pop3', Omit<IncomingScript, 'login' | 'inbox'>> = {
  imap: {
    protocol: 'imap',
    greeting: 'The Microsoft Exchange IMAP4 service is ready.',
    capabilities: [
      'IMAP4',
      'IMAP4rev1',
      'AUTH=NTLM',
      'AUTH=GSSAPI',
      'AUTH=PLAIN',
      'UIDPLUS',
      'IDLE',
      'NAMESPACE',
    ],
  },
  pop3: {
    protocol: 'pop3',
    greeting: 'The Microsoft Exchange POP3 service is ready.',
    capabilities: ['TOP', 'UIDL', 'SASL NTLM GSSAPI PLAIN', 'USER'],
  },
};

describe.each(['imap', 'pop3'] as const)('%s on a server that greets as Courier does', (protocol) => {
  it('no STARTTLS is fixed with Courier’s TLS_REQUIRED setting for this protocol only', async () => {
    const server = await scriptedServer({ ...COURIER[protocol], login: 'accept', inbox: { messages: 0 } });
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, '127.0.0.1'));
    const result = await probeIncomingDialogue(ctx, { port: server.port, security: 'starttls' });
    const missing = only(result.findings, `${protocol}.starttls.not-offered`);
    expect(missing.severity).toBe('high');
    expect(missing.evidence['software']).toMatch(/Courier/);
    const setting = protocol === 'imap' ? 'IMAP_TLS_REQUIRED=1' : 'POP3_TLS_REQUIRED=1';
    expect(steps(missing)).toContain(setting);
    expect(steps(missing)).not.toMatch(/dovecot|Exchange|Hosted mail/i);
    const cleartext = only(result.findings, `${protocol}.login.cleartext-offered`);
    expect(steps(cleartext)).toContain(setting);
  });
});

describe.each(['imap', 'pop3'] as const)('%s on a server that greets as Exchange does', (protocol) => {
  const cmdlet = protocol === 'imap' ? 'Set-ImapSettings' : 'Set-PopSettings';

  it('a password before TLS is fixed with the SecureLogin login type', async () => {
    const server = await scriptedServer({ ...EXCHANGE[protocol], login: 'accept', inbox: { messages: 0 } });
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, '127.0.0.1'));
    const result = await probeIncomingDialogue(ctx, { port: server.port, security: 'starttls' });
    const offered = only(result.findings, `${protocol}.login.cleartext-offered`);
    expect(steps(offered)).toContain(`${cmdlet} -LoginType SecureLogin`);
    expect(steps(offered)).not.toMatch(/dovecot|Courier/i);
  });

  it('a refused password says how to allow the protocol for the mailbox (Set-CASMailbox)', async () => {
    const leaf = await pki.leaf('good', HOST);
    const server = await scriptedServer({
      ...EXCHANGE[protocol],
      login: {
        refuse:
          protocol === 'imap' ? 'NO LOGIN failed.' : '-ERR Logon failure: unknown user name or bad password.',
      },
      inbox: { messages: 0 },
      tls: leaf,
    });
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, '127.0.0.1'),
      protocol,
      host: HOST,
      port: server.port,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: PASSWORD },
      extraCaPem: pki.caPem,
    });
    const rejected = only(outcome.findings, `${protocol}.login.rejected`);
    expect(rejected.evidence['software']).toMatch(/Microsoft Exchange/);
    const flag = protocol === 'imap' ? 'ImapEnabled' : 'PopEnabled';
    expect(steps(rejected)).toContain(`Set-CASMailbox <mailbox> -${flag} $true`);
    expect(steps(rejected)).not.toMatch(/doveadm|authtest/);
  });

  it('an untrusted certificate is fixed with Enable-ExchangeCertificate and X509CertificateName', async () => {
    const own = await pki.leaf('self-signed', HOST);
    const server = await scriptedServer({
      ...EXCHANGE[protocol],
      login: 'accept',
      inbox: { messages: 0 },
      tls: own,
    });
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, '127.0.0.1'),
      protocol,
      host: HOST,
      port: server.port,
      security: 'implicit-tls',
      username: 'alice',
      secret: null,
    });
    const untrusted = only(outcome.findings, 'tls.certificate.self-signed');
    expect(steps(untrusted)).toContain('Enable-ExchangeCertificate -Services IMAP,POP');
    expect(steps(untrusted)).toContain(`${cmdlet} -X509CertificateName`);
  });
});

/** Each provider's server name, a greeting and a refusal in its style, and what its fix must say. */
const PROVIDERS = [
  {
    provider: 'Gmail',
    host: 'imap.gmail.com',
    greeting: 'Gimap ready for requests',
    refusal: 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    says: ['2-Step Verification', 'app password', 'OAuth'],
  },
  {
    provider: 'Microsoft 365',
    host: 'outlook.office365.com',
    greeting: 'The Microsoft Exchange IMAP4 service is ready.',
    refusal: 'NO LOGIN failed.',
    says: [
      'switched off for each mailbox by default in new tenants',
      'Set-CASMailbox -Identity <mailbox> -ImapEnabled $true',
    ],
  },
  {
    provider: 'Yahoo',
    host: 'imap.mail.yahoo.com',
    greeting: 'IMAP4rev1 server ready',
    refusal: 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials',
    says: ['Generate app password'],
  },
  {
    provider: 'iCloud',
    host: 'imap.mail.me.com',
    greeting: 'IMAP4rev1 server ready',
    refusal: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
    says: ['App-Specific Passwords'],
  },
  {
    provider: 'Fastmail',
    host: 'imap.fastmail.com',
    greeting: 'IMAP4rev1 server ready',
    refusal: 'NO [AUTHENTICATIONFAILED] Authentication failed',
    says: ['App passwords'],
  },
] as const;

describe('the big providers, by their server names in DNS', () => {
  let knot: KnotServer;
  beforeAll(async () => {
    const zones: Record<string, string> = {};
    for (const { host } of PROVIDERS) {
      const zone = host.split('.').slice(-2).join('.');
      const label = host.slice(0, -zone.length - 1);
      zones[zone] = `${zones[zone] ?? ''}${label} A 127.0.0.1\n`;
    }
    knot = await startKnot(zones);
  }, 30_000);
  afterAll(async () => {
    await knot.stop();
  });

  it.each(PROVIDERS)('$provider: a refused IMAP password gets the provider’s own steps', async (provider) => {
    const leaf = await pki.leaf('good', provider.host);
    const server = await scriptedServer({
      protocol: 'imap',
      greeting: provider.greeting,
      capabilities: ['IMAP4rev1', 'UIDPLUS', 'IDLE'],
      login: { refuse: provider.refusal },
      inbox: { messages: 0 },
      tls: leaf,
    });
    const outcome = await runIncomingAudit({
      resolver: createDnsResolver({ server: { host: knot.address, port: knot.port } }),
      protocol: 'imap',
      host: provider.host,
      port: server.port,
      security: 'implicit-tls',
      username: 'someone',
      secret: { kind: 'password', password: PASSWORD },
      extraCaPem: pki.caPem,
    });
    const rejected = only(outcome.findings, 'imap.login.rejected');
    for (const words of provider.says) expect(steps(rejected)).toContain(words);
    expect(steps(rejected)).not.toMatch(/doveadm|authtest/);
  });
});
