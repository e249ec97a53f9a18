/**
 * Records the incoming server's IMAP/POP3 connections (each read, sent line and TLS upgrade with its
 * outcome, and the redacted transcript) and its IMAP logins (outcome only: the password is never kept).
 */
import type {
  EvidenceIncoming,
  EvidenceIncomingLogin,
  EvidenceLineConnection,
  EvidenceLineOperation,
} from '../../../preload/contract/evidence';
import type { IncomingAuditDeps } from '../audit/incoming-audit';
import type { LineChannel } from '../incoming/line-channel';
import { toEvidenceJson } from './evidence-json';
import type { RecordingClock } from './recording-clock';
import { createRequestLog } from './request-log';
import { tlsRequestOf } from './smtp-evidence-key';

export interface RecordedIncoming {
  readonly deps: IncomingAuditDeps;
  evidence(): EvidenceIncoming;
}

type LiveConnection = Omit<EvidenceLineConnection, 'transcript' | 'operations' | 'transcriptReads'> & {
  readonly operations: EvidenceLineOperation[];
  readonly transcriptReads: number[];
  readonly channel: LineChannel | null;
};

export function recordIncoming(inner: IncomingAuditDeps, clock: RecordingClock): RecordedIncoming {
  const connections = createRequestLog<LiveConnection>();
  const logins = createRequestLog<EvidenceIncomingLogin>();
  return {
    deps: {
      connector: {
        async open(target, options) {
          const answered = connections.reserve();
          const opened = await inner.connector.open(target, options);
          const arrived = await clock.arrived();
          const live: LiveConnection = {
            host: target.host,
            address: target.address,
            port: target.port,
            security: options.security,
            literals: options.literals,
            tls: tlsRequestOf(options.tls),
            ...arrived,
            open:
              opened.kind === 'open'
                ? { kind: 'open', tls: toEvidenceJson(opened.channel.tlsSession()) }
                : { kind: 'failure', failure: toEvidenceJson(opened.failure) },
            operations: [],
            transcriptReads: [],
            channel: opened.kind === 'open' ? opened.channel : null,
          };
          answered(live);
          return opened.kind === 'open'
            ? { kind: 'open', channel: recordingChannel(opened.channel, live, clock) }
            : opened;
        },
      },
      imapLogin: {
        async login(request) {
          const answered = logins.reserve();
          const outcome = await inner.imapLogin.login(request);
          answered({
            host: request.host,
            address: request.address,
            port: request.port,
            security: request.security,
            username: request.username,
            ...(await clock.arrived()),
            outcome: toEvidenceJson(outcome),
          });
          return outcome;
        },
      },
    },
    evidence: () => ({
      connections: connections.entries().map(({ channel, ...connection }) => ({
        ...connection,
        operations: [...connection.operations],
        transcriptReads: [...connection.transcriptReads],
        transcript: (channel?.transcript ?? []).map(toEvidenceJson),
      })),
      logins: [...logins.entries()],
    }),
  };
}

function recordingChannel(inner: LineChannel, live: LiveConnection, clock: RecordingClock): LineChannel {
  const { operations } = live;
  return {
    target: inner.target,
    get transcript() {
      const transcript = inner.transcript;
      live.transcriptReads.push(transcript.length);
      return transcript;
    },
    async readLine(timeoutMs) {
      const outcome = await inner.readLine(timeoutMs);
      operations.push({ op: 'read', ...(await clock.arrived()), outcome: toEvidenceJson(outcome) });
      return outcome;
    },
    send(line, options) {
      // Sending waits for nothing from the network, so it takes no turn of the recording clock.
      const outcome = inner.send(line, options);
      operations.push({ op: 'send', line: options?.redactAs ?? line, outcome: toEvidenceJson(outcome) });
      return outcome;
    },
    async upgradeToTls(options) {
      const outcome = await inner.upgradeToTls(options);
      const tls = tlsRequestOf(options) ?? {
        servername: options.servername,
        minVersion: null,
        maxVersion: null,
      };
      operations.push({ op: 'upgrade', tls, ...(await clock.arrived()), outcome: toEvidenceJson(outcome) });
      return outcome;
    },
    async exchangeRawHello(hello, label) {
      const outcome = await inner.exchangeRawHello(hello, label);
      operations.push({
        op: 'raw-hello',
        label,
        ...(await clock.arrived()),
        outcome: toEvidenceJson(outcome),
      });
      return outcome;
    },
    tlsSession: () => inner.tlsSession(),
    close: () => {
      inner.close();
    },
  };
}
