/**
 * A real Dovecot (Debian `dovecot-imapd`, `dovecot-pop3d`) serving IMAP and POP3 for tests, in a private
 * temp dir with its own config, base_dir and state_dir, on a random 127.0.0.x (never .1, so Dovecot does
 * not take the probe for a local, "secured" client) and free ports. Started under the watchdog of
 * loopback-daemon.ts and stopped by its PID; users come from a passwd-file, mail from a Maildir inside.
 */
import { chmod, chown, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DnsResolver, DnsResult } from '../../main/core/ports';
import { delay, findFreePorts, startWatchedDaemon, type WatchedDaemon } from './loopback-daemon';

const DOVECOT_PATH = '/usr/sbin/dovecot';
const START_DEADLINE_MS = 15_000;
/** The mail processes run as nobody; Dovecot's first_valid_uid is lowered to allow it. */
const MAIL_UID = 65_534;
const POSTFIX_AUTH_SOCKET = 'auth-postfix';

export interface DovecotScenario {
  readonly certPem: string;
  readonly keyPem: string;
  readonly users: readonly { readonly username: string; readonly password: string }[];
  /** disable_plaintext_auth = no: LOGIN and USER/PASS before TLS (what the probe must catch). */
  readonly plaintextLogin?: boolean;
  /** auth_verbose_passwords = plain: every failed password is logged, so a canary test can see it arrive. */
  readonly logPasswords?: boolean;
  /** Messages put in each user's inbox before start. */
  readonly inboxMessages?: number;
  /**
   * The inbox's `cur` directory belongs to root with no permissions: the login works, but the mail
   * process (user nobody) cannot open INBOX. IMAP then refuses SELECT / EXAMINE ("NO [SERVERBUG]"), POP3
   * says "-ERR [SYS/TEMP]" right after "+OK Logged in." and closes.
   */
  readonly unreadableInbox?: boolean;
  /**
   * TLS 1.0 and 1.1 only: ssl_min_protocol = TLSv1 and a cipher list at @SECLEVEL=0 (OpenSSL 3 refuses
   * both versions above level 0), with TLS 1.2 and 1.3 switched off by an OpenSSL configuration of its own
   * (Dovecot 2.3 has no ssl_max_protocol), handed to the login processes through import_environment.
   */
  readonly legacyTlsOnly?: boolean;
  /**
   * OAuth sign-in: XOAUTH2 and OAUTHBEARER (RFC 7628) besides PLAIN and LOGIN, each token checked by the
   * `oauth2` passdb with RFC 7662 introspection (POST, the resource server's client credentials) at the
   * test provider, over HTTPS that must verify against `caPem`. The token's `sub` is the user name.
   */
  readonly oauth2?: OAuth2Introspection;
  /** A Dovecot auth socket for a Postfix smtpd (`smtpd_sasl_type = dovecot`), as DovecotServer.authSocket. */
  readonly postfixAuthSocket?: boolean;
  /** Local delivery for the mail loop: LMTP on a unix socket (`DovecotServer.lmtpSocket`) Postfix may use. */
  readonly lmtp?: DovecotLmtp;
}

export interface OAuth2Introspection {
  /** The provider's introspection endpoint, https. */
  readonly introspectionUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The CA the provider's certificate chains to. */
  readonly caPem: string;
}

/** Delivery through Dovecot LMTP (`dovecot-lmtpd`), with Sieve (`dovecot-sieve`) per user. */
export interface DovecotLmtp {
  /** username -> the user's Sieve script (RFC 5228), stored as ~/.dovecot.sieve. */
  readonly sieveScripts?: Readonly<Record<string, string>>;
  /** name -> shell script that Sieve's `filter` (vnd.dovecot.filter) may run over a message. */
  readonly filterPrograms?: Readonly<Record<string, string>>;
}

