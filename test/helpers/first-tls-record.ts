/**
 * Reads the first TLS record a client sends on a raw `net` socket (RFC 5246 section 6.2.1: type(1)
 * version(2) length(2), then the fragment), for the hand-built test servers that answer a ClientHello
 * with bytes Node's OpenSSL will not send.
 */
import type { Socket } from 'node:net';

/** A ClientHello bigger than this is not one any test sends. */
const MAX_HELLO_BYTES = 16_384;
const RECORD_HEADER_BYTES = 5;

export interface FirstTlsRecord {
  /** The record's fragment: for a ClientHello, the handshake message. */
  readonly body: Buffer;
  /** Every byte read so far, the header included: what to `unshift` to hand the socket on unread. */
  readonly received: Buffer;
}

/**
 * Calls `then`, synchronously from the `data` event that completes the first record, with this reader's
 * listener already removed, so the caller decides what reads next (pause, unshift, end). A client that
 * sends more than a hello's worth without one whole record is dropped, and so is a connection idle for
 * `idleTimeoutMs` (the timeout stays on the socket): a stuck or hostile client never keeps a test server
 * open.
 */
export function readFirstTlsRecord(
  socket: Socket,
  idleTimeoutMs: number,
  then: (record: FirstTlsRecord) => void,
): void {
  let received = Buffer.alloc(0);
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  const onData = (chunk: Buffer): void => {
    received = Buffer.concat([received, chunk]);
    if (received.length > MAX_HELLO_BYTES) {
      socket.destroy();
      return;
    }
    if (received.length < RECORD_HEADER_BYTES) return;
    const recordLength = received.readUInt16BE(3);
    if (received.length < RECORD_HEADER_BYTES + recordLength) return;
    socket.removeListener('data', onData);
    then({ body: received.subarray(RECORD_HEADER_BYTES, RECORD_HEADER_BYTES + recordLength), received });
  };
  socket.on('data', onData);
}
