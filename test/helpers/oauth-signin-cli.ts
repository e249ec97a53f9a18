/**
 * `mailwarden accounts signin ID --no-browser` run in-process against a test's data folder and keychain,
 * handing over the authorization URL as soon as it is printed, while the command waits for the redirect.
 */
import { PassThrough, Writable } from 'node:stream';
import { createMainServices } from '../../main/composition';
import { runCli } from '../../main/cli/run-cli';
import type { CliResult } from './cli-harness';
import type { TestServices } from './test-services';

/** Long enough for the provider's pages to be walked on a busy machine. */
const DEFAULT_DEADLINE_MS = 20_000;

/** A stdout that hands over its first line as soon as it is written. */
class LineCapture extends Writable {
  text = '';
  readonly firstLine: Promise<string>;
  private resolveFirst: (line: string) => void = () => undefined;
  constructor() {
    super();
    this.firstLine = new Promise((resolve) => (this.resolveFirst = resolve));
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    const end = this.text.indexOf('\n');
    if (end !== -1) this.resolveFirst(this.text.slice(0, end));
    done();
  }
}

export interface RunningSignin {
  /** The first line of standard output: the authorization URL. */
  readonly url: Promise<string>;
  readonly done: Promise<CliResult>;
}

export function startSigninCli(
  env: Pick<TestServices, 'dataDir' | 'keychainService'>,
  target: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): RunningSignin {
  const stdout = new LineCapture();
  const stderr = new LineCapture();
  const done = runCli(
    ['accounts', 'signin', target, '--no-browser'],
    { stdin: new PassThrough().end(), stdout, stderr, env: { MAILWARDEN_DATA_DIR: env.dataDir } },
    {
      createServices: (opts) =>
        createMainServices({ ...opts, keychainService: env.keychainService, signInDeadlineMs: deadlineMs }),
    },
  ).then((code) => ({ code, stdout: stdout.text, stderr: stderr.text }));
  return { url: stdout.firstLine, done };
}
