/**
 * Where `--out PATH` puts a report. Only a regular file (or a new one) is replaced atomically; anything
 * else is written through as it is or refused, because renaming a temporary file over a path replaces
 * whatever was there: run as root, `--out /dev/null` would swap the device node for a regular file.
 *
 * - a regular file, or nothing yet: atomic replace (atomic-file.ts);
 * - a character device (`/dev/null`, `/dev/stdout`'s terminal) or a FIFO: opened and written directly,
 *   never created, truncated or replaced;
 * - a symbolic link: followed. Its target is written by these same rules and the link stays as it was;
 *   the sentence returned says so;
 * - a folder, an empty path, a path under a regular file, a block device (a disk) or a socket: refused,
 *   naming the path.
 *
 * checkOutputTarget applies the same refusals before an audit starts, so a mistyped --out costs no
 * two-minute audit; the write checks again, as the path can change in between.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MailwardenError } from '../core/errors/mailwarden-error';
import { terminalText } from '../../preload/contract/untrusted-text';
import { writeFileAtomic } from './atomic-file';

/** What was done, as a sentence for the person who ran the command (for stderr). */
export type OutputWritten = string;

const EMPTY_PATH = 'The output path is empty; name a file, such as --out report.json.';
const danglingLink = (shown: string, error: unknown): string =>
  `The output path ${shown} is a symbolic link to something that does not exist (${errnoCode(error)}); ` +
  'Mailwarden does not replace a symbolic link. Name the file itself.';
const isFolder = (shown: string): string =>
  `The output path ${shown} is a folder; name a file inside it, such as ${shown}/report.json.`;
const throughFile = (shown: string): string =>
  `The output path ${shown} goes through a file as if it were a folder; name a file in a folder.`;
const notRegular = (shown: string, entry: Stats): string =>
  `The output path ${shown} is ${entry.isBlockDevice() ? 'a disk device' : 'a socket'}; name a regular file.`;

/**
 * Refuses, before any work is done, an output path the write would refuse afterwards (exit 2, naming
 * the path): empty, a folder, a dangling link, a disk device, a socket, under a file, or in a folder
 * that does not exist. Writes nothing.
 */
export async function checkOutputTarget(path: string): Promise<void> {
  const shown = `"${terminalText(path)}"`;
  if (path === '') throw refused(EMPTY_PATH);
  const entry = await lstatOrNull(path, shown);
  if (entry === null) {
    await checkFolderOf(path, shown);
    return;
  }
  let target = entry;
  if (entry.isSymbolicLink()) {
    try {
      target = await stat(path);
    } catch (error) {
      throw refused(danglingLink(shown, error));
    }
  }
  if (target.isFile() || target.isCharacterDevice() || target.isFIFO()) return;
  if (target.isDirectory()) throw refused(isFolder(shown));
  throw refused(notRegular(shown, target));
}

/** A new file needs its folder: a missing one would fail only when the report is written. */
async function checkFolderOf(path: string, shown: string): Promise<void> {
  let folder: Stats;
  try {
    folder = await stat(dirname(path));
  } catch (error) {
    if (errnoCode(error) === 'ENOTDIR') throw refused(throughFile(shown));
    if (errnoCode(error) === 'ENOENT')
      throw refused(`The folder of the output path ${shown} does not exist; create it first.`);
    throw failed(shown, error);
  }
  if (!folder.isDirectory()) throw refused(throughFile(shown));
}

/** `what` starts the sentence: "Report", "Client report". */
export async function writeOutputFile(
  path: string,
  content: string,
  what = 'Report',
): Promise<OutputWritten> {
  const shown = `"${terminalText(path)}"`;
  if (path === '') throw refused(EMPTY_PATH);
  const entry = await lstatOrNull(path, shown);
  if (entry === null) {
    await replace(path, content, shown);
    return `${what} written to ${shown}.`;
  }
  if (!entry.isSymbolicLink()) return writeEntry(path, entry, content, shown, shown, what);

  // A symbolic link: write what it points to (stat follows every link), and leave the link itself alone.
  let target: Stats;
  try {
    target = await stat(path);
  } catch (error) {
    throw refused(danglingLink(shown, error));
  }
  if (target.isFile()) {
    const resolved = await realpath(path);
    const resolvedShown = `"${terminalText(resolved)}"`;
    await replace(resolved, content, resolvedShown);
    return `${what} written to ${resolvedShown}, the file the symbolic link ${shown} points to; the link was kept.`;
  }
  return writeEntry(path, target, content, shown, `${shown} (through its symbolic link)`, what);
}

async function writeEntry(
  path: string,
  entry: Stats,
  content: string,
  shown: string,
  described: string,
  what: string,
): Promise<OutputWritten> {
  if (entry.isFile()) {
    await replace(path, content, shown);
    return `${what} written to ${described}.`;
  }
  if (entry.isDirectory()) throw refused(isFolder(shown));
  if (entry.isCharacterDevice() || entry.isFIFO()) {
    await writeThrough(path, content, shown);
    return `${what} written to ${described}, ${entry.isFIFO() ? 'a named pipe' : 'a device'}, as it is (not replaced).`;
  }
  // A block device is a disk or a partition: writing a report over its first bytes would destroy it.
  throw refused(notRegular(shown, entry));
}

async function lstatOrNull(path: string, shown: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    if (errnoCode(error) === 'ENOTDIR') throw refused(throughFile(shown));
    throw failed(shown, error);
  }
}

/** A device or FIFO: opened for writing only, without O_CREAT or O_TRUNC, so nothing is made or replaced. */
async function writeThrough(path: string, content: string, shown: string): Promise<void> {
  try {
    const handle = await open(path, constants.O_WRONLY | constants.O_NOCTTY);
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw failed(shown, error);
  }
}

async function replace(path: string, content: string, shown: string): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    if (errnoCode(error) === 'ENOTDIR' || errnoCode(error) === 'EEXIST') throw refused(throughFile(shown));
    if (errnoCode(error) === 'EISDIR') throw refused(isFolder(shown));
    throw failed(shown, error);
  }
}

function refused(message: string): MailwardenError {
  return new MailwardenError('INVALID_INPUT', message);
}

/** The system's reason is a code (ENOSPC, EACCES), never its message, which could echo the path raw. */
function failed(shown: string, error: unknown): MailwardenError {
  return new MailwardenError(
    'STORAGE_FAILED',
    `Could not write the report to ${shown} (${errnoCode(error)}). The report was not saved.`,
  );
}

function errnoCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'unknown error';
}
