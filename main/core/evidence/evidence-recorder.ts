/**
 * Wraps an audit's ports with recorders, so the report can carry everything it judged.
 *
 * The checks see the same ports, answering the same things; only the clock changes, to one that moves
 * when answers arrive (see recording-clock.ts), which is what makes a re-evaluation exact.
 */
import {
  EVIDENCE_VERSION,
  type CheckEndings,
  type EvidenceAuditRecipe,
  type ReportEvidence,
} from '../../../preload/contract/evidence';
import type { AuditDeps } from '../audit/audit-runner';
import { recordResolver, recordWire } from './record-dns';
import { recordFetcher } from './record-https';
import { recordIncoming } from './record-incoming';
import { recordLogin } from './record-login';
import { recordConnector } from './record-smtp';
import { createRecordingClock } from './recording-clock';
import { replayedEvidence } from './replay-deps';

export interface EvidenceRecording {
  /** The ports to run the audit with. */
  readonly deps: AuditDeps;
  /** When re-evaluating: how the recorded run's unfinished checks ended, to end them the same way. */
  readonly recordedEndings: CheckEndings | undefined;
  /** Everything recorded, with how the checks that did not finish ended. */
  evidence(endings: CheckEndings): ReportEvidence;
}

export function recordEvidence(deps: AuditDeps, audit: EvidenceAuditRecipe): EvidenceRecording {
  // A re-evaluation answers from evidence already: it keeps that evidence, and recording it again would
  // put a second gate between the answers and the virtual clock (see recording-clock.ts).
  const replayed = replayedEvidence(deps);
  if (replayed !== undefined)
    return { deps, recordedEndings: replayed.checkEndings, evidence: () => replayed };
  const clock = createRecordingClock(deps.clock);
  const dns = recordResolver(deps.resolver, clock);
  const wire = recordWire(deps.wire, clock);
  const https = recordFetcher(deps.fetcher, clock);
  const smtp = recordConnector(deps.connector, clock);
  const login = recordLogin(deps.login, clock);
  const incoming = deps.incoming === undefined ? undefined : recordIncoming(deps.incoming, clock);
  return {
    deps: {
      ...deps,
      resolver: dns.resolver,
      wire: wire.wire,
      fetcher: https.fetcher,
      connector: smtp.connector,
      login: login.login,
      clock: clock.clock,
      ...(incoming === undefined ? {} : { incoming: incoming.deps }),
    },
    recordedEndings: undefined,
    evidence: (endings) => ({
      version: EVIDENCE_VERSION,
      audit,
      startedAtMs: clock.startedAtMs,
      dns: { description: deps.resolver.description, queries: dns.queries() },
      wire: { description: deps.wire.description, queries: wire.queries() },
      https: https.fetches(),
      smtp: smtp.connections(),
      logins: login.logins(),
      ...(incoming === undefined || audit.subject.kind === 'domain' || audit.subject.incoming === undefined
        ? {}
        : { incoming: incoming.evidence() }),
      ...(Object.keys(endings).length === 0 ? {} : { checkEndings: endings }),
    }),
  };
}
