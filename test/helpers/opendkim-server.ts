/**
 * A real OpenDKIM signing milter (Debian `opendkim`) for the mail loop, in a private temp dir with its own
 * configuration, key files and PID file, listening on a free 127.0.0.1 port, started under the watchdog of
 * loopback-daemon.ts and stopped by its PID. It signs, never verifies (Mode s): the judging is Mailwarden's.
 */
import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, findFreePort, startWatchedDaemon, type WatchedDaemon } from './loopback-daemon';
import { zoneTxt } from './zone-txt';

const OPENDKIM_PATH = '/usr/sbin/opendkim';
const START_DEADLINE_MS = 15_000;

/** One signing key: `d=` domain and `s=` selector, and the senders (From addresses) it signs for. */
export interface DkimSigningKey {
  readonly domain: string;
  readonly selector: string;
  readonly senders: readonly string[];
  readonly modulusLength?: number;
}

export interface OpenDkimServer {
  /** `inet:127.0.0.1:PORT`, the form Postfix's smtpd_milters takes. */
  readonly milter: string;
  /** The TXT records to publish, by zone: `selector._domainkey` name -> quoted record data. */
  readonly records: readonly {
    readonly zone: string;
    readonly name: string;
    readonly txt: string;
  }[];
  logs(): string;
  stop(): Promise<void>;
}

export async function startOpenDkim(keys: readonly DkimSigningKey[]): Promise<OpenDkimServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-opendkim-'));
  await chmod(dir, 0o755);
  const port = await findFreePort('127.0.0.1');
  const keyTable: string[] = [];
  const signingTable: string[] = [];
  const records: { zone: string; name: string; txt: string }[] = [];
  for (const [index, key] of keys.entries()) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: key.modulusLength ?? 2048,
    });
    const keyFile = join(dir, `key-${String(index)}.pem`);
    await writeFile(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const name = `key${String(index)}`;
    keyTable.push(`${name} ${key.domain}:${key.selector}:${keyFile}`);
    for (const sender of key.senders) signingTable.push(`${sender} ${name}`);
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    records.push({
      zone: key.domain,
      name: `${key.selector}._domainkey`,
      txt: zoneTxt(`v=DKIM1; k=rsa; p=${der}`),
    });
  }
  await writeFile(join(dir, 'key.table'), `${keyTable.join('\n')}\n`);
  await writeFile(join(dir, 'signing.table'), `${signingTable.join('\n')}\n`);
  await writeFile(join(dir, 'internal-hosts'), '127.0.0.0/8\n');
  // opendkim.conf(5). Relaxed header canonicalization, simple body: a footer added later breaks the body hash.
  const conf = [
    'Mode s',
    'Background no',
    'Syslog no',
    `Socket inet:${String(port)}@127.0.0.1`,
    `PidFile ${join(dir, 'opendkim.pid')}`,
    `KeyTable ${join(dir, 'key.table')}`,
    `SigningTable ${join(dir, 'signing.table')}`,
    // The submission client (Mailwarden) comes from loopback; a signer signs only for its own hosts.
    `InternalHosts ${join(dir, 'internal-hosts')}`,
    'Canonicalization relaxed/simple',
    // Keys are root's files in a temp dir; OpenDKIM would otherwise insist on its own ownership rules.
    'RequireSafeKeys no',
    'UMask 022',
    '',
  ].join('\n');
  await writeFile(join(dir, 'opendkim.conf'), conf);
  const daemon = await startWatchedDaemon(
    OPENDKIM_PATH,
    ['-f', '-x', join(dir, 'opendkim.conf')],
    dir,
    START_DEADLINE_MS,
  );
  try {
    await waitForListener(port, daemon);
  } catch (error) {
    await daemon.stop();
    throw new Error(`OpenDKIM did not start: ${String(error)}\n--- log ---\n${daemon.log()}`, {
      cause: error,
    });
  }
  return {
    milter: `inet:127.0.0.1:${String(port)}`,
    records,
    logs: daemon.log,
    stop: () => daemon.stop(),
  };
}

async function waitForListener(port: number, daemon: WatchedDaemon): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (daemon.hasExited()) throw new Error('opendkim exited');
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.setTimeout(1_000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        resolve(false);
      });
    });
    if (open) return;
    await delay(100);
  }
  throw new Error(`nothing listens on 127.0.0.1:${String(port)} within ${String(START_DEADLINE_MS)} ms`);
}