export interface DovecotServer {
  readonly address: string;
  readonly ports: {
    readonly imap: number;
    readonly imaps: number;
    readonly pop3: number;
    readonly pop3s: number;
  };
  /** The auth socket for Postfix when the scenario asked for one (owned by `postfix`), else null. */
  readonly authSocket: string | null;
  /** Dovecot's own log file, as it is now. */
  logs(): Promise<string>;
  /** The LMTP socket when the scenario asked for `lmtp`. */
  readonly lmtpSocket?: string;
  stop(): Promise<void>;
}

export async function startDovecot(scenario: DovecotScenario): Promise<DovecotServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-dovecot-'));
  await chmod(dir, 0o755);
  const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
  const [imap = 0, imaps = 0, pop3 = 0, pop3s = 0] = await findFreePorts(address, 4);
  const ports = {
    imap,
    imaps,
    pop3,
    pop3s,
  };
  await writeConfiguration(dir, address, ports, scenario);
  const daemon = await startWatchedDaemon(
    DOVECOT_PATH,
    ['-F', '-c', join(dir, 'dovecot.conf')],
    dir,
    START_DEADLINE_MS,
  );
  const logs = (): Promise<string> =>
    readFile(join(dir, 'dovecot.log'), 'utf8')
      .catch(() => '')
      .then((text) => `${text}\n${daemon.log()}`);
  try {
    await waitForGreeting(address, ports.imap, daemon);
    await waitForGreeting(address, ports.pop3, daemon);
  } catch (error) {
    const log = await logs();
    await daemon.stop();
    throw new Error(`Dovecot did not start on ${address}: ${String(error)}\n--- log ---\n${log}`, {
      cause: error,
    });
  }
  const authSocket = scenario.postfixAuthSocket === true ? join(dir, POSTFIX_AUTH_SOCKET) : null;
  return {
    address,
    ports,
    authSocket,
    logs,
    ...(scenario.lmtp === undefined ? {} : { lmtpSocket: join(dir, 'run', 'lmtp') }),
    stop: () => daemon.stop(),
  };
}

