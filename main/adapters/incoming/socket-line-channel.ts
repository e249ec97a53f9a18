/**
 * The LineChannel over a node:net or node:tls socket: capped lines with deadlines, and the STARTTLS / STLS
 * upgrade that discards what the server sent in the clear after agreeing (RFC 3501 section 6.2.1,
 * RFC 2595 section 4, the IMAP/POP3 side of CVE-2011-0411).
 *
 * One failure ends the connection and is kept: later calls get it back at once, so nothing hangs.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import {
  asChannelFailure,
  type LineChannel,
  type LineFailure,
  type LineFailureKind,
  type LineLimits,
  type LineOutcome,
  type LineTlsOutcome,
} from '../../core/incoming/line-channel';
import type {
  RawHelloOutcome,
  SmtpTarget,
  TlsClientOptions,
  TlsSessionFacts,
  TranscriptEntry,
} from '../../core/smtp/smtp-channel';
import { capText, plainText } from '../smtp/plain-text';
import { readFirstTlsRecord } from '../smtp/raw-tls-record';
import { describeSession, seconds, tlsHandshake } from '../smtp/tls-handshake';
import type { TranscriptRecorder } from '../smtp/transcript-recorder';
import { LineReader } from './line-reader';

const MAX_DISCARDED_CHARS = 1_024;
const LINE_BREAK = /[\r\n]/;
/** Lines read ahead of the caller before the socket is paused: a flood waits in the kernel, not here. */
const MAX_QUEUED_LINES = 64;

