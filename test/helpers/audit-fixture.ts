/**
 * A small real mail setup to audit end to end: a Knot zone for mail.test, an smtp-server with STARTTLS that
 * accepts one login (an open relay, so there is something to report), a private data folder and keychain
 * service. Used by the report tests, which need real reports rather than hand-made ones.
 */
import { startAuthSmtpServer, type AuthSmtpServer } from './auth-smtp-server';
import { auditPortMap } from './audit-port-map';
import { runCliIn, type CliResult } from './cli-harness';
import { startKnot, type KnotServer } from './knot-server';
import { getTestPki } from './test-certificates';
import { createTestServices, type TestServices } from './test-services';

export const FIXTURE_USER = 'ann@mail.test';

export interface AuditFixture {
  readonly smtp: AuthSmtpServer;
  readonly knot: KnotServer;
  readonly env: TestServices;
  /** Runs `mailwarden` in-process against the fixture's data folder and keychain. */
  cli(argv: readonly string[], stdin?: string): Promise<CliResult>;
  /** `audit --host ... --password-stdin` arguments for the fixture's server, DNS, CA and ports. */
  readonly serverAuditArgs: readonly string[];
  /** The arguments that point an audit at the fixture's DNS, CA and ports (for a saved account). */
  readonly environmentArgs: readonly string[];
  close(): Promise<void>;
}

export async function startAuditFixture(password: string): Promise<AuditFixture> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', 'smtp.mail.test');
  const smtp = await startAuthSmtpServer({
    user: { username: FIXTURE_USER, password },
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    // A soundly configured server: AEAD suites with forward secrecy only (RFC 9325 section 4.2), not Node's
    // default list, which still carries static-RSA and CBC suites the audit rightly reports.
    extra: { authOptional: true, ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20' },
  });
  const knot = await startKnot({
    'mail.test': [
      'smtp IN A 127.0.0.1',
      '@ IN MX 10 smtp.mail.test.',
      '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
      '_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@mail.test"',
    ].join('\n'),
  });
  const env = await createTestServices();
  const portMap = await auditPortMap({ submission: smtp.port });
  const environmentArgs = ['--dns', knot.server, '--ca', pki.caPath, '--port-map', portMap];
  return {
    smtp,
    knot,
    env,
    cli: (argv, stdin) => runCliIn(env, argv, stdin),
    serverAuditArgs: [
      'audit',
      '--host',
      'smtp.mail.test',
      '--port',
      String(smtp.port),
      '--security',
      'starttls',
      '--user',
      FIXTURE_USER,
      '--password-stdin',
      ...environmentArgs,
    ],
    environmentArgs,
    async close() {
      await smtp.close();
      await knot.stop();
      await env.cleanup();
    },
  };
}
