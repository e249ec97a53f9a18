/**
 * The SmtpConnector port on node:net and node:tls, written by hand so every byte is capped and every
 * step has its own deadline (nodemailer has no byte caps, so it is not used for the dialogue).
 */
import type {
  OpenOutcome,
  SmtpConnector,
  SmtpLimits,
  SmtpTarget,
  SmtpTransportSecurity,
  TlsClientOptions,
} from '../../core/smtp/smtp-channel';
import { DEFAULT_SMTP_LIMITS } from '../../core/smtp/smtp-channel';
import { connectSocket } from './connect-socket';
import { SocketSmtpChannel } from './socket-smtp-channel';
import { describeSession, tlsHandshake } from './tls-handshake';
import { TranscriptRecorder } from './transcript-recorder';

export function createSmtpConnector(): SmtpConnector {
  return { open: openChannel };
}

async function openChannel(
  target: SmtpTarget,
  options: {
    readonly security: SmtpTransportSecurity;
    readonly tls?: TlsClientOptions;
    readonly limits?: Partial<SmtpLimits>;
    readonly signal?: AbortSignal;
  },
): Promise<OpenOutcome> {
  const limits: SmtpLimits = { ...DEFAULT_SMTP_LIMITS, ...options.limits };
  const recorder = new TranscriptRecorder(performance.now());
  const where = `${target.address}:${String(target.port)}`;
  recorder.event(`Connecting to ${target.host} (${where}).`);
  const connected = await connectSocket(target, limits.connectTimeoutMs, options.signal);
  if (connected.kind === 'failure') return connected;
  recorder.event(`Connected in ${String(connected.elapsedMs)} ms.`);
  let socket = connected.socket;
  let session = null;
  if (options.security === 'implicit-tls') {
    const tls = options.tls ?? { servername: target.host };
    const handshake = await tlsHandshake(socket, tls, limits.tlsHandshakeTimeoutMs, options.signal);
    if (handshake.kind === 'failure') return handshake;
    socket = handshake.socket;
    session = handshake.session;
    recorder.event(describeSession(session));
  }
  const channel = new SocketSmtpChannel({
    target,
    socket,
    session,
    limits,
    recorder,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { kind: 'open', channel };
}
