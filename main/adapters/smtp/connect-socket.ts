/**
 * A TCP connection with its own deadline, its failures told apart as data (refused, timed out, other).
 */
import { connect, type Socket } from 'node:net';
import type { ChannelFailure, SmtpTarget } from '../../core/smtp/smtp-channel';
import { seconds } from './tls-handshake';

export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly socket: Socket; readonly elapsedMs: number }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

export function connectSocket(
  target: SmtpTarget,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ConnectOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const where = `${target.address} port ${String(target.port)}`;
  return new Promise<ConnectOutcome>((resolve) => {
    if (signal?.aborted === true) {
      resolve(failed('aborted', 'The check was cancelled.', 0));
      return;
    }
    const socket = connect({ host: target.address, port: target.port });
    let settled = false;
    const finish = (outcome: ConnectOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (outcome.kind === 'failure') socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(
        failed(
          'connect-timeout',
          `Connecting to ${where} did not finish within ${seconds(timeoutMs)}.`,
          elapsed(),
        ),
      );
    }, timeoutMs);
    const onAbort = (): void => {
      finish(failed('aborted', 'The check was cancelled.', elapsed()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Stays attached: an error between here and the channel taking over must not become an uncaught one.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      switch (error.code) {
        case 'ECONNREFUSED':
          finish(failed('connect-refused', `${where} refused the connection.`, elapsed()));
          return;
        case 'ETIMEDOUT':
          finish(failed('connect-timeout', `Connecting to ${where} timed out.`, elapsed()));
          return;
        default:
          finish(
            failed(
              'connect-failed',
              `Connecting to ${where} failed (${error.code ?? 'unknown error'}).`,
              elapsed(),
            ),
          );
      }
    });
    socket.once('connect', () => {
      socket.setNoDelay(true);
      finish({ kind: 'connected', socket, elapsedMs: elapsed() });
    });
  });
}

function failed(kind: ChannelFailure['kind'], message: string, elapsedMs: number): ConnectOutcome {
  return { kind: 'failure', failure: { kind, message, elapsedMs } };
}
