/**
 * Records every login: the request's identity (never its secret), the adapter's already redacted result,
 * and a kept session's envelope trials.
 */
import type { EvidenceEnvelopeTrial, EvidenceLogin } from '../../../preload/contract/evidence';
import type { AuthenticatedSession, SmtpLoginPort } from '../smtp/smtp-login';
import { toEvidenceJson } from './evidence-json';
import type { RecordingClock } from './recording-clock';
import { createRequestLog } from './request-log';

export interface RecordedLogin {
  readonly login: SmtpLoginPort;
  logins(): readonly EvidenceLogin[];
}

interface LiveLogin {
  readonly record: Omit<EvidenceLogin, 'session'>;
  readonly session: {
    readonly inner: AuthenticatedSession;
    readonly trials: EvidenceEnvelopeTrial[];
    readonly transcriptReads: number[];
    closed: { readonly atMs: number; readonly seq: number } | null;
  } | null;
}

export function recordLogin(inner: SmtpLoginPort, clock: RecordingClock): RecordedLogin {
  const log = createRequestLog<LiveLogin>();
  return {
    login: {
      async login(request, options) {
        const answered = log.reserve();
        const attempt = await inner.login(request, options);
        const live: LiveLogin = {
          record: {
            host: request.target.host,
            address: request.target.address,
            port: request.target.port,
            security: request.security,
            username: request.username,
            mechanism: request.mechanism ?? null,
            withSecret: request.secret !== null,
            keepSession: options?.keepSession === true,
            ...(await clock.arrived()),
            result: toEvidenceJson(attempt.result),
          },
          session:
            attempt.session === null
              ? null
              : { inner: attempt.session, trials: [], transcriptReads: [], closed: null },
        };
        answered(live);
        return {
          result: attempt.result,
          session: live.session === null ? null : recordingSession(live.session, clock),
        };
      },
    },
    logins: () =>
      log.entries().map(({ record, session }) => ({
        ...record,
        session:
          session === null
            ? null
            : {
                trials: [...session.trials],
                transcript: session.inner.transcript().map(toEvidenceJson),
                transcriptReads: [...session.transcriptReads],
                closedAtMs: session.closed?.atMs ?? null,
                closedSeq: session.closed?.seq ?? null,
              },
      })),
  };
}

function recordingSession(
  live: NonNullable<LiveLogin['session']>,
  clock: RecordingClock,
): AuthenticatedSession {
  return {
    async tryEnvelope(from, to, timeoutMs) {
      const trial = await live.inner.tryEnvelope(from, to, timeoutMs);
      live.trials.push({ from, to, ...(await clock.arrived()), trial: toEvidenceJson(trial) });
      return trial;
    },
    transcript() {
      const transcript = live.inner.transcript();
      live.transcriptReads.push(transcript.length);
      return transcript;
    },
    async close() {
      await live.inner.close();
      live.closed ??= await clock.arrived();
    },
  };
}
