/**
 * DNS answers from a report's evidence: the same name and type get the recorded answer (the n-th
 * lookup the n-th answer, the last one repeating); anything else fails as "not recorded".
 */
import type {
  EvidenceDnsQuery,
  EvidenceDnsType,
  EvidenceWireQuery,
  ReportEvidence,
} from '../../../preload/contract/evidence';
import type { DnsWireClient, WireResult } from '../dns-wire-port';
import type { DnsResolver, DnsResult, MxRecord, SrvRecord } from '../ports';
import { fromEvidenceJson } from './evidence-json';
import { NOT_RECORDED_MESSAGE } from './not-recorded';
import type { VirtualTimeline } from './virtual-timeline';

const NOT_RECORDED = { ok: false, code: 'OTHER', message: NOT_RECORDED_MESSAGE } as const;

/** Answers keyed by name and type, handed out in recorded order. */
function answerBook<Q extends { readonly name: string; readonly type: string }>(queries: readonly Q[]) {
  const byKey = new Map<string, Q[]>();
  const asked = new Map<string, number>();
  for (const query of queries) {
    const key = `${query.name.toLowerCase()} ${query.type}`;
    // Appended in place: copying the list per answer made a replay quadratic in its evidence (issue 15).
    const answers = byKey.get(key);
    if (answers === undefined) byKey.set(key, [query]);
    else answers.push(query);
  }
  return (name: string, type: string): Q | null => {
    const key = `${name.toLowerCase()} ${type}`;
    const answers = byKey.get(key) ?? [];
    const index = asked.get(key) ?? 0;
    asked.set(key, index + 1);
    return answers[Math.min(index, answers.length - 1)] ?? null;
  };
}

export function replayResolver(evidence: ReportEvidence, timeline: VirtualTimeline): DnsResolver {
  const next = answerBook<EvidenceDnsQuery>(evidence.dns.queries);
  const lookup =
    <T>(type: EvidenceDnsType) =>
    (name: string): Promise<DnsResult<T>> => {
      const recorded = next(name, type);
      return recorded === null
        ? timeline.deliver<DnsResult<T>>(null, NOT_RECORDED)
        : timeline.deliver(recorded, fromEvidenceJson<DnsResult<T>>(recorded.result));
    };
  return {
    description: evidence.dns.description,
    resolveA: lookup<string>('A'),
    resolveAaaa: lookup<string>('AAAA'),
    resolveMx: lookup<MxRecord>('MX'),
    resolveSrv: lookup<SrvRecord>('SRV'),
    resolveTxt: lookup<string>('TXT'),
    resolveCname: lookup<string>('CNAME'),
    resolvePtr: lookup<string>('PTR'),
  };
}

export function replayWire(evidence: ReportEvidence, timeline: VirtualTimeline): DnsWireClient {
  const next = answerBook<EvidenceWireQuery>(evidence.wire.queries);
  return {
    description: evidence.wire.description,
    query(name, type) {
      const recorded = next(name, type);
      return recorded === null
        ? timeline.deliver<WireResult>(null, NOT_RECORDED)
        : timeline.deliver(recorded, fromEvidenceJson<WireResult>(recorded.result));
    },
  };
}
