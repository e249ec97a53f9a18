/**
 * One private temporary folder per test run, removed when the run ends.
 *
 * Tests make many folders (a data folder per app, a test CA, state for Knot, Unbound and Postfix). Test
 * processes do not always get to run their own clean-up: the runner may stop a worker without an `exit`
 * event, and a crash test kills its child on purpose. Pointing TMPDIR (which os.tmpdir() and mktemp
 * read) at a folder of the run's own means whatever a test leaves behind goes when the run does, instead
 * of piling up in /tmp on a developer's machine.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_TMPDIR_VARIABLE = 'MAILWARDEN_SYSTEM_TMPDIR';

/**
 * The temporary folder as it was before this run pointed TMPDIR at its own. electron-builder allows files
 * symlinked from a project into os.tmpdir() but denies /tmp otherwise, so a checkout cloned under /tmp is
 * packaged as a user would package it only when electron-builder sees the real temporary folder.
 */
export function systemTmpdir(): string {
  return process.env[SYSTEM_TMPDIR_VARIABLE] ?? tmpdir();
}

/** Makes the folder and points this process (and the workers it starts after this) at it. */
export async function usePrivateTmpdir(prefix: string): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // Daemons that drop privileges (Postfix runs as `postfix`) must pass through it to their own folders,
  // which stay private (mkdtemp makes them 0700); only the owner can write here, as in /tmp itself.
  await chmod(dir, 0o755);
  const previous = process.env['TMPDIR'];
  // The system's own temporary folder, for a tool whose rules depend on it (see systemTmpdir()).
  process.env[SYSTEM_TMPDIR_VARIABLE] ??= tmpdir();
  process.env['TMPDIR'] = dir;
  return async () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
