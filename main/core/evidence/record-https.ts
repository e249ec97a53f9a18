/** Records every HTTPS fetch (the MTA-STS policy): URL and result, the body capped as the fetcher caps it. */
import type { EvidenceHttpsFetch } from '../../../preload/contract/evidence';
import type { HttpsFetcher } from '../checks/mta-sts/https-fetcher-port';
import { toEvidenceJson } from './evidence-json';
import type { RecordingClock } from './recording-clock';
import { createRequestLog } from './request-log';

export interface RecordedFetcher {
  readonly fetcher: HttpsFetcher;
  fetches(): readonly EvidenceHttpsFetch[];
}

export function recordFetcher(inner: HttpsFetcher, clock: RecordingClock): RecordedFetcher {
  const log = createRequestLog<EvidenceHttpsFetch>();
  return {
    fetcher: {
      async fetchText(request) {
        const answered = log.reserve();
        const result = await inner.fetchText(request);
        answered({
          url: request.url,
          maxBytes: request.maxBytes,
          ...(await clock.arrived()),
          result: toEvidenceJson(result),
        });
        return result;
      },
    },
    fetches: () => log.entries(),
  };
}
