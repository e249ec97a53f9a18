/**
 * Dovecot's own IMAP process exposed on a TCP port the way an inetd / rsh setup does it: every connection
 * runs `/usr/lib/dovecot/imap` already logged in, so it greets with `* PREAUTH` (RFC 9051 section 7.1.4).
 * A node:net listener on a random 127.0.0.x hands each connection to a fresh process (as nobody, with its
 * own config and base_dir in a temp dir); stop() kills each by PID and removes the dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, killQuietly } from './loopback-daemon';

const IMAP_PATH = '/usr/lib/dovecot/imap';
const NOBODY = 65_534;

export interface PreauthImapServer {
  readonly address: string;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startPreauthImap(username: string): Promise<PreauthImapServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-preauth-'));
  await chmod(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) {
    await mkdir(join(dir, sub));
    await chown(join(dir, sub), NOBODY, NOBODY);
  }
  const config = [
    'protocols = imap',
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${join(dir, 'imap.log')}`,
    'ssl = no',
    'first_valid_uid = 1',
    `mail_location = maildir:${join(dir, 'mail')}/%u`,
    '',
  ];
  await writeFile(join(dir, 'imap.conf'), config.join('\n'), { mode: 0o644 });
  const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
  const port = await findFreePort(address);
  const children = new Set<ChildProcess>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const child = spawn(
      'setpriv',
      [
        '--reuid',
        String(NOBODY),
        '--regid',
        String(NOBODY),
        '--clear-groups',
        IMAP_PATH,
        '-c',
        join(dir, 'imap.conf'),
      ],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { USER: username, HOME: join(dir, 'mail', username), PATH: '/usr/bin:/bin' },
      },
    );
    children.add(child);
    child.stdout.pipe(socket);
    socket.pipe(child.stdin);
    child.stdin.on('error', () => undefined);
    socket.on('error', () => undefined);
    child.once('exit', () => {
      children.delete(child);
      socket.end();
    });
    socket.once('close', () => {
      sockets.delete(socket);
      killQuietly(child.pid ?? null, 'SIGTERM');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  return {
    address,
    port,
    async stop() {
      for (const child of children) killQuietly(child.pid ?? null, 'SIGKILL');
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
