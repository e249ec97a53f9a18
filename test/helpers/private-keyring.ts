/**
 * A keyring of a test's own: a fresh D-Bus session with its own unlocked gnome-keyring (with-keyring.sh),
 * kept running while the test starts real `mailwarden` processes against it.
 *
 * Why: the CLI always files passwords under the service "Mailwarden", and a test that counts every
 * password in that service (orphans) must not see other test files' passwords in the shared keyring.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const ENV_MARKER = 'MAILWARDEN-PRIVATE-KEYRING-ENV ';
/** What with-keyring.sh sets up for its command: the bus, the keyring's folders, the test marker. */
const KEYRING_VARIABLES = [
  'DBUS_SESSION_BUS_ADDRESS',
  'XDG_DATA_HOME',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'MAILWARDEN_TEST_KEYRING',
];

export interface PrivateKeyring {
  /** The variables a process needs to use this keyring; merge them into its environment. */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export function startPrivateKeyring(): Promise<PrivateKeyring> {
  const script = `process.stdout.write(${JSON.stringify(ENV_MARKER)} + JSON.stringify(Object.fromEntries(${JSON.stringify(
    KEYRING_VARIABLES,
  )}.map((name) => [name, process.env[name]]))) + '\\n'); setInterval(() => {}, 60000);`;
  const child = spawn(
    'dbus-run-session',
    ['--', 'bash', 'test/helpers/with-keyring.sh', process.execPath, '-e', script],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => {
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      // with-keyring.sh stops its daemon on TERM; the whole group goes so nothing is left behind.
      process.kill(-child.pid, 'SIGTERM');
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The private keyring did not start within ${READY_TIMEOUT_MS} ms:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(ENV_MARKER));
      if (line === undefined || !stdout.includes('\n', stdout.indexOf(ENV_MARKER))) return;
      clearTimeout(timer);
      resolve({ env: JSON.parse(line.slice(ENV_MARKER.length)) as NodeJS.ProcessEnv, stop });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`The private keyring ended early (exit ${String(code)}):\n${stderr}`));
    });
  });
}