async function writeConfiguration(
  dir: string,
  address: string,
  ports: DovecotServer['ports'],
  scenario: DovecotScenario,
): Promise<void> {
  await Promise.all(['run', 'state', 'mail'].map((name) => mkdir(join(dir, name))));
  await chown(join(dir, 'mail'), MAIL_UID, -1);
  await writeFile(join(dir, 'cert.pem'), scenario.certPem, { mode: 0o644 });
  await writeFile(join(dir, 'key.pem'), scenario.keyPem, { mode: 0o600 });
  const users = scenario.users.map((user) => `${user.username}:{PLAIN}${user.password}::::::`).join('\n');
  await writeFile(join(dir, 'users'), `${users}\n`, { mode: 0o644 });
  for (const user of scenario.users) {
    await seedInbox(dir, user.username, scenario.inboxMessages ?? 0);
    if (scenario.unreadableInbox === true) await lockInbox(dir, user.username);
  }
  if (scenario.lmtp !== undefined) await writeSieve(dir, scenario.lmtp);
  const legacy = scenario.legacyTlsOnly === true;
  const oauth2 = scenario.oauth2;
  if (oauth2 !== undefined) await writeOAuth2Configuration(dir, oauth2);
  if (legacy) await writeFile(join(dir, 'openssl.cnf'), LEGACY_OPENSSL_CONF, { mode: 0o644 });
  const lines = [
    `protocols = imap pop3${scenario.lmtp === undefined ? '' : ' lmtp'}`,
    `listen = ${address}`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'ssl = yes',
    `ssl_cert = <${join(dir, 'cert.pem')}`,
    `ssl_key = <${join(dir, 'key.pem')}`,
    ...(legacy
      ? [
          'ssl_min_protocol = TLSv1',
          'ssl_cipher_list = ALL:@SECLEVEL=0',
          `import_environment = TZ OPENSSL_CONF=${join(dir, 'openssl.cnf')}`,
        ]
      : []),
    `disable_plaintext_auth = ${scenario.plaintextLogin === true ? 'no' : 'yes'}`,
    `auth_mechanisms = plain login${oauth2 === undefined ? '' : ' oauthbearer xoauth2'}`,
    'auth_verbose = yes',
    `auth_verbose_passwords = ${scenario.logPasswords === true ? 'plain' : 'no'}`,
    // auth_debug stays off: it logs the tokens. No penalty for a refused login, which would slow the tests.
    'auth_debug = no',
    'auth_debug_passwords = no',
    'auth_failure_delay = 0',
    'first_valid_uid = 1',
    `mail_location = maildir:${join(dir, 'mail')}/%u`,
    'passdb {',
    '  driver = passwd-file',
    ...(oauth2 === undefined ? [] : ['  mechanisms = plain login']),
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}`,
    '}',
    ...(oauth2 === undefined
      ? []
      : [
          'passdb {',
          '  driver = oauth2',
          '  mechanisms = xoauth2 oauthbearer',
          `  args = ${join(dir, 'oauth2.conf')}`,
          '}',
        ]),
    'userdb {',
    '  driver = static',
    `  args = uid=${String(MAIL_UID)} gid=${String(MAIL_UID)} home=${join(dir, 'mail')}/%u`,
    '}',
    // Login processes that serve many connections each (Dovecot's "high-performance" mode): a TLS probe
    // opens a dozen handshakes at once, and a process forked per connection on a loaded machine can miss
    // the tests' one-second greeting deadline.
    'service imap-login {',
    '  service_count = 0',
    '  process_min_avail = 2',
    `  inet_listener imap {\n    port = ${String(ports.imap)}\n  }`,
    `  inet_listener imaps {\n    port = ${String(ports.imaps)}\n    ssl = yes\n  }`,
    '}',
    'service pop3-login {',
    '  service_count = 0',
    '  process_min_avail = 2',
    `  inet_listener pop3 {\n    port = ${String(ports.pop3)}\n  }`,
    `  inet_listener pop3s {\n    port = ${String(ports.pop3s)}\n    ssl = yes\n  }`,
    '}',
    ...(scenario.postfixAuthSocket === true
      ? [
          `service auth {\n  unix_listener ${join(dir, POSTFIX_AUTH_SOCKET)} {\n    user = postfix\n    mode = 0600\n  }\n}`,
        ]
      : []),
    // The config's own checks want these; they are never reached from outside the temp dir.
    'service stats {\n  unix_listener stats-reader {\n    mode = 0600\n  }\n  unix_listener stats-writer {\n    mode = 0600\n  }\n}',
    ...(scenario.lmtp === undefined ? [] : lmtpLines(dir)),
    '',
  ];
  await writeFile(join(dir, 'dovecot.conf'), lines.join('\n'));
}

/**
 * The oauth2 passdb's own file (doc.dovecot.org/2.3/configuration_manual/authentication/oauth2): every token
 * is introspected (there is no tokeninfo URL), it must say `"active": true`, and its `sub` is the user.
 */
async function writeOAuth2Configuration(dir: string, oauth2: OAuth2Introspection): Promise<void> {
  await writeFile(join(dir, 'oauth2-ca.pem'), oauth2.caPem, { mode: 0o644 });
  const url = new URL(oauth2.introspectionUrl);
  url.username = encodeURIComponent(oauth2.clientId);
  url.password = encodeURIComponent(oauth2.clientSecret);
  const lines = [
    'introspection_mode = post',
    `introspection_url = ${url.href}`,
    'force_introspection = yes',
    'username_attribute = sub',
    'active_attribute = active',
    'active_value = true',
    `tls_ca_cert_file = ${join(dir, 'oauth2-ca.pem')}`,
    'timeout_msecs = 10000',
    'debug = no',
    '',
  ];
  // Read by the auth process (user dovecot); the client secret is the test provider's own.
  await writeFile(join(dir, 'oauth2.conf'), lines.join('\n'), { mode: 0o644 });
}

/**
 * LMTP on a unix socket Postfix's lmtp(8) client (user postfix) can open, Sieve at delivery with the
 * vnd.dovecot.filter extension (Pigeonhole's extprograms), and a Junk folder marked \Junk (RFC 6154).
 */
function lmtpLines(dir: string): string[] {
  return [
    'postmaster_address = postmaster@mail.test',
    'service lmtp {\n  unix_listener lmtp {\n    mode = 0666\n  }\n}',
    'protocol lmtp {\n  mail_plugins = $mail_plugins sieve\n}',
    'namespace inbox {\n  inbox = yes\n  mailbox Junk {\n    special_use = \\Junk\n    auto = create\n  }\n}',
    'plugin {',
    '  sieve = file:~/sieve;active=~/.dovecot.sieve',
    '  sieve_plugins = sieve_extprograms',
    '  sieve_extensions = +vnd.dovecot.filter',
    `  sieve_filter_bin_dir = ${join(dir, 'sieve-bin')}`,
    '}',
  ];
}

/** Each user's Sieve script in its home, and the filter programs, readable by the mail uid. */
async function writeSieve(dir: string, lmtp: DovecotLmtp): Promise<void> {
  await mkdir(join(dir, 'sieve-bin'), { mode: 0o755 });
  for (const [name, script] of Object.entries(lmtp.filterPrograms ?? {}))
    await writeFile(join(dir, 'sieve-bin', name), script, { mode: 0o755 });
  for (const [username, script] of Object.entries(lmtp.sieveScripts ?? {})) {
    const file = join(dir, 'mail', username, '.dovecot.sieve');
    await writeFile(file, script, { mode: 0o644 });
    await chown(file, MAIL_UID, MAIL_UID);
  }
}

/** OpenSSL's system defaults for the legacy scenario: nothing newer than TLS 1.1, security level 0. */
const LEGACY_OPENSSL_CONF = [
  'openssl_conf = openssl_init',
  '[openssl_init]',
  'ssl_conf = ssl_sect',
  '[ssl_sect]',
  'system_default = system_default_sect',
  '[system_default_sect]',
  'MinProtocol = TLSv1',
  'MaxProtocol = TLSv1.1',
  'CipherString = ALL:@SECLEVEL=0',
  '',
].join('\n');

/** A Maildir inbox with `count` tiny messages, owned by the mail uid. */
async function seedInbox(dir: string, username: string, count: number): Promise<void> {
  const root = join(dir, 'mail', username);
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    await mkdir(join(root, sub), { recursive: true });
    await chown(join(root, sub), MAIL_UID, MAIL_UID);
  }
  for (let i = 0; i < count; i += 1) {
    const file = join(root, 'new', `${String(1_700_000_000 + i)}.M${String(i)}.test`);
    await writeFile(file, `From: a@test\r\nTo: ${username}@test\r\nSubject: ${String(i)}\r\n\r\nhello\r\n`);
    await chown(file, MAIL_UID, MAIL_UID);
  }
}

async function lockInbox(dir: string, username: string): Promise<void> {
  const cur = join(dir, 'mail', username, 'cur');
  await chown(cur, 0, 0);
  await chmod(cur, 0o000);
}

async function waitForGreeting(address: string, port: number, daemon: WatchedDaemon): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (daemon.hasExited()) throw new Error(`dovecot exited: ${daemon.log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: address, port });
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1_000, () => {
        done(false);
      });
      socket.once('data', () => {
        done(true);
      });
      socket.once('error', () => {
        done(false);
      });
    });
    if (greeted) return;
    await delay(100);
  }
  throw new Error(`no greeting on port ${String(port)} within ${String(START_DEADLINE_MS)} ms`);
}

/** A resolver that knows one name: `host` has the A record `address`. */
export function oneNameResolver(host: string, address: string): DnsResolver {
  const none: DnsResult<never> = { ok: false, code: 'NXDOMAIN', message: 'not in this test' };
  return {
    description: 'test',
    resolveA: (name) => Promise.resolve(name === host ? { ok: true, records: [address] } : none),
    resolveAaaa: () => Promise.resolve(none),
    resolveMx: () => Promise.resolve(none),
    resolveSrv: () => Promise.resolve(none),
    resolveTxt: () => Promise.resolve(none),
    resolveCname: () => Promise.resolve(none),
    resolvePtr: () => Promise.resolve(none),
  };
}
