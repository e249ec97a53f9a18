/** Every port an audit needs, answering from a report's evidence on virtual time: no network at all. */
import type { ReportEvidence } from '../../../preload/contract/evidence';
import type { AuditDeps } from '../audit/audit-runner';
import { replayResolver, replayWire } from './replay-dns';
import { replayFetcher } from './replay-https';
import { replayIncoming } from './replay-incoming';
import { replayLogin } from './replay-login';
import { replayConnector } from './replay-smtp';
import { createVirtualTimeline } from './virtual-timeline';

/** Replaying deps and the evidence they answer from: an audit run on them is not recorded again. */
const REPLAYS = new WeakMap<AuditDeps, ReportEvidence>();

/** The evidence these deps replay, or undefined for real ports. */
export function replayedEvidence(deps: AuditDeps): ReportEvidence | undefined {
  return REPLAYS.get(deps);
}

export function replayDeps(evidence: ReportEvidence, toolVersion: string): AuditDeps {
  const timeline = createVirtualTimeline(evidence.startedAtMs);
  const deps: AuditDeps = {
    resolver: replayResolver(evidence, timeline),
    wire: replayWire(evidence, timeline),
    fetcher: replayFetcher(evidence, timeline),
    connector: replayConnector(evidence, timeline),
    login: replayLogin(evidence, timeline),
    clock: timeline.clock,
    toolVersion,
    incoming: replayIncoming(evidence, timeline),
  };
  REPLAYS.set(deps, evidence);
  return deps;
}
