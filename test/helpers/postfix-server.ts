/**
 * A real Postfix (Debian `postfix`) with Dovecot SASL (`dovecot-core`) for tests, in a private temp dir.
 *
 * Each instance has its own Postfix config, queue and data directories (`postfix -c DIR start-fg`) and its
 * own Dovecot (`dovecot -F -c FILE`, base_dir and state_dir inside the temp dir, users in a passwd-file),
 * listens on a random 127.0.0.x address, and can never deliver anything: every transport is `discard:`,
 * DNS is off, nothing is local. A detached shell watchdog reads our stdin pipe and, when it closes (we
 * stopped, or the test process was killed outright), kills both masters by their PID files and removes the
 * directory, so a crashed run leaves nothing behind. Needs root (Postfix's master and Dovecot start as root
 * and drop to their `postfix` / `dovecot` users, which the Debian packages create).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { findFreePorts } from './loopback-daemon';

const POSTFIX_PATH = '/usr/sbin/postfix';
const DOVECOT_PATH = '/usr/sbin/dovecot';
const START_DEADLINE_MS = 20_000;
const STOP_DEADLINE_MS = 5_000;
const POLL_INTERVAL_MS = 100;
const GREETING_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 15_000;
const MAX_LOG_CHARS = 16_384;
/** Queue subdirectories where a message would wait (postconf(5) queue_directory). */
const QUEUE_DIRS = ['maildrop', 'incoming', 'active', 'deferred', 'hold', 'corrupt'] as const;

async function countQueued(dir: string): Promise<number> {
  let count = 0;
  for (const name of QUEUE_DIRS) count += await countFiles(join(dir, 'queue', name));
  return count;
}
/** Every transport a message could take; all of them must be discard. */
export const TRANSPORT_PARAMETERS = [
  'default_transport',
  'relay_transport',
  'local_transport',
  'virtual_transport',
] as const;

export interface PostfixUser {
  readonly username: string;
  readonly password: string;
}

export interface PostfixScenario {
  /** `mynetworks = 127.0.0.0/8`: relays for anyone on loopback, i.e. the probe (what it must catch). */
  readonly openRelay?: boolean;
  /** Submission ports advertise AUTH only after STARTTLS (`smtpd_tls_auth_only`); default true. */
  readonly authOnlyAfterTls?: boolean;
  /** `reject_sender_login_mismatch`: a logged-in user may only use its own address in MAIL FROM. */
  readonly enforceSenderLogin?: boolean;
  readonly users: readonly PostfixUser[];
  /** PEM certificate (chain) and key for all three ports. */
  readonly certPem: string;
  readonly keyPem: string;
  /** myhostname, shown in the greeting. */
  readonly hostname?: string;
  /** Extra main.cf settings, written last (e.g. weak TLS suites for the cipher probe's tests). */
  readonly mainOverrides?: Readonly<Record<string, string>>;
  /**
   * SASL from a Dovecot the test started itself (DovecotServer.authSocket, e.g. one checking OAuth tokens):
   * no Dovecot of Postfix's own is started, and `users` is then unused.
   */
  readonly dovecotAuthSocket?: string;
  /** Extra master.cf service lines (e.g. `lmtp unix - - n - - lmtp` for the mail loop's local delivery). */
  readonly masterServices?: readonly string[];
}

