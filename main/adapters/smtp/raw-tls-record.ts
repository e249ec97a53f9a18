/** The first TLS record a server sends back to a raw ClientHello (the TLS compression probe). */
import type { Socket } from 'node:net';
import {
  RAW_TLS_RECORD_MAX_BYTES,
  type ChannelFailureKind,
  type RawHelloOutcome,
} from '../../core/smtp/smtp-channel';
import { seconds } from './tls-handshake';

/** RFC 5246 section 6.2.1: type(1) version(2) length(2), then the fragment. */
const RECORD_HEADER_BYTES = 5;

/**
 * Writes a hand-built ClientHello on a socket whose listeners were taken off, and reads the first TLS record
 * back: capped at what TLS allows, under `timeoutMs` and `signal`. Shared by the SMTP and IMAP/POP3 channels.
 */
export function readFirstTlsRecord(
  socket: Socket,
  hello: Uint8Array,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<RawHelloOutcome> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const finish = (outcome: RawHelloOutcome): void => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('close', onEnd);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const fail = (kind: ChannelFailureKind, message: string): void => {
      finish({ kind: 'failure', failure: { kind, message, elapsedMs: 0 } });
    };
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]).subarray(0, RAW_TLS_RECORD_MAX_BYTES + 1);
      if (received.length < RECORD_HEADER_BYTES) return;
      const total = RECORD_HEADER_BYTES + received.readUInt16BE(3);
      if (total > RAW_TLS_RECORD_MAX_BYTES) {
        fail(
          'reply-too-large',
          `The server's first TLS record announces ${String(total)} bytes, more than TLS allows.`,
        );
        return;
      }
      if (received.length >= total)
        finish({ kind: 'record', recordBase64: received.subarray(0, total).toString('base64') });
    };
    const onEnd = (): void => {
      fail('closed', 'The server closed the connection before a whole TLS record arrived.');
    };
    const onAbort = (): void => {
      fail('aborted', 'The check was cancelled.');
    };
    const timer = setTimeout(() => {
      fail('timeout', `No TLS record from the server within ${seconds(timeoutMs)}.`);
    }, timeoutMs);
    if (signal?.aborted === true) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.write(hello);
    socket.resume();
  });
}
