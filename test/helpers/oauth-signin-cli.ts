/**
 * `mailwarden accounts signin ID --no-browser` run in-process against a test's data folder and keychain,
 * handing over the authorization URL as soon as it is printed, while the command waits for the redirect;
 * `--device` likewise hands over the verification address and the user code while the command polls.
 */
import { PassThrough, Writable } from 'node:stream';
import { createMainServices } from '../../main/composition';
import { runCli } from '../../main/cli/run-cli';
import type { CliResult } from './cli-harness';
import type { TestServices } from './test-services';

/** Long enough for the provider's pages to be walked on a busy machine. */
const DEFAULT_DEADLINE_MS = 20_000;

/** A stdout that hands over its first two lines as soon as they are written. */
class LineCapture extends Writable {
  text = '';
  readonly firstLine: Promise<string>;
  readonly firstTwoLines: Promise<readonly [string, string]>;
  private resolveFirst: (line: string) => void = () => undefined;
  private resolveTwo: (lines: readonly [string, string]) => void = () => undefined;
  constructor() {
    super();
    this.firstLine = new Promise((resolve) => (this.resolveFirst = resolve));
    this.firstTwoLines = new Promise((resolve) => (this.resolveTwo = resolve));
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    const [first, second, ...rest] = this.text.split('\n');
    if (second !== undefined) this.resolveFirst(first ?? '');
    if (rest.length > 0) this.resolveTwo([first ?? '', second ?? '']);
    done();
  }
}

export interface RunningSignin {
  /** The first line of standard output: the authorization URL. */
  readonly url: Promise<string>;
  readonly done: Promise<CliResult>;
}

export interface RunningDeviceSignin {
  /** The first two lines of standard output: the verification address and the user code. */
  readonly code: Promise<{ readonly verificationUri: string; readonly userCode: string }>;
  readonly done: Promise<CliResult>;
}

export function startSigninCli(
  env: Pick<TestServices, 'dataDir' | 'keychainService'>,
  target: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): RunningSignin {
  const { stdout, done } = runSignin(env, [target, '--no-browser'], deadlineMs);
  return { url: stdout.firstLine, done };
}

export function startDeviceSigninCli(
  env: Pick<TestServices, 'dataDir' | 'keychainService'>,
  target: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): RunningDeviceSignin {
  const { stdout, done } = runSignin(env, [target, '--device'], deadlineMs);
  const code = stdout.firstTwoLines.then(([verificationUri, userCode]) => ({ verificationUri, userCode }));
  return { code, done };
}

function runSignin(
  env: Pick<TestServices, 'dataDir' | 'keychainService'>,
  args: readonly string[],
  deadlineMs: number,
): { readonly stdout: LineCapture; readonly done: Promise<CliResult> } {
  const stdout = new LineCapture();
  const stderr = new LineCapture();
  const done = runCli(
    ['accounts', 'signin', ...args],
    { stdin: new PassThrough().end(), stdout, stderr, env: { MAILWARDEN_DATA_DIR: env.dataDir } },
    {
      createServices: (opts) =>
        createMainServices({ ...opts, keychainService: env.keychainService, signInDeadlineMs: deadlineMs }),
    },
  ).then((code) => ({ code, stdout: stdout.text, stderr: stderr.text }));
  return { stdout, done };
}
