import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import {
  INJECTED_COMMAND,
  probeStarttlsInjection,
} from '../../../../main/core/probes/starttls-injection-probe';
import {
  startBufferingStarttlsServer,
  type BufferingStarttlsServer,
} from '../../../helpers/buffering-starttls-server';
import { startHostileServer } from '../../../helpers/hostile-smtp-servers';
import { startPostfix, type PostfixServer } from '../../../helpers/postfix-server';
import { testProbeContext } from '../../../helpers/probe-context';
import { getTestPki } from '../../../helpers/test-certificates';

// Addresses are literals, so the resolver is never asked; it points nowhere on purpose.
const resolver = createDnsResolver({ server: { host: '127.0.0.1', port: 9 }, timeoutMs: 500 });

let vulnerable: BufferingStarttlsServer;
let discarding: BufferingStarttlsServer;
let postfix: PostfixServer;
let strictPostfix: PostfixServer;

beforeAll(async () => {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', 'inject.test');
  [vulnerable, discarding, postfix, strictPostfix] = await Promise.all([
    startBufferingStarttlsServer({ keepsPlaintext: true, certPem: leaf.certPem, keyPem: leaf.keyPem }),
    startBufferingStarttlsServer({ keepsPlaintext: false, certPem: leaf.certPem, keyPem: leaf.keyPem }),
    startPostfix({ users: [], certPem: leaf.certPem, keyPem: leaf.keyPem, hostname: 'inject.test' }),
    startPostfix({
      users: [],
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      hostname: 'strict.test',
      mainOverrides: { smtpd_forbid_unauth_pipelining: 'yes' },
    }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([vulnerable.close(), discarding.close(), postfix.stop(), strictPostfix.stop()]);
});

describe('server-side STARTTLS command injection (CVE-2011-0411 class)', () => {
  it('is high when the server answers the NOOP sent before TLS inside the TLS session', async () => {
    const result = await probeStarttlsInjection(
      testProbeContext(vulnerable.address, resolver),
      vulnerable.port,
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['smtp.starttls.command-injection', 'high'],
    ]);
    expect(result.findings[0]?.evidence).toMatchObject({ code: 250, injected: INJECTED_COMMAND });
    // The scripted server really received both lines in plain text and answered the NOOP after TLS.
    expect(vulnerable.received).toEqual(
      expect.arrayContaining(['plain: STARTTLS', `tls: ${INJECTED_COMMAND}`, 'tls: QUIT']),
    );
    // One write: the transcript shows the pair sent together, then QUIT inside TLS.
    const sent = result.transcript.filter((entry) => entry.direction === 'client').map((e) => e.text);
    expect(sent).toEqual(['EHLO mailwarden.invalid', 'STARTTLS', INJECTED_COMMAND, 'QUIT']);
  });

  it('passes when the same server discards its plaintext buffer at the upgrade', async () => {
    const result = await probeStarttlsInjection(
      testProbeContext(discarding.address, resolver),
      discarding.port,
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['smtp.starttls.command-injection-safe', 'pass'],
    ]);
    expect(result.findings[0]?.evidence).toMatchObject({ code: 221 });
    expect(discarding.received).not.toContain(`tls: ${INJECTED_COMMAND}`);
  });

  it('passes on a real Postfix, which has discarded pre-TLS input since 2.8', async () => {
    const result = await probeStarttlsInjection(
      testProbeContext(postfix.address, resolver),
      postfix.ports.submission,
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['smtp.starttls.command-injection-safe', 'pass'],
    ]);
    expect(result.findings[0]?.evidence).toMatchObject({ code: 221 });
  });

  it('passes a Postfix with smtpd_forbid_unauth_pipelining = yes too: it also drops the NOOP at the upgrade', async () => {
    const result = await probeStarttlsInjection(
      testProbeContext(strictPostfix.address, resolver),
      strictPostfix.ports.smtp,
    );
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
      ['smtp.starttls.command-injection-safe', 'pass'],
    ]);
    expect(result.findings[0]?.evidence).toMatchObject({ code: 221 });
  });

  it('says nothing about a port without STARTTLS, and "untested" when the handshake never completes', async () => {
    const refusing = await startHostileServer('starttls-454');
    const stalling = await startHostileServer('starttls-stall');
    try {
      const none = await probeStarttlsInjection(testProbeContext(refusing.address, resolver), refusing.port);
      expect(none.findings).toEqual([]);
      const stalled = await probeStarttlsInjection(
        testProbeContext(stalling.address, resolver),
        stalling.port,
      );
      expect(stalled.findings.map((f) => [f.id, f.severity])).toEqual([
        ['smtp.starttls.command-injection-untested', 'info'],
      ]);
      expect(stalled.findings[0]?.evidence).toMatchObject({ step: 'TLS handshake' });
    } finally {
      await Promise.all([refusing.close(), stalling.close()]);
    }
  });
});
