import { describe, expect, it } from 'vitest';
import { clientHelloOfferingDeflate, readServerAnswer } from '../../../../main/core/tls/raw-hello';

const RANDOM = new Uint8Array(32).fill(7);

/** RFC 5246 section 7.4.1.3, by hand: version, random, session id, suite, compression, no extensions. */
function serverHello(sessionId: number[], suite: number, compression: number): Uint8Array {
  const body = [
    0x03,
    0x03,
    ...new Array<number>(32).fill(1),
    sessionId.length,
    ...sessionId,
    suite >> 8,
    suite & 0xff,
    compression,
  ];
  const handshake = [0x02, 0x00, 0x00, body.length, ...body];
  return Uint8Array.from([0x16, 0x03, 0x03, 0x00, handshake.length, ...handshake]);
}

describe('clientHelloOfferingDeflate', () => {
  const hello = clientHelloOfferingDeflate('mail.example.test', RANDOM);

  it('is one handshake record whose lengths add up', () => {
    expect([...hello.subarray(0, 3)]).toEqual([0x16, 0x03, 0x01]);
    expect(((hello[3] ?? 0) << 8) | (hello[4] ?? 0)).toBe(hello.length - 5);
    expect(hello[5]).toBe(0x01);
  });

  it('offers DEFLATE before null compression (RFC 3749), and names the server (RFC 6066)', () => {
    const suitesAt = 5 + 4 + 2 + 32 + 1;
    const suitesLength = ((hello[suitesAt] ?? 0) << 8) | (hello[suitesAt + 1] ?? 0);
    const compressionAt = suitesAt + 2 + suitesLength;
    expect([...hello.subarray(compressionAt, compressionAt + 3)]).toEqual([2, 1, 0]);
    expect(Buffer.from(hello).toString('latin1')).toContain('mail.example.test');
  });

  it('sends no SNI for an IP literal', () => {
    expect(Buffer.from(clientHelloOfferingDeflate('192.0.2.25', RANDOM)).toString('latin1')).not.toContain(
      '192.0.2.25',
    );
  });
});

describe('readServerAnswer', () => {
  it('reads the suite and compression method past a session id', () => {
    expect(readServerAnswer(serverHello(new Array<number>(32).fill(9), 0xc02f, 1))).toEqual({
      kind: 'server-hello',
      version: '3.3',
      cipherSuite: 0xc02f,
      compressionMethod: 1,
    });
    expect(readServerAnswer(serverHello([], 0x009c, 0))).toMatchObject({ compressionMethod: 0 });
  });

  it('reads an alert (RFC 5246 section 7.2)', () => {
    expect(readServerAnswer(Uint8Array.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]))).toEqual({
      kind: 'alert',
      level: 2,
      description: 70,
    });
  });

  it('calls a cut-off or foreign record unreadable rather than guessing', () => {
    expect(readServerAnswer(serverHello([], 0xc02f, 1).subarray(0, 40))).toEqual({ kind: 'unreadable' });
    expect(readServerAnswer(Buffer.from('220 mail.example.test ESMTP\r\n'))).toEqual({ kind: 'unreadable' });
  });
});
