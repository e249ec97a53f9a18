/**
 * The LineConnector port on node:net and node:tls, for IMAP and POP3: the same connect and handshake code
 * as the SMTP connector, with a line reader that knows IMAP literals.
 */
import type { LineConnector, LineLimits, LineOpenOutcome } from '../../core/incoming/line-channel';
import { DEFAULT_LINE_LIMITS } from '../../core/incoming/line-channel';
import { connectSocket } from '../smtp/connect-socket';
import { describeSession, tlsHandshake } from '../smtp/tls-handshake';
import { TranscriptRecorder } from '../smtp/transcript-recorder';
import { SocketLineChannel } from './socket-line-channel';

export function createLineConnector(): LineConnector {
  return {
    async open(target, options): Promise<LineOpenOutcome> {
      const limits: LineLimits = { ...DEFAULT_LINE_LIMITS, ...options.limits };
      const recorder = new TranscriptRecorder(performance.now());
      recorder.event(`Connecting to ${target.host} (${target.address}:${String(target.port)}).`);
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
      const channel = new SocketLineChannel({
        target,
        socket,
        session,
        limits,
        literals: options.literals,
        recorder,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return { kind: 'open', channel };
    },
  };
}