export interface PostfixServer {
  readonly address: string;
  /** 25-like (no AUTH), 587-like (STARTTLS + AUTH), 465-like (implicit TLS + AUTH). */
  readonly ports: { readonly smtp: number; readonly submission: number; readonly submissions: number };
  readonly dir: string;
  /** Postfix's and Dovecot's logs, as they are now. */
  logs(): Promise<string>;
  /** Files in the queue directories that hold messages: 0 when nothing was ever accepted for delivery. */
  queuedFiles(): Promise<number>;
  /**
   * The queue's files once Postfix has finished the last session: cleanup(8) deletes the file it opened for
   * a transaction that was reset or abandoned only a moment after RSET or QUIT, so a count taken at once can
   * see it on a loaded machine. Waits up to 5 s for the queue to empty, then counts.
   */
  settledQueuedFiles(): Promise<number>;
  /** `postconf -h` of one parameter of this instance. */
  postconf(parameter: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostfix(scenario: PostfixScenario): Promise<PostfixServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-postfix-'));
  try {
    // Postfix's and Dovecot's unprivileged processes must reach their files inside.
    await chmod(dir, 0o755);
    const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
    const [smtp = 0, submission = 0, submissions = 0] = await findFreePorts(address, 3);
    const ports = { smtp, submission, submissions };
    await writeConfiguration(dir, address, ports, scenario);
    await run(POSTFIX_PATH, ['-c', join(dir, 'etc'), 'check']);
    return await launch(dir, address, ports, scenario.dovecotAuthSocket);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function writeConfiguration(
  dir: string,
  address: string,
  ports: PostfixServer['ports'],
  scenario: PostfixScenario,
): Promise<void> {
  const etc = join(dir, 'etc');
  const dovecotDir = join(dir, 'dovecot');
  await Promise.all([mkdir(etc), mkdir(join(dir, 'queue')), mkdir(join(dir, 'data')), mkdir(dovecotDir)]);
  const postfixUid = userId('postfix');
  const dovecotUid = userId('dovecot');
  await chown(join(dir, 'data'), postfixUid, -1);
  await writeFile(join(dir, 'tls-cert.pem'), scenario.certPem, { mode: 0o644 });
  await writeFile(join(dir, 'tls-key.pem'), scenario.keyPem, { mode: 0o600 });
  const users = scenario.users.map((user) => `${user.username}:{PLAIN}${user.password}::::::`).join('\n');
  await writeFile(join(dir, 'users'), `${users}\n`, { mode: 0o600 });
  await chown(join(dir, 'users'), dovecotUid, -1);
  const hostname = scenario.hostname ?? 'mail.test';
  const authSocket = scenario.dovecotAuthSocket ?? join(dir, 'auth-postfix');
  const senderMap = scenario.users.map((user) => `${user.username}=${user.username}`).join(', ');
  const main = {
    compatibility_level: '3.6',
    config_directory: etc,
    queue_directory: join(dir, 'queue'),
    data_directory: join(dir, 'data'),
    mail_owner: 'postfix',
    setgid_group: 'postdrop',
    maillog_file: join(dir, 'postfix.log'),
    maillog_file_prefixes: dir,
    myhostname: hostname,
    mydomain: 'test',
    myorigin: '$myhostname',
    smtpd_banner: '$myhostname ESMTP',
    // Only interface addresses are allowed here; the listeners in master.cf bind 127.0.0.x themselves.
    inet_interfaces: 'loopback-only',
    inet_protocols: 'ipv4',
    // Nothing is local or relayed for: every recipient is "remote", so the relay rules decide.
    mydestination: '',
    relay_domains: '',
    // The open relay trusts all of loopback, where the probe comes from. (Postfix refuses to start with a
    // bare "smtpd_relay_restrictions = permit": it insists on reject_unauth_destination somewhere.)
    mynetworks: scenario.openRelay === true ? '127.0.0.0/8' : '',
    alias_maps: '',
    alias_database: '',
    biff: 'no',
    // No outbound delivery, ever: no DNS, and every transport discards.
    disable_dns_lookups: 'yes',
    smtp_dns_support_level: 'disabled',
    default_transport: 'discard:',
    relay_transport: 'discard:',
    local_transport: 'discard:',
    virtual_transport: 'discard:',
    smtpd_relay_restrictions: 'permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination',
    smtpd_sender_restrictions: scenario.enforceSenderLogin === true ? 'reject_sender_login_mismatch' : '',
    smtpd_sender_login_maps: senderMap === '' ? '' : `inline:{ ${senderMap} }`,
    smtpd_sasl_type: 'dovecot',
    smtpd_sasl_path: authSocket,
    smtpd_tls_cert_file: join(dir, 'tls-cert.pem'),
    smtpd_tls_key_file: join(dir, 'tls-key.pem'),
    smtpd_tls_security_level: 'may',
    smtpd_tls_loglevel: '1',
    ...scenario.mainOverrides,
  };
  await writeFile(
    join(etc, 'main.cf'),
    `${Object.entries(main)
      .map(([key, value]) => `${key} = ${value}`)
      .join('\n')}\n`,
  );
  const authOnly = scenario.authOnlyAfterTls === false ? 'no' : 'yes';
  const listen = (port: number): string => `${address}:${String(port)}`;
  // master.cf(5): service type private unpriv chroot wakeup maxproc command. Nothing chrooted.
  const master = [
    `${listen(ports.smtp)} inet n - n - - smtpd`,
    `${listen(ports.submission)} inet n - n - - smtpd -o smtpd_sasl_auth_enable=yes -o smtpd_tls_security_level=encrypt -o smtpd_tls_auth_only=${authOnly}`,
    `${listen(ports.submissions)} inet n - n - - smtpd -o smtpd_sasl_auth_enable=yes -o smtpd_tls_wrappermode=yes`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
    ...(scenario.masterServices ?? []),
    '',
  ];
  await writeFile(join(etc, 'master.cf'), master.join('\n'));
  const dovecot = [
    'protocols = none',
    // Dovecot needs a listen address even without protocols; it opens no listener with none.
    'listen = 127.0.0.1',
    `base_dir = ${dovecotDir}`,
    `state_dir = ${dovecotDir}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'ssl = no',
    // Postfix passes the TLS state along; the password only ever arrives through TLS at Postfix.
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login cram-md5',
    'auth_verbose = yes',
    'auth_verbose_passwords = no',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}`,
    '}',
    'userdb {',
    '  driver = static',
    '  args = uid=65534 gid=65534 home=/nonexistent',
    '}',
    'service auth {',
    `  unix_listener ${authSocket} {`,
    `    user = postfix`,
    '    mode = 0600',
    '  }',
    '}',
    '',
  ];
  await writeFile(join(dir, 'dovecot.conf'), dovecot.join('\n'));
}

/**
 * Waits for EOF on stdin (we closed the pipe, or our process died), then stops both masters by their PID
 * files, gives them a second, kills what is left and removes the directory.
 */
const WATCHDOG_SCRIPT = [
  'd="$0"',
  'read _',
  'pids() { cat "$d/queue/pid/master.pid" "$d/dovecot/master.pid" 2>/dev/null; }',
  'kill -TERM $(pids) 2>/dev/null',
  'sleep 1',
  'kill -KILL $(pids) 2>/dev/null',
  'rm -rf "$d"',
].join('\n');

async function launch(
  dir: string,
  address: string,
  ports: PostfixServer['ports'],
  externalAuthSocket?: string,
): Promise<PostfixServer> {
  const watchdog = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watchdog.unref();
  const children: ChildProcess[] = [];
  let output = '';
  const collect = (child: ChildProcess): void => {
    children.push(child);
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-MAX_LOG_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  };
  if (externalAuthSocket === undefined)
    collect(
      spawn(DOVECOT_PATH, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  collect(spawn(POSTFIX_PATH, ['-c', join(dir, 'etc'), 'start-fg'], { stdio: ['ignore', 'pipe', 'pipe'] }));

  const killNow = (): void => {
    for (const pid of pidsSync(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killNow);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killNow);
    for (const pid of pidsSync(dir)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    const exits = children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else
            child.once('exit', () => {
              resolve();
            });
        }),
    );
    const done = await Promise.race([
      Promise.all(exits).then(() => true),
      delay(STOP_DEADLINE_MS).then(() => false),
    ]);
    if (!done) {
      for (const pid of pidsSync(dir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      for (const child of children) child.kill('SIGKILL');
    }
    watchdog.stdin.end();
    await rm(dir, { recursive: true, force: true });
  };

  const logs = async (): Promise<string> => {
    const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8').catch(() => '');
    return `${await read('postfix.log')}\n${await read('dovecot.log')}\n${output}`;
  };

  try {
    await waitUntilReady(externalAuthSocket ?? join(dir, 'auth-postfix'), address, ports, children);
  } catch (error) {
    const log = await logs();
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Postfix/Dovecot did not start on ${address}: ${reason}\n--- logs ---\n${log}`, {
      cause: error,
    });
  }

  return {
    address,
    ports,
    dir,
    logs,
    queuedFiles: () => countQueued(dir),
    async settledQueuedFiles() {
      const until = Date.now() + 5_000;
      let count = await countQueued(dir);
      while (count > 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        count = await countQueued(dir);
      }
      return count;
    },
    async postconf(parameter) {
      return (await run('/usr/sbin/postconf', ['-c', join(dir, 'etc'), '-h', parameter])).trim();
    },
    stop,
  };
}

async function waitUntilReady(
  authSocket: string,
  address: string,
  ports: PostfixServer['ports'],
  children: readonly ChildProcess[],
): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  const pending = new Set<'auth' | keyof PostfixServer['ports']>([
    'auth',
    'smtp',
    'submission',
    'submissions',
  ]);
  let lastProblem = 'nothing answered yet';
  while (pending.size > 0) {
    if (children.some((child) => child.exitCode !== null))
      throw new Error('a master process exited during start-up');
    if (Date.now() > deadline) {
      throw new Error(
        `not ready within ${String(START_DEADLINE_MS)} ms: ${[...pending].join(', ')} (${lastProblem})`,
      );
    }
    for (const what of [...pending]) {
      try {
        if (what === 'auth') await stat(authSocket);
        else await readGreeting(address, ports[what], what === 'submissions');
        pending.delete(what);
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
    }
    if (pending.size > 0) await delay(POLL_INTERVAL_MS);
  }
}

/** Connects, reads "220 ", and leaves politely. */
function readGreeting(address: string, port: number, implicitTls: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = implicitTls
      ? tlsConnect({ host: address, port, rejectUnauthorized: false })
      : createConnection({ host: address, port });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no greeting on port ${String(port)}`));
    }, GREETING_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/^220 .*\r\n/m.test(text)) {
        clearTimeout(timer);
        socket.end('QUIT\r\n');
        socket.destroySoon();
        resolve();
      }
    });
    socket.on('error', (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

function pidsSync(dir: string): number[] {
  const pids: number[] = [];
  for (const file of [join(dir, 'queue', 'pid', 'master.pid'), join(dir, 'dovecot', 'master.pid')]) {
    try {
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 1) pids.push(pid);
    } catch {
      // Not written yet, or already removed.
    }
  }
  return pids;
}

async function countFiles(path: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  let count = 0;
  for (const entry of entries) {
    count += entry.isDirectory() ? await countFiles(join(path, entry.name)) : 1;
  }
  return count;
}

function userId(name: string): number {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((each) => each.startsWith(`${name}:`));
  const uid = Number(line?.split(':')[2]);
  if (!Number.isInteger(uid))
    throw new Error(`The system user "${name}" is missing: install postfix and dovecot-core.`);
  return uid;
}

function run(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: COMMAND_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${file} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
