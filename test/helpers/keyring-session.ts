/**
 * Runs the real keytar SecretStore in a child process under a chosen keychain condition.
 *
 * Why a child: "no D-Bus", "no Secret Service", "locked keyring" and "keytar missing" are properties of a
 * process's environment and of its bus, and locking the shared test keyring would break every other test.
 * Each scenario gets its own process (and, where needed, its own private bus and keyring), runs a list of
 * store calls and reports each outcome as JSON. Also wraps secret-tool, an independent Secret Service
 * client, to check what the keychain really holds.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WITH_KEYRING = join(REPO_ROOT, 'test/helpers/with-keyring.sh');
const STORE_MODULE = 'main/adapters/keytar-secret-store.ts';
/** The store's own module graph, copied away from node_modules for the 'keytar-missing' condition. */
const STORE_MODULE_GRAPH = [STORE_MODULE, 'main/adapters/keychain-errors.ts', 'main/core/ports.ts'];
const SCENARIO_TIMEOUT_MS = 30_000;
const SECRET_TOOL_TIMEOUT_MS = 10_000;
const RESULT_MARKER = 'MAILWARDEN-SCENARIO-RESULT ';

/**
 * Where the child runs.
 * - current: this process's environment (inside with-keyring.sh).
 * - no-dbus: no session bus address and no display, as in a bare ssh or cron shell.
 * - no-secret-service: a private session bus on which nothing provides org.freedesktop.secrets.
 * - fresh-keyring: a private bus with its own unlocked gnome-keyring (with-keyring.sh), safe to lock.
 * - keytar-missing: the store's source copied to a directory with no node_modules, so keytar cannot load.
 */
export type KeychainCondition =
  'current' | 'no-dbus' | 'no-secret-service' | 'fresh-keyring' | 'keytar-missing';

/** One SecretStore call, or `lock`: lock the default collection through the Secret Service D-Bus API. */
export type StoreStep =
  | { readonly op: 'set'; readonly accountId: string; readonly secret: string }
  | { readonly op: 'get'; readonly accountId: string }
  | { readonly op: 'delete'; readonly accountId: string }
  | { readonly op: 'list' }
  | { readonly op: 'lock' };

export type StepOutcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly name: string;
      readonly code: string | undefined;
      readonly message: string;
    };

export interface ScenarioRun {
  readonly outcomes: readonly StepOutcome[];
  /** Everything the child and its bus printed, to check that no secret leaked into it. */
  readonly output: string;
}

/** The child: reads {modulePath, service, steps} on stdin, prints one result line. */
const CHILD_SCRIPT = `
import { execFileSync } from 'node:child_process';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { modulePath, service, steps } = JSON.parse(input);
const { createKeytarSecretStore } = await import(modulePath);
const store = createKeytarSecretStore({ service });
const outcomes = [];
for (const step of steps) {
  try {
    let value;
    if (step.op === 'set') value = await store.set(step.accountId, step.secret);
    else if (step.op === 'get') value = await store.get(step.accountId);
    else if (step.op === 'delete') value = await store.delete(step.accountId);
    else if (step.op === 'list') value = [...(await store.accountIdsWithSecrets())].sort();
    else if (step.op === 'lock') {
      execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/aliases/default'], { stdio: 'ignore', timeout: 10000 });
    }
    outcomes.push({ ok: true, value: value ?? null });
  } catch (error) {
    outcomes.push({ ok: false, name: error?.name, code: error?.code, message: String(error?.message) });
  }
}
process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify(outcomes) + '\\n');
`;

/** A D-Bus session configuration with no service directories: nothing can be activated on it. */
const BARE_BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

interface ChildExit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command in its own process group, feeding `stdin`, killing the whole group at the deadline.
 *
 * The group matters: dbus-run-session starts a bus daemon and with-keyring.sh a keyring daemon, and a
 * timed-out scenario must not leave either behind.
 */
