/**
 * Logins from a report's evidence: the same target, security, user and mechanism get the recorded,
 * already redacted result, in recorded order; a kept session replays its envelope trials. No secret is
 * needed or used. A login the report never saw fails as "not recorded in this report".
 */
import type { EvidenceLogin, ReportEvidence } from '../../../preload/contract/evidence';
import type { TranscriptEntry } from '../smtp/smtp-channel';
import type {
  AuthenticatedSession,
  EnvelopeTrial,
  LoginAttempt,
  LoginRequest,
  LoginResult,
  SmtpLoginPort,
} from '../smtp/smtp-login';
import { fromEvidenceJson } from './evidence-json';
import { NOT_RECORDED_MESSAGE } from './not-recorded';
import { loginKey } from './smtp-evidence-key';
import type { VirtualTimeline } from './virtual-timeline';

const NOT_RECORDED_RESULT: LoginResult = {
  outcome: 'failed',
  withheldReason: null,
  failure: { kind: 'closed', message: NOT_RECORDED_MESSAGE },
  reply: null,
  mechanism: null,
  mechanismsBeforeTls: null,
  mechanismsAfterTls: null,
  startTlsOffered: null,
  tls: null,
  elapsedMs: 0,
  transcript: [],
};

export function replayLogin(evidence: ReportEvidence, timeline: VirtualTimeline): SmtpLoginPort {
  const used = new Set<EvidenceLogin>();
  return {
    login(request: LoginRequest, options) {
      const key = loginKey({
        host: request.target.host,
        address: request.target.address,
        port: request.target.port,
        security: request.security,
        username: request.username,
        mechanism: request.mechanism ?? null,
        withSecret: request.secret !== null,
        keepSession: options?.keepSession === true,
      });
      const recorded = evidence.logins.find((login) => !used.has(login) && loginKey(login) === key);
      if (recorded === undefined) {
        return timeline.deliver<LoginAttempt>(null, {
          result: NOT_RECORDED_RESULT,
          session: null,
        });
      }
      used.add(recorded);
      const session =
        recorded.session === null || options?.keepSession !== true
          ? null
          : replaySession(recorded.session, timeline);
      return timeline.deliver<LoginAttempt>(recorded, {
        result: fromEvidenceJson<LoginResult>(recorded.result),
        session,
      });
    },
  };
}

function replaySession(
  recorded: NonNullable<EvidenceLogin['session']>,
  timeline: VirtualTimeline,
): AuthenticatedSession {
  let tried = 0;
  let closed = false;
  let reads = 0;
  return {
    tryEnvelope(from, to) {
      const trial = recorded.trials.slice(tried).find((each) => each.from === from && each.to === to);
      tried = trial === undefined ? recorded.trials.length : recorded.trials.indexOf(trial) + 1;
      return trial === undefined
        ? timeline.deliver<EnvelopeTrial>(null, {
            mailFrom: null,
            rcptTo: null,
            failure: { kind: 'closed', message: NOT_RECORDED_MESSAGE },
          })
        : timeline.deliver(trial, fromEvidenceJson<EnvelopeTrial>(trial.trial));
    },
    transcript() {
      const seen = recorded.transcriptReads[reads] ?? recorded.transcript.length;
      reads += 1;
      return fromEvidenceJson<readonly TranscriptEntry[]>(recorded.transcript.slice(0, seen));
    },
    async close() {
      // Closing twice is one close, as with the real session.
      if (closed) return;
      closed = true;
      await timeline.deliver(
        recorded.closedAtMs === null || recorded.closedSeq === null
          ? null
          : { atMs: recorded.closedAtMs, seq: recorded.closedSeq },
        undefined,
      );
    },
  };
}
