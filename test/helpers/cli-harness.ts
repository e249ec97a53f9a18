/** Runs the real `mailwarden` CLI code in-process with captured streams, or as a real child process. */
import { spawn } from 'node:child_process';
import { PassThrough, Readable, Writable } from 'node:stream';
import { createMainServices } from '../../main/composition';
import { runCli } from '../../main/cli/run-cli';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runCliInProcess(
  argv: readonly string[],
  options: {
    dataDir: string;
    keychainService: string;
    stdin?: string;
    /** More environment variables for the command, beside MAILWARDEN_DATA_DIR. */
    env?: Readonly<Record<string, string>>;
  },
): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  // An empty, already-ended stdin when the test gives none: like `< /dev/null`.
  const stdin =
    options.stdin === undefined ? new PassThrough().end() : Readable.from([Buffer.from(options.stdin)]);
  const code = await runCli(
    argv,
    { stdin, stdout, stderr, env: { ...options.env, MAILWARDEN_DATA_DIR: options.dataDir } },
    { createServices: (opts) => createMainServices({ ...opts, keychainService: options.keychainService }) },
  );
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The CLI in-process against a test's data folder and keychain service, with stdin when one is given. */
export function runCliIn(
  env: { readonly dataDir: string; readonly keychainService: string },
  argv: readonly string[],
  stdin?: string,
  variables?: Readonly<Record<string, string>>,
): Promise<CliResult> {
  return runCliInProcess(argv, {
    dataDir: env.dataDir,
    keychainService: env.keychainService,
    ...(stdin === undefined ? {} : { stdin }),
    ...(variables === undefined ? {} : { env: variables }),
  });
}

/** The real entry point in a child process (through tsx), with a deadline. */
export function runCliProcess(
  argv: readonly string[],
  options: { env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...argv], {
      cwd: process.cwd(),
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`mailwarden ${argv.join(' ')} did not finish within ${options.timeoutMs ?? 20_000} ms`),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
