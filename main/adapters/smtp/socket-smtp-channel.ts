/**
 * The SmtpChannel over a node:net or node:tls socket: replies read with caps and deadlines, STARTTLS upgrade.
 *
 * One connection, one reader. Every failure (deadline, cap, close, reset, cancel) ends the connection and
 * is kept: later calls get the same failure back, so a probe never hangs on a channel that is gone.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type {
  ChannelFailure,
  ChannelFailureKind,
  CommandOptions,
  RawHelloOutcome,
  ReplyOutcome,
  SmtpChannel,
  SmtpLimits,
  SmtpTarget,
  TlsClientOptions,
  TlsOutcome,
  TlsSessionFacts,
  TranscriptEntry,
} from '../../core/smtp/smtp-channel';
import { capText, plainText } from './plain-text';
import { readFirstTlsRecord } from './raw-tls-record';
import { ReplyReader, type ParsedReply } from './reply-reader';
import { describeSession, seconds, tlsHandshake } from './tls-handshake';
import type { TranscriptRecorder } from './transcript-recorder';

/** Text of the bytes discarded at a STARTTLS upgrade, kept as evidence up to this many characters. */
const MAX_DISCARDED_CHARS = 1_024;
const LINE_BREAK = /[\r\n]/;

interface Waiter {
  readonly resolve: (outcome: ReplyOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

export interface SocketSmtpChannelOptions {
  readonly target: SmtpTarget;
  readonly socket: Socket | TLSSocket;
  readonly session: TlsSessionFacts | null;
  readonly limits: SmtpLimits;
  readonly recorder: TranscriptRecorder;
  readonly signal?: AbortSignal;
}

export class SocketSmtpChannel implements SmtpChannel {
  readonly target: SmtpTarget;
  private socket: Socket | TLSSocket;
  private session: TlsSessionFacts | null;
  private readonly limits: SmtpLimits;
  private readonly recorder: TranscriptRecorder;
  private readonly signal: AbortSignal | undefined;
  private reader: ReplyReader;
  /** Replies that arrived before anyone asked; the socket is paused while one waits here. */
  private queue: ParsedReply[] = [];
  private waiter: Waiter | null = null;
  private dead: ChannelFailure | null = null;
  private greeted = false;
  private stepStartedAt = performance.now();
  private lastRead: Promise<unknown> = Promise.resolve();

  private readonly onData = (chunk: Buffer): void => {
    for (const event of this.reader.push(chunk)) {
      if (event.kind === 'reply') {
        for (const line of event.parsed.rawLines) this.recorder.server(line);
        this.queue.push(event.parsed);
      } else {
        const { kind, message, partial } = event.failure;
        this.kill(kind, message, partial);
      }
    }
    this.deliver();
  };

  private readonly onEnd = (): void => {
    const midReply = this.reader.pendingBytes() > 0;
    this.kill(
      'closed',
      midReply
        ? 'The server closed the connection in the middle of a reply.'
        : 'The server closed the connection.',
      this.reader.partial(),
    );
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      this.kill('reset', 'The server reset the connection.', this.reader.partial());
    } else {
      this.kill('closed', `The connection failed (${error.code ?? 'unknown error'}).`, this.reader.partial());
    }
  };

  private readonly onAbort = (): void => {
    this.kill('aborted', 'The check was cancelled.', this.reader.partial());
  };

  constructor(options: SocketSmtpChannelOptions) {
    this.target = options.target;
    this.socket = options.socket;
    this.session = options.session;
    this.limits = options.limits;
    this.recorder = options.recorder;
    this.signal = options.signal;
    this.reader = new ReplyReader(options.limits);
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

  /** Reads are served one after another, so two callers can never wait on the same reply. */
  readReply(timeoutMs?: number): Promise<ReplyOutcome> {
    const next = this.lastRead.then(() => this.readNow(timeoutMs));
    this.lastRead = next;
    return next;
  }

  private readNow(timeoutMs: number | undefined): Promise<ReplyOutcome> {
    const isGreeting = !this.greeted;
    this.greeted = true;
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve({ kind: 'reply', reply: queued.reply });
    if (this.dead !== null) return Promise.resolve({ kind: 'failure', failure: this.dead });
    const timeout = timeoutMs ?? (isGreeting ? this.limits.greetingTimeoutMs : this.limits.replyTimeoutMs);
    this.stepStartedAt = performance.now();
    return new Promise<ReplyOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const what = isGreeting ? 'No greeting' : 'No complete reply';
        this.kill('timeout', `${what} within ${seconds(timeout)}.`, this.reader.partial());
      }, timeout);
      this.waiter = { resolve, timer };
      this.socket.resume();
    });
  }

  /** Throws a RangeError for a line with CR or LF in it: that would be command injection by the caller. */
  command(line: string, options: CommandOptions = {}): Promise<ReplyOutcome> {
    const pipelined = options.pipelined ?? [];
    if ([line, ...pipelined].some((text) => LINE_BREAK.test(text)))
      throw new RangeError('An SMTP command is one line: it must not contain CR or LF.');
    if (this.dead !== null) return Promise.resolve({ kind: 'failure', failure: this.dead });
    this.greeted = true;
    // RFC 5321 section 4.2: replies answer commands. Anything unasked for is stale, except a 421, which
    // RFC 5321 section 3.8 lets a server send at any time before closing.
    const closing = this.queue.find((parsed) => parsed.reply.code === 421);
    if (closing !== undefined) {
      this.queue = [];
      return Promise.resolve({ kind: 'reply', reply: closing.reply });
    }
    if (this.queue.length > 0) {
      this.recorder.event(`Ignored ${String(this.queue.length)} reply(ies) the server sent unasked.`);
      this.queue = [];
    }
    this.recorder.client(options.redactAs ?? line);
    for (const extra of pipelined) this.recorder.client(extra);
    // One write, so the lines share a TCP segment as a pipelining client's would (RFC 2920 section 3.1).
    this.socket.write([line, ...pipelined].map((text) => `${text}\r\n`).join(''));
    return this.readReply(options.timeoutMs ?? this.limits.replyTimeoutMs);
  }

  /**
   * Performs the TLS handshake after a 220 to STARTTLS.
   *
   * RFC 3207 section 4.2 (and CVE-2011-0411): anything the server sent after its 220 and before the
   * handshake is discarded. When there was some, the result is a `plaintext-after-starttls` failure whose
   * `partial` holds what was dropped, even if the handshake then succeeded: in that case `tlsSession()`
   * has the facts and the channel goes on over TLS, so a probe can both report the injection and continue.
   */
  async upgradeToTls(options: TlsClientOptions): Promise<TlsOutcome> {
    if (this.dead !== null) return { kind: 'failure', failure: this.dead };
    if (this.session !== null) {
      return {
        kind: 'failure',
        failure: { kind: 'tls-handshake-failed', message: 'The connection already uses TLS.', elapsedMs: 0 },
      };
    }
    const started = performance.now();
    const plain = this.socket;
    plain.pause();
    this.detach(plain);
    // The wrapped socket can still report an error after the TLS socket takes its handle over.
    plain.on('error', () => undefined);
    const dropped = this.discardBuffered(plain);
    if (dropped !== null) {
      this.recorder.event(
        `Discarded ${String(dropped.bytes)} bytes the server sent after its STARTTLS reply, before TLS (RFC 3207 section 4.2).`,
      );
    }
    this.signal?.removeEventListener('abort', this.onAbort);
    const outcome = await tlsHandshake(plain, options, this.limits.tlsHandshakeTimeoutMs, this.signal);
    const elapsedMs = Math.round(performance.now() - started);
    if (outcome.kind === 'failure') {
      this.recorder.event(outcome.failure.message);
      this.dead = outcome.failure;
      if (dropped === null) return outcome;
      const message = `${injectionMessage(dropped.bytes)} The TLS handshake then failed: ${outcome.failure.message}`;
      return {
        kind: 'failure',
        failure: { kind: 'plaintext-after-starttls', message, elapsedMs, partial: dropped.text },
      };
    }
    this.socket = outcome.socket;
    this.session = outcome.session;
    this.reader = new ReplyReader(this.limits);
    this.attach(outcome.socket);
    if (this.signal?.aborted === true) this.onAbort();
    else this.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.recorder.event(describeSession(outcome.session));
    if (dropped === null) return { kind: 'tls', session: outcome.session };
    const message = `${injectionMessage(dropped.bytes)} TLS was then established.`;
    return {
      kind: 'failure',
      failure: { kind: 'plaintext-after-starttls', message, elapsedMs, partial: dropped.text },
    };
  }

  /**
   * Sends a caller-built ClientHello as raw bytes and reads the first TLS record back, capped and under
   * the handshake deadline; the connection then ends (nothing else can follow a half-done handshake).
   */
  async exchangeRawHello(hello: Uint8Array, label: string): Promise<RawHelloOutcome> {
    if (this.dead !== null) return { kind: 'failure', failure: this.dead };
    if (this.session !== null) {
      const failure: ChannelFailure = {
        kind: 'tls-handshake-failed',
        message: 'The connection already uses TLS.',
        elapsedMs: 0,
      };
      return { kind: 'failure', failure };
    }
    const socket = this.socket;
    socket.pause();
    this.detach(socket);
    socket.on('error', () => undefined);
    // RFC 3207 section 4.2, as for a real upgrade: what the server sent after its 220 is not TLS.
    const dropped = this.discardBuffered(socket);
    if (dropped !== null)
      this.recorder.event(`Discarded ${String(dropped.bytes)} bytes sent before the TLS hello.`);
    this.recorder.event(`${label}: sent a ClientHello of ${String(hello.length)} bytes.`);
    this.stepStartedAt = performance.now();
    const outcome = await readFirstTlsRecord(socket, hello, this.limits.tlsHandshakeTimeoutMs, this.signal);
    if (outcome.kind === 'record') {
      this.recorder.event(
        `${label}: read a TLS record of ${String(Buffer.from(outcome.recordBase64, 'base64').length)} bytes.`,
      );
    }
    const ended: ChannelFailure =
      outcome.kind === 'failure'
        ? { ...outcome.failure, elapsedMs: Math.round(performance.now() - this.stepStartedAt) }
        : {
            kind: 'closed',
            message: 'Mailwarden closed the connection after the server hello.',
            elapsedMs: 0,
          };
    if (outcome.kind === 'failure') this.recorder.event(ended.message);
    this.dead = ended;
    socket.destroy();
    return outcome.kind === 'failure' ? { kind: 'failure', failure: ended } : outcome;
  }

  close(): void {
    if (this.dead === null) {
      this.dead = { kind: 'closed', message: 'The connection was closed by Mailwarden.', elapsedMs: 0 };
    }
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

  /** Drops queued replies, a reply in progress and bytes the paused socket holds; null when there were none. */
  private discardBuffered(socket: Socket): { bytes: number; text: string } | null {
    const parts: string[] = this.queue.flatMap((parsed) => parsed.rawLines);
    let bytes = this.queue.reduce((sum, parsed) => sum + parsed.bytes, 0) + this.reader.pendingBytes();
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

  private kill(kind: ChannelFailureKind, message: string, partial: string | undefined): void {
    if (this.dead !== null) return;
    const elapsedMs = Math.round(performance.now() - this.stepStartedAt);
    this.dead = partial === undefined ? { kind, message, elapsedMs } : { kind, message, elapsedMs, partial };
    this.recorder.event(message);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    this.deliver();
  }

  /** Hands a queued reply, or the failure, to whoever waits; pauses the socket while replies wait unread. */
  private deliver(): void {
    const waiter = this.waiter;
    if (waiter !== null) {
      const next = this.queue.shift();
      const outcome: ReplyOutcome | null =
        next !== undefined
          ? { kind: 'reply', reply: next.reply }
          : this.dead !== null
            ? { kind: 'failure', failure: this.dead }
            : null;
      if (outcome !== null) {
        clearTimeout(waiter.timer);
        this.waiter = null;
        waiter.resolve(outcome);
      }
    }
    if (this.queue.length > 0 && this.dead === null) this.socket.pause();
  }
}

function injectionMessage(bytes: number): string {
  return `The server sent ${String(bytes)} bytes in plain text after agreeing to start TLS; they were discarded (RFC 3207 section 4.2).`;
}
