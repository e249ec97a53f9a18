/**
 * What the DNS daemons the tests start (Knot, Unbound) need from the OS: a loopback port free for both
 * UDP and TCP, a watchdog that never lets one outlive the test process, a kill that tolerates a process
 * already gone, and a pause that never keeps the test process alive.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';

/**
 * `count` distinct free ports for one daemon. Each findFreePort probe releases its port before the next,
 * and the kernel may hand the same ephemeral port out again: Dovecot then refused its configuration with
 * "duplicate listener" in a full run.
 */
export async function findFreePorts(address: string, count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort(address));
  return [...ports];
}

/** A port free for both UDP and TCP on `address` (DNS servers serve both). */
export async function findFreePort(address: string): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, address, () => {
        const bound = probe.address();
        const found = typeof bound === 'object' && bound !== null ? bound.port : 0;
        probe.close(() => {
          resolve(found);
        });
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => {
        socket.close();
        resolve(false);
      });
      socket.bind(port, address, () => {
        socket.close(() => {
          resolve(true);
        });
      });
    });
    if (port !== 0 && udpFree) return port;
  }
}

export function killQuietly(pid: number | null, signal: NodeJS.Signals): void {
  if (pid === null) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}

/** A daemon in the foreground under a watchdog, as `startWatchedDaemon` returns it. */
export interface WatchedDaemon {
  /** The daemon's PID, or null when it never said (it exited or hung before). */
  readonly pid: number | null;
  /** The last of what it wrote to stderr, for error messages. */
  readonly log: () => string;
  readonly hasExited: () => boolean;
  /** SIGTERM, then SIGKILL after a grace period; removes its directory. */
  readonly stop: () => Promise<void>;
}

const MAX_LOG_CHARS = 16_384;
const STOP_DEADLINE_MS = 5_000;

/**
 * The watchdog around a daemon: prints the daemon's PID, then kills it and removes its directory ($1) when
 * stdin reaches EOF (our pipe closed because we stopped it or because the test process died), and exits
 * with the daemon's status. So no daemon outlives the test process, however that process ends.
 */
const WATCHDOG_SCRIPT = [
  'exec 3<&0',
  'dir="$1"',
  'shift',
  '"$0" "$@" </dev/null &',
  'k=$!',
  'echo "$k"',
  '(read _ <&3; kill -KILL "$k" 2>/dev/null; rm -rf "$dir") &',
  'w=$!',
  'wait "$k"',
  's=$?',
  'kill "$w" 2>/dev/null',
  'exit "$s"',
].join('\n');

/** Starts `binary args...` (in the foreground) under the watchdog; `dir` is its own state directory. */
export async function startWatchedDaemon(
  binary: string,
  args: readonly string[],
  dir: string,
  startDeadlineMs: number,
): Promise<WatchedDaemon> {
  const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, binary, dir, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    log = (log + chunk).slice(-MAX_LOG_CHARS);
  });
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    // 'close', not 'exit': by then all of the daemon's log has been read.
    child.once('close', () => {
      exited = true;
      resolve();
    });
  });
  child.stdout.setEncoding('utf8');
  const pid = await Promise.race([
    new Promise<number | null>((resolve) => {
      let text = '';
      child.stdout.on('data', (chunk: string) => {
        text += chunk;
        const match = /^(\d+)\n/.exec(text);
        if (match?.[1] !== undefined) resolve(Number(match[1]));
      });
    }),
    exitPromise.then(() => null),
    delay(startDeadlineMs).then(() => null),
  ]);
  const killOnExit = (): void => {
    killQuietly(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  return {
    pid,
    log: () => log,
    hasExited: () => exited,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (!exited) killQuietly(pid, 'SIGTERM');
      child.stdin.end();
      const stopped = await Promise.race([
        exitPromise.then(() => true),
        delay(STOP_DEADLINE_MS).then(() => false),
      ]);
      if (!stopped) {
        killQuietly(pid, 'SIGKILL');
        child.kill('SIGKILL');
        await Promise.race([exitPromise, delay(STOP_DEADLINE_MS)]);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
