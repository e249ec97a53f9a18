/** Records every DNS lookup (name, type, answer) and every wire-level query the checks make. */
import type {
  EvidenceDnsQuery,
  EvidenceDnsType,
  EvidenceWireQuery,
} from '../../../preload/contract/evidence';
import type { DnsWireClient } from '../dns-wire-port';
import type { DnsResolver, DnsResult } from '../ports';
import { toEvidenceJson } from './evidence-json';
import type { RecordingClock } from './recording-clock';
import { createRequestLog } from './request-log';

export interface RecordedResolver {
  readonly resolver: DnsResolver;
  queries(): readonly EvidenceDnsQuery[];
}

export function recordResolver(inner: DnsResolver, clock: RecordingClock): RecordedResolver {
  const log = createRequestLog<EvidenceDnsQuery>();
  const lookup =
    <T>(type: EvidenceDnsType, ask: (name: string) => Promise<DnsResult<T>>) =>
    async (name: string): Promise<DnsResult<T>> => {
      const answered = log.reserve();
      const result = await ask(name);
      answered({ name, type, ...(await clock.arrived()), result: toEvidenceJson(result) });
      return result;
    };
  return {
    resolver: {
      description: inner.description,
      resolveA: lookup('A', (name) => inner.resolveA(name)),
      resolveAaaa: lookup('AAAA', (name) => inner.resolveAaaa(name)),
      resolveMx: lookup('MX', (name) => inner.resolveMx(name)),
      resolveSrv: lookup('SRV', (name) => inner.resolveSrv(name)),
      resolveTxt: lookup('TXT', (name) => inner.resolveTxt(name)),
      resolveCname: lookup('CNAME', (name) => inner.resolveCname(name)),
      resolvePtr: lookup('PTR', (name) => inner.resolvePtr(name)),
    },
    queries: () => log.entries(),
  };
}

export interface RecordedWire {
  readonly wire: DnsWireClient;
  queries(): readonly EvidenceWireQuery[];
}

export function recordWire(inner: DnsWireClient, clock: RecordingClock): RecordedWire {
  const log = createRequestLog<EvidenceWireQuery>();
  return {
    wire: {
      description: inner.description,
      async query(name, type) {
        const answered = log.reserve();
        const result = await inner.query(name, type);
        answered({ name, type, ...(await clock.arrived()), result: toEvidenceJson(result) });
        return result;
      },
    },
    queries: () => log.entries(),
  };
}