interface Waiter {
  readonly resolve: (outcome: LineOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

export interface SocketLineChannelOptions {
  readonly target: SmtpTarget;
  readonly socket: Socket | TLSSocket;
  readonly session: TlsSessionFacts | null;
  readonly limits: LineLimits;
  readonly literals: boolean;
  readonly recorder: TranscriptRecorder;
  readonly signal?: AbortSignal;
}

export class SocketLineChannel implements LineChannel {
  readonly target: SmtpTarget;
  private socket: Socket | TLSSocket;
  private session: TlsSessionFacts | null;
  private readonly limits: LineLimits;
  private readonly literals: boolean;
  private readonly recorder: TranscriptRecorder;
  private readonly signal: AbortSignal | undefined;
  private reader: LineReader;
  private queue: { text: string; bytes: number }[] = [];
  private waiter: Waiter | null = null;
  private dead: LineFailure | null = null;
  private greeted = false;
  private stepStartedAt = performance.now();

  private readonly onData = (chunk: Buffer): void => {
    for (const event of this.reader.push(chunk)) {
      if (event.kind === 'line') {
        this.recorder.server(event.text);
        this.queue.push({ text: event.text, bytes: event.bytes });
      } else {
        this.kill(event.failure.kind, event.failure.message, event.failure.partial);
      }
    }
    this.deliver();
  };

  private readonly onEnd = (): void => {
    this.kill('closed', 'The server closed the connection.', this.reader.partial());
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      this.kill('reset', 'The server reset the connection.', this.reader.partial());
    else
      this.kill('closed', `The connection failed (${error.code ?? 'unknown error'}).`, this.reader.partial());
  };

  private readonly onAbort = (): void => {
    this.kill('aborted', 'The check was cancelled.', this.reader.partial());
  };

  constructor(options: SocketLineChannelOptions) {
    this.target = options.target;
    this.socket = options.socket;
    this.session = options.session;
    this.limits = options.limits;
    this.literals = options.literals;
    this.recorder = options.recorder;
    this.signal = options.signal;
    this.reader = new LineReader(options.limits, options.literals);
    this.attach(this.socket);
    if (this.signal?.aborted === true) this.onAbort();
    else this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.recorder.entries;
  }

  tlsSession(): TlsSessionFacts | null {
    return this.session;
  }

  readLine(timeoutMs?: number): Promise<LineOutcome> {
    const isGreeting = !this.greeted;
    this.greeted = true;
    const queued = this.queue.shift();
    if (queued !== undefined) {
      if (this.queue.length < MAX_QUEUED_LINES && this.dead === null) this.socket.resume();
      return Promise.resolve({ kind: 'line', text: queued.text });
    }
    if (this.dead !== null) return Promise.resolve({ kind: 'failure', failure: this.dead });
    if (this.waiter !== null) throw new Error('One line is read at a time.');
    const timeout = timeoutMs ?? (isGreeting ? this.limits.greetingTimeoutMs : this.limits.replyTimeoutMs);
    this.stepStartedAt = performance.now();
    return new Promise<LineOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const what = isGreeting ? 'No greeting' : 'No complete line';
        this.kill('timeout', `${what} within ${seconds(timeout)}.`, this.reader.partial());
      }, timeout);
      this.waiter = { resolve, timer };
      this.socket.resume();
    });
  }

  send(line: string, options: { readonly redactAs?: string } = {}): LineFailure | null {
    if (LINE_BREAK.test(line)) throw new RangeError('A command is one line: it must not contain CR or LF.');
    if (this.dead !== null) return this.dead;
    this.greeted = true;
    this.recorder.client(options.redactAs ?? line);
    this.socket.write(`${line}\r\n`);
    return null;
  }

  async upgradeToTls(options: TlsClientOptions): Promise<LineTlsOutcome> {
    if (this.dead !== null) return { kind: 'failure', failure: this.dead };
    if (this.session !== null)
      return {
        kind: 'failure',
        failure: { kind: 'tls-handshake-failed', message: 'The connection already uses TLS.', elapsedMs: 0 },
      };
    const started = performance.now();
    const plain = this.socket;
    plain.pause();
    this.detach(plain);
    plain.on('error', () => undefined);
    const dropped = this.discardBuffered(plain);
    if (dropped !== null)
      this.recorder.event(
        `Discarded ${String(dropped.bytes)} bytes the server sent in the clear after agreeing to start TLS.`,
      );
    this.signal?.removeEventListener('abort', this.onAbort);
    const outcome = await tlsHandshake(plain, options, this.limits.tlsHandshakeTimeoutMs, this.signal);
    const elapsedMs = Math.round(performance.now() - started);
    const injected = (after: string): LineTlsOutcome => ({
      kind: 'failure',
      failure: {
        kind: 'plaintext-after-starttls',
        message: `The server sent ${String(dropped?.bytes ?? 0)} bytes in the clear after agreeing to start TLS; they were discarded. ${after}`,
        elapsedMs,
        partial: dropped?.text ?? '',
      },
    });
    if (outcome.kind === 'failure') {
      this.recorder.event(outcome.failure.message);
      this.dead = outcome.failure;
      return dropped === null
        ? outcome
        : injected(`The TLS handshake then failed: ${outcome.failure.message}`);
    }
    this.socket = outcome.socket;
    this.session = outcome.session;
    this.reader = new LineReader(this.limits, this.literals);
    this.attach(outcome.socket);
    if (this.signal?.aborted === true) this.onAbort();
    else this.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.recorder.event(describeSession(outcome.session));
    return dropped === null
      ? { kind: 'tls', session: outcome.session }
      : injected('TLS was then established.');
  }

  async exchangeRawHello(hello: Uint8Array, label: string): Promise<RawHelloOutcome> {
    if (this.dead !== null) return { kind: 'failure', failure: asChannelFailure(this.dead) };
    if (this.session !== null)
      return {
        kind: 'failure',
        failure: { kind: 'tls-handshake-failed', message: 'The connection already uses TLS.', elapsedMs: 0 },
      };
    const socket = this.socket;
    socket.pause();
    this.detach(socket);
    socket.on('error', () => undefined);
    // As for a real upgrade (RFC 3501 section 6.2.1, RFC 2595 section 4): clear text after the go-ahead is not TLS.
    const dropped = this.discardBuffered(socket);
    if (dropped !== null)
      this.recorder.event(`Discarded ${String(dropped.bytes)} bytes sent before the TLS hello.`);
    this.recorder.event(`${label}: sent a ClientHello of ${String(hello.length)} bytes.`);
    this.signal?.removeEventListener('abort', this.onAbort);
    const started = performance.now();
    const outcome = await readFirstTlsRecord(socket, hello, this.limits.tlsHandshakeTimeoutMs, this.signal);
    const elapsedMs = Math.round(performance.now() - started);
    this.dead =
      outcome.kind === 'failure'
        ? { ...outcome.failure, elapsedMs }
        : {
            kind: 'closed',
            message: 'Mailwarden closed the connection after the server hello.',
            elapsedMs: 0,
          };
    this.recorder.event(
      outcome.kind === 'record'
        ? `${label}: read a TLS record of ${String(Buffer.from(outcome.recordBase64, 'base64').length)} bytes.`
        : this.dead.message,
    );
    socket.destroy();
    return outcome.kind === 'failure'
      ? { kind: 'failure', failure: { ...outcome.failure, elapsedMs } }
      : outcome;
  }

  close(): void {
    if (this.dead === null)
      this.dead = { kind: 'closed', message: 'The connection was closed by Mailwarden.', elapsedMs: 0 };
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    this.deliver();
  }

  private attach(socket: Socket): void {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  private detach(socket: Socket): void {
    socket.removeListener('data', this.onData);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('close', this.onEnd);
    socket.removeListener('error', this.onError);
  }

  private discardBuffered(socket: Socket): { bytes: number; text: string } | null {
    const parts = this.queue.map((entry) => entry.text);
    let bytes = this.queue.reduce((sum, entry) => sum + entry.bytes, 0) + this.reader.pendingBytes();
    this.queue = [];
    const pending = this.reader.discard();
    if (pending !== undefined) parts.push(pending);
    for (;;) {
      const chunk = socket.read() as Buffer | null;
      if (chunk === null) break;
      bytes += chunk.length;
      parts.push(plainText(chunk.subarray(0, MAX_DISCARDED_CHARS)));
    }
    return bytes === 0 ? null : { bytes, text: capText(parts.join('\n'), MAX_DISCARDED_CHARS) };
  }

  private kill(kind: LineFailureKind, message: string, partial: string | undefined): void {
    if (this.dead !== null) return;
    const elapsedMs = Math.round(performance.now() - this.stepStartedAt);
    this.dead = partial === undefined ? { kind, message, elapsedMs } : { kind, message, elapsedMs, partial };
    this.recorder.event(message);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    this.deliver();
  }

  private deliver(): void {
    const waiter = this.waiter;
    if (waiter !== null) {
      const next = this.queue.shift();
      const outcome: LineOutcome | null =
        next !== undefined
          ? { kind: 'line', text: next.text }
          : this.dead !== null
            ? { kind: 'failure', failure: this.dead }
            : null;
      if (outcome !== null) {
        clearTimeout(waiter.timer);
        this.waiter = null;
        waiter.resolve(outcome);
      }
    }
    if (this.queue.length >= MAX_QUEUED_LINES && this.dead === null) this.socket.pause();
  }
}
