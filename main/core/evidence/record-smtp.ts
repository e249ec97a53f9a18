/**
 * Records every SMTP connection the probes open: the open outcome, then each read, command, TLS upgrade
 * and raw ClientHello exchange
 * with its outcome (certificates included, as DER), and the channel's transcript.
 *
 * A command is stored as the transcript shows it: with `redactAs` when the caller gave one, so an AUTH
 * payload never reaches the evidence.
 */
import type { EvidenceSmtpConnection, EvidenceSmtpOperation } from '../../../preload/contract/evidence';
import { commandEvidenceLine, type SmtpChannel, type SmtpConnector } from '../smtp/smtp-channel';
import { toEvidenceJson } from './evidence-json';
import type { RecordingClock } from './recording-clock';
import { createRequestLog } from './request-log';
import { tlsRequestOf } from './smtp-evidence-key';

export interface RecordedConnector {
  readonly connector: SmtpConnector;
  connections(): readonly EvidenceSmtpConnection[];
}

type LiveConnection = Omit<EvidenceSmtpConnection, 'transcript' | 'operations' | 'transcriptReads'> & {
  readonly operations: EvidenceSmtpOperation[];
  readonly transcriptReads: number[];
  readonly channel: SmtpChannel | null;
};

export function recordConnector(inner: SmtpConnector, clock: RecordingClock): RecordedConnector {
  const log = createRequestLog<LiveConnection>();
  return {
    connector: {
      async open(target, options) {
        const answered = log.reserve();
        const opened = await inner.open(target, options);
        const arrived = await clock.arrived();
        const live: LiveConnection = {
          host: target.host,
          address: target.address,
          port: target.port,
          security: options.security,
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
    connections: () =>
      log.entries().map(({ channel, ...connection }) => ({
        ...connection,
        operations: [...connection.operations],
        transcriptReads: [...connection.transcriptReads],
        transcript: (channel?.transcript ?? []).map(toEvidenceJson),
      })),
  };
}

function recordingChannel(inner: SmtpChannel, live: LiveConnection, clock: RecordingClock): SmtpChannel {
  const { operations } = live;
  return {
    target: inner.target,
    get transcript() {
      const transcript = inner.transcript;
      live.transcriptReads.push(transcript.length);
      return transcript;
    },
    async readReply(timeoutMs) {
      const outcome = await inner.readReply(timeoutMs);
      operations.push({ op: 'read', ...(await clock.arrived()), outcome: toEvidenceJson(outcome) });
      return outcome;
    },
    async command(line, options) {
      const outcome = await inner.command(line, options);
      operations.push({
        op: 'command',
        line: commandEvidenceLine(line, options),
        ...(await clock.arrived()),
        outcome: toEvidenceJson(outcome),
      });
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
