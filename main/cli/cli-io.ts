/** What a CLI command may touch: its streams and environment, injected so tests can run it in-process. */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
