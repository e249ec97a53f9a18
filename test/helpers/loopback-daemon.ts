/**
 * What the DNS daemons the tests start (Knot, Unbound) need from the OS: a loopback port free for both
 * UDP and TCP, a kill that tolerates a process already gone, and a pause that never keeps the test
 * process alive.
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

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
