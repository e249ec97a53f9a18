import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsWireClient } from '../../../main/adapters/dns-wire-client';
import { isTlsaRecord } from '../../../main/core/dns-wire-port';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { readTrustAnchors, startUnbound, type UnboundServer } from '../../helpers/unbound-server';

const DIGEST = 'ab'.repeat(32);
const ZONES: Record<string, string> = {
  'signed.test': `
mx A 93.184.215.14
_25._tcp.mx TLSA 3 1 1 ${DIGEST}
`,
  'unsigned.test': `
mx A 93.184.215.15
_25._tcp.mx TLSA 3 1 1 ${DIGEST}
`,
  'bogus.test': 'mx A 93.184.215.16',
};

let knot: KnotServer;
let unbound: UnboundServer;

beforeAll(async () => {
  knot = await startKnot(ZONES, { signedZones: ['signed.test', 'bogus.test'] });
  const [signedAnchor = ''] = await readTrustAnchors(knot, ['signed.test']);
  unbound = await startUnbound({
    knot,
    stubZones: Object.keys(ZONES),
    // bogus.test is signed with its own key but trusted with signed.test's: validation must fail.
    trustAnchors: [signedAnchor, signedAnchor.replace(/^signed\.test\./, 'bogus.test.')],
  });
});

afterAll(async () => {
  await unbound.stop();
  await knot.stop();
});

function viaUnbound(): ReturnType<typeof createDnsWireClient> {
  return createDnsWireClient({ server: { host: unbound.address, port: unbound.port }, timeoutMs: 3_000 });
}

describe('createDnsWireClient against a validating resolver (Unbound in front of Knot)', () => {
  it('reads AD=1 for a TLSA record in a DNSSEC-signed zone', async () => {
    const result = await viaUnbound().query('_25._tcp.mx.signed.test', 'TLSA');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answer.authenticatedData).toBe(true);
    expect(result.answer.answers.filter(isTlsaRecord).map((record) => record.dataHex)).toEqual([DIGEST]);
  });

  it('reads AD=0 for the same record in an unsigned zone', async () => {
    const result = await viaUnbound().query('_25._tcp.mx.unsigned.test', 'TLSA');
    expect(result.ok && result.answer.authenticatedData).toBe(false);
    expect(result.ok && result.answer.answers.filter(isTlsaRecord).length).toBe(1);
  });

  it('reads AD=1 on an authenticated denial (NXDOMAIN in the signed zone)', async () => {
    const result = await viaUnbound().query('_25._tcp.nothing.signed.test', 'TLSA');
    expect(result.ok && result.answer.rcode).toBe('NXDOMAIN');
    expect(result.ok && result.answer.authenticatedData).toBe(true);
  });

  it('reports SERVFAIL when the signatures do not validate (bogus)', async () => {
    const result = await viaUnbound().query('mx.bogus.test', 'A');
    expect(result.ok && result.answer.rcode).toBe('SERVFAIL');
  });

  it('never reads AD=1 from the authoritative server itself: only a validator sets it', async () => {
    const direct = createDnsWireClient({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
    const result = await direct.query('_25._tcp.mx.signed.test', 'TLSA');
    expect(result.ok && result.answer.answers.length).toBeGreaterThan(0);
    expect(result.ok && result.answer.authenticatedData).toBe(false);
  });
});
