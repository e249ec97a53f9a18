/** HTTPS fetches from a report's evidence: the same URL gets the recorded result, in recorded order. */
import type { ReportEvidence } from '../../../preload/contract/evidence';
import type { HttpsFetcher, HttpsFetchResult } from '../checks/mta-sts/https-fetcher-port';
import { fromEvidenceJson } from './evidence-json';
import { NOT_RECORDED_MESSAGE } from './not-recorded';
import type { VirtualTimeline } from './virtual-timeline';

export function replayFetcher(evidence: ReportEvidence, timeline: VirtualTimeline): HttpsFetcher {
  const asked = new Map<string, number>();
  return {
    fetchText(request) {
      const fetches = evidence.https.filter((fetch) => fetch.url === request.url);
      const index = asked.get(request.url) ?? 0;
      asked.set(request.url, index + 1);
      const recorded = fetches[Math.min(index, fetches.length - 1)];
      return recorded === undefined
        ? timeline.deliver<HttpsFetchResult>(null, {
            ok: false,
            code: 'CONNECT',
            message: NOT_RECORDED_MESSAGE,
          })
        : timeline.deliver(recorded, fromEvidenceJson<HttpsFetchResult>(recorded.result));
    },
  };
}
