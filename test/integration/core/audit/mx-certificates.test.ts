import { createHash, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps } from '../../../../main/core/audit/audit-runner';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startScenarioSmtpServer, type ScenarioSmtpServer } from '../../../helpers/scenario-smtp-server';
import { getTestPki } from '../../../helpers/test-certificates';
import { readTrustAnchors, startUnbound, type UnboundServer } from '../../../helpers/unbound-server';

/** SHA-256 of the SubjectPublicKeyInfo: the TLSA 3 1 1 a DANE operator publishes. */
function spkiDigest(pem: string): string {
  return createHash('sha256')
    .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

describe('DANE in a domain audit: the MX certificate is fetched and matched', () => {
  let knot: KnotServer;
  let unbound: UnboundServer;
  let mx: ScenarioSmtpServer;
  let deps: AuditDeps;
  let connections = 0;

  beforeAll(async () => {
    const pki = await getTestPki();
    const leaf = await pki.leaf('good', 'mx.dane.test');
    mx = await startScenarioSmtpServer({
      key: leaf.keyPem,
      cert: leaf.certPem,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
    });
    const zones = {
      'dane.test': [
        '@ MX 10 mx.dane.test.',
        '@ MX 20 mx2.dane.test.',
        'mx A 127.0.0.1',
        'mx2 A 127.0.0.1',
        `_25._tcp.mx TLSA 3 1 1 ${spkiDigest(leaf.certPem)}`,
      ].join('\n'),
    };
    knot = await startKnot(zones, { signedZones: ['dane.test'] });
    const [anchor = ''] = await readTrustAnchors(knot, ['dane.test']);
    unbound = await startUnbound({ knot, stubZones: ['dane.test'], trustAnchors: [anchor] });
    const server = { host: unbound.address, port: unbound.port };
    const resolver = createDnsResolver({ server });
    deps = {
      resolver,
      wire: createDnsWireClient({ server, timeoutMs: 3_000 }),
      fetcher: createHttpsFetcher({ resolver }),
      connector: createSmtpConnector(),
      login: createNodemailerLogin(),
      clock: { now: () => new Date() },
      toolVersion: 'test',
    };
  });
  afterAll(async () => {
    await mx.close();
    await unbound.stop();
    await knot.stop();
  });

  it('matches the TLSA record against what the MX presents, and contacts only MX hosts that publish TLSA', async () => {
    const report = await runAudit(
      { kind: 'domain', domain: 'dane.test', dkimSelectors: [] },
      { areas: ['dns'], relayTest: false, ports: { smtp: mx.port } },
      deps,
      { runId: 'dane', signal: new AbortController().signal },
    );
    const dane = report.findings.filter((finding) => finding.id.startsWith('dane.'));
    expect(dane.map((finding) => finding.id)).toContain('dane.tlsa.match');
    expect(dane.find((finding) => finding.id === 'dane.tlsa.match')?.severity).toBe('pass');
    // mx2 publishes no TLSA: no port-25 connection was made to it (one connection in all, to mx).
    expect(connections).toBe(1);
  });
});
