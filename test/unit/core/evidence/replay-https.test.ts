import { describe, expect, it } from 'vitest';
import { replayFetcher } from '../../../../main/core/evidence/replay-https';
import { createVirtualTimeline } from '../../../../main/core/evidence/virtual-timeline';
import { evidenceFixture } from '../../../helpers/evidence-fixture';

const URL = 'https://mta-sts.example.test/.well-known/mta-sts.txt';

describe('replayFetcher', () => {
  const result = {
    ok: true,
    status: 200,
    contentType: 'text/plain',
    location: null,
    body: 'version: STSv1\nmode: testing\nmx: mx.example.test\nmax_age: 86400\n',
    address: '192.0.2.7',
  };
  const evidence = evidenceFixture({ https: [{ url: URL, maxBytes: 65_536, atMs: 80, seq: 1, result }] });

  it('answers the recorded URL with the recorded policy', async () => {
    const fetcher = replayFetcher(evidence, createVirtualTimeline(evidence.startedAtMs));
    expect(await fetcher.fetchText({ url: URL, maxBytes: 65_536, timeoutMs: 10_000 })).toEqual(result);
  });

  it('fails a URL the report never fetched as "not recorded"', async () => {
    const fetcher = replayFetcher(evidence, createVirtualTimeline(evidence.startedAtMs));
    expect(
      await fetcher.fetchText({
        url: 'https://mta-sts.other.test/.well-known/mta-sts.txt',
        maxBytes: 65_536,
        timeoutMs: 10_000,
      }),
    ).toEqual({ ok: false, code: 'CONNECT', message: 'not recorded in this report' });
  });
});
