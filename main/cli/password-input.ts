/**
 * Reads a password without it ever touching argv, the screen or shell history.
 *
 * `--password-stdin` reads everything piped in (one trailing newline dropped, like `docker login`);
 * otherwise, on a terminal, a prompt that echoes nothing. A password is never accepted as an argument:
 * argv is visible to every user of the machine through the process list.
 */
import { UsageError } from './usage-error';
import type { CliIo } from './cli-io';

/** No real password is longer; a bigger stdin is a mistake (a file piped in by accident). */
export const MAX_PASSWORD_BYTES = 4096;

/** What is read, for the messages: the password of --password-stdin, or another secret and its option. */
export interface StdinSecret {
  readonly name: string;
  readonly option: string;
}

const PASSWORD: StdinSecret = { name: 'password', option: '--password-stdin' };

export async function readPasswordFromStdin(io: CliIo, what: StdinSecret = PASSWORD): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > MAX_PASSWORD_BYTES)
      throw new UsageError(`The ${what.name} on standard input is longer than ${MAX_PASSWORD_BYTES} bytes.`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '') throw new UsageError(`${what.option} was given but standard input was empty.`);
  return text;
}

/** Prompts on the terminal with echo off. Resolves to '' when the user just presses Enter. */
export function promptPassword(io: CliIo, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  if (stdin.isTTY !== true || stdin.setRawMode === undefined) {
    return Promise.reject(
      new UsageError('No terminal to ask for the password on: pipe it in with --password-stdin.'),
    );
  }
  const setRawMode = stdin.setRawMode.bind(stdin);
  stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error === undefined) resolve(typed);
      else reject(error);
    };
    const onData = (data: Buffer | string) => {
      for (const char of data.toString()) {
        if (char === '\r' || char === '\n') {
          finish();
          return;
        }
        if (char === '\u0003') {
          finish(new UsageError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
        if (Buffer.byteLength(typed) > MAX_PASSWORD_BYTES) {
          finish(new UsageError('That password is too long.'));
          return;
        }
      }
    };
    setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