function runChild(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; stdin: string; timeoutMs: number },
): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: options.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(
        new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms\n${stderr}`),
      );
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin);
  });
}

/** Copies the store's module graph to `directory`, away from any node_modules; returns the copied entry. */
async function copyStoreAwayFromNodeModules(directory: string): Promise<string> {
  for (const file of STORE_MODULE_GRAPH) {
    const target = join(directory, file);
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(join(REPO_ROOT, file), target);
  }
  return join(directory, STORE_MODULE);
}

/** The environment without a session bus or display, so libsecret has nowhere to go. */
function withoutSessionBus(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.DBUS_SESSION_BUS_ADDRESS;
  delete rest.DISPLAY;
  delete rest.WAYLAND_DISPLAY;
  return rest;
}

/** Runs `steps` against createKeytarSecretStore({ service }) in a child process under `condition`. */
export async function runStoreScenario(
  condition: KeychainCondition,
  service: string,
  steps: readonly StoreStep[],
): Promise<ScenarioRun> {
  const directory = await mkdtemp(join(tmpdir(), 'mailwarden-scenario-'));
  try {
    const script = join(directory, 'scenario.mts');
    await writeFile(script, CHILD_SCRIPT);
    const modulePath =
      condition === 'keytar-missing'
        ? await copyStoreAwayFromNodeModules(join(directory, 'copy'))
        : join(REPO_ROOT, STORE_MODULE);
    const node = [process.execPath, '--import', 'tsx', script];
    const stdin = JSON.stringify({ modulePath: pathToFileURL(modulePath).href, service, steps });

    let command: string[];
    let env = process.env;
    if (condition === 'no-dbus') {
      command = node;
      env = withoutSessionBus(process.env);
    } else if (condition === 'no-secret-service') {
      const config = join(directory, 'bare-bus.conf');
      await writeFile(config, BARE_BUS_CONFIG);
      command = ['dbus-run-session', `--config-file=${config}`, '--', ...node];
    } else if (condition === 'fresh-keyring') {
      command = ['dbus-run-session', '--', 'bash', WITH_KEYRING, ...node];
    } else {
      command = node;
    }

    const [program = '', ...args] = command;
    const exit = await runChild(program, args, { env, stdin, timeoutMs: SCENARIO_TIMEOUT_MS });
    const resultLine = exit.stdout.split('\n').find((line) => line.startsWith(RESULT_MARKER));
    if (resultLine === undefined) {
      throw new Error(
        `The ${condition} scenario ended (exit ${String(exit.code)}) without a result:\n${exit.stdout}\n${exit.stderr}`,
      );
    }
    return {
      outcomes: JSON.parse(resultLine.slice(RESULT_MARKER.length)) as StepOutcome[],
      output: exit.stdout + exit.stderr,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** What `secret-tool lookup service <service> account <account>` finds: the stored secret, or null. */
export async function secretToolLookup(service: string, account: string): Promise<string | null> {
  const exit = await runChild('secret-tool', ['lookup', 'service', service, 'account', account], {
    env: process.env,
    stdin: '',
    timeoutMs: SECRET_TOOL_TIMEOUT_MS,
  });
  if (exit.code === 1 && exit.stdout === '') return null;
  if (exit.code !== 0) throw new Error(`secret-tool lookup failed (${String(exit.code)}): ${exit.stderr}`);
  return exit.stdout;
}

/** Removes an item the way the user would in Passwords and Keys: `secret-tool clear service <s> account <a>`. */
export async function secretToolClear(service: string, account: string): Promise<void> {
  const exit = await runChild('secret-tool', ['clear', 'service', service, 'account', account], {
    env: process.env,
    stdin: '',
    timeoutMs: SECRET_TOOL_TIMEOUT_MS,
  });
  if (exit.code !== 0) throw new Error(`secret-tool clear failed (${String(exit.code)}): ${exit.stderr}`);
}
