/**
 * One wire-level DNS exchange: a UDP try and, after a truncated answer, a TCP retry, under one deadline.
 *
 * Replies are hostile input: those that do not decode or do not answer our question are ignored (RFC 5452
 * section 9.1), and a TCP stream longer than one DNS message can be (RFC 1035 section 4.2.2) is refused.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, isIP, type Socket as TcpSocket } from 'node:net';
import { decode, type DecodedPacket } from 'dns-packet';
import type { DnsFailureCode } from '../core/ports';
import type { WireResult } from '../core/dns-wire-port';
import { formatDnsServer, type DnsServerAddress } from './parse-dns-server';

/** RFC 1035 section 4.2.2: a TCP message is prefixed by a two-octet length, so at most 65,535 octets. */
const MAX_TCP_MESSAGE_BYTES = 65_535;
const TCP_LENGTH_PREFIX_BYTES = 2;

/** What one step gave: the answer to our question, or a failure as data. */
export type Step =
  | { readonly kind: 'answer'; readonly packet: DecodedPacket }
  | { readonly kind: 'failed'; readonly result: WireResult };

/** One query's sockets and its single deadline. */
export class Exchange {
  private readonly deadlineAt: number;
  private udp: UdpSocket | null = null;
  private tcp: TcpSocket | null = null;

  constructor(
    private readonly server: DnsServerAddress,
    private readonly timeoutMs: number,
  ) {
    this.deadlineAt = Date.now() + timeoutMs;
  }

  overUdp(query: Buffer, accept: (packet: DecodedPacket) => boolean): Promise<Step> {
    return this.withDeadline((settle) => {
      const socket = createSocket(isIP(this.server.host) === 6 ? 'udp6' : 'udp4');
      this.udp = socket;
      socket.on('error', (error) => {
        settle(
          failed('UNREACHABLE', `${this.speaker()} could not be reached over UDP (${errorCode(error)}).`),
        );
      });
      socket.on('message', (message) => {
        const packet = safeDecode(message);
        // Anything that is not the answer to our question is ignored (RFC 5452 section 9.1).
        if (packet !== null && accept(packet)) settle({ kind: 'answer', packet });
      });
      socket.send(query, this.server.port, this.server.host);
    });
  }

  overTcp(query: Buffer, accept: (packet: DecodedPacket) => boolean): Promise<Step> {
    return this.withDeadline((settle) => {
      const socket = connect({ host: this.server.host, port: this.server.port });
      this.tcp = socket;
      let buffered = Buffer.alloc(0);
      socket.on('error', (error) => {
        settle(
          failed('UNREACHABLE', `${this.speaker()} could not be reached over TCP (${errorCode(error)}).`),
        );
      });
      socket.on('close', () => {
        settle(failed('OTHER', `${this.speaker()} closed the TCP connection before answering.`));
      });
      socket.on('connect', () => {
        const prefix = Buffer.alloc(TCP_LENGTH_PREFIX_BYTES);
        prefix.writeUInt16BE(query.length);
        socket.write(Buffer.concat([prefix, query]));
      });
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= TCP_LENGTH_PREFIX_BYTES) {
          const length = buffered.readUInt16BE(0);
          if (buffered.length > TCP_LENGTH_PREFIX_BYTES + MAX_TCP_MESSAGE_BYTES) {
            settle(failed('OTHER', `${this.speaker()} sent more over TCP than a DNS message can hold.`));
            return;
          }
          if (buffered.length < TCP_LENGTH_PREFIX_BYTES + length) return;
          const message = buffered.subarray(TCP_LENGTH_PREFIX_BYTES, TCP_LENGTH_PREFIX_BYTES + length);
          buffered = buffered.subarray(TCP_LENGTH_PREFIX_BYTES + length);
          const packet = safeDecode(message);
          if (packet !== null && accept(packet)) {
            settle({ kind: 'answer', packet });
            return;
          }
        }
      });
    });
  }

  close(): void {
    try {
      this.udp?.close();
    } catch {
      // Already closed after a socket error.
    }
    this.udp = null;
    this.tcp?.destroy();
    this.tcp = null;
  }

  private withDeadline(start: (settle: (step: Step) => void) => void): Promise<Step> {
    return new Promise<Step>((resolve) => {
      let done = false;
      const timer = setTimeout(
        () => {
          settle(
            failed('TIMEOUT', `${this.speaker()} did not answer within ${String(this.timeoutMs / 1_000)} s.`),
          );
        },
        Math.max(0, this.deadlineAt - Date.now()),
      );
      const settle = (step: Step): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(step);
      };
      try {
        start(settle);
      } catch (error) {
        settle(failed('OTHER', `${this.speaker()} could not be asked (${errorCode(error)}).`));
      }
    });
  }

  private speaker(): string {
    return `The DNS server ${formatDnsServer(this.server)}`;
  }
}

function safeDecode(message: Buffer): DecodedPacket | null {
  try {
    return decode(message);
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
}

function failed(code: DnsFailureCode, message: string): Step {
  return { kind: 'failed', result: fail(code, message) };
}

function fail(code: DnsFailureCode, message: string): WireResult {
  return { ok: false, code, message };
}
