import { describe, expect, it } from 'vitest';
import { replayResolver, replayWire } from '../../../../main/core/evidence/replay-dns';
import { createVirtualTimeline } from '../../../../main/core/evidence/virtual-timeline';
import { evidenceFixture, FIXTURE_STARTED_AT_MS } from '../../../helpers/evidence-fixture';

const NOT_RECORDED = { ok: false, code: 'OTHER', message: 'not recorded in this report' };

describe('replayResolver', () => {
  const evidence = evidenceFixture({
    dns: {
      description: '127.0.0.9:5353',
      queries: [
        {
          name: 'example.test',
          type: 'MX',
          atMs: 12,
          seq: 1,
          result: { ok: true, records: [{ exchange: 'mx.example.test', priority: 10 }] },
        },
        {
          name: 'mx.example.test',
          type: 'A',
          atMs: 20,
          seq: 2,
          result: { ok: true, records: ['192.0.2.1'] },
        },
        {
          name: 'mx.example.test',
          type: 'A',
          atMs: 30,
          seq: 3,
          result: { ok: false, code: 'TIMEOUT', message: 'No answer' },
        },
      ],
    },
  });

  it('answers a recorded lookup with its recorded answer, at its recorded moment, and names the same resolver', async () => {
    const timeline = createVirtualTimeline(evidence.startedAtMs);
    const resolver = replayResolver(evidence, timeline);
    expect(resolver.description).toBe('127.0.0.9:5353');
    expect(await resolver.resolveMx('EXAMPLE.test')).toEqual({
      ok: true,
      records: [{ exchange: 'mx.example.test', priority: 10 }],
    });
    expect(timeline.clock.now().getTime()).toBe(FIXTURE_STARTED_AT_MS + 12);
    // The n-th lookup of a name gets the n-th answer; after that the last one repeats.
    expect(await resolver.resolveA('mx.example.test')).toEqual({ ok: true, records: ['192.0.2.1'] });
    expect((await resolver.resolveA('mx.example.test')).ok).toBe(false);
    expect((await resolver.resolveA('mx.example.test')).ok).toBe(false);
  });

  it('fails a lookup the report never made as "not recorded" instead of throwing or asking the network', async () => {
    const resolver = replayResolver(evidence, createVirtualTimeline(evidence.startedAtMs));
    expect(await resolver.resolveTxt('example.test')).toEqual(NOT_RECORDED);
    expect(await resolver.resolveA('other.test')).toEqual(NOT_RECORDED);
  });
});

describe('replayWire', () => {
  const answer = { rcode: 'NOERROR', authenticatedData: true, transport: 'udp', answers: [] };
  const evidence = evidenceFixture({
    wire: {
      description: '127.0.0.9:53',
      queries: [
        { name: '_25._tcp.mx.example.test', type: 'TLSA', atMs: 5, seq: 1, result: { ok: true, answer } },
      ],
    },
  });

  it('answers a recorded query with its header flags, and fails an unrecorded one as "not recorded"', async () => {
    const wire = replayWire(evidence, createVirtualTimeline(evidence.startedAtMs));
    expect(wire.description).toBe('127.0.0.9:53');
    expect(await wire.query('_25._tcp.mx.example.test', 'TLSA')).toEqual({ ok: true, answer });
    expect(await wire.query('_25._tcp.mx.example.test', 'A')).toEqual(NOT_RECORDED);
  });
});
