/**
 * A lock file shared by every Mailwarden process that writes one data folder.
 *
 * Taking it is link(2) of a fully written temporary file onto the lock path: link fails with EEXIST
 * when the lock exists, atomically, and the lock never exists half-written. The file names the holder
 * (host, pid) and what it is doing, so a lock left by a process that died is recognised and its
 * half-done change handed to the next holder to finish or undo.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { MailwardenError } from '../core/errors/mailwarden-error';
import type { AccountsIntent, ExclusiveLock } from '../core/ports';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-file';

/** How long to wait for another process before giving up; a keychain operation takes milliseconds. */
const ACQUIRE_TIMEOUT_MS = 30_000;
const RETRY_MIN_MS = 5;
const RETRY_MAX_MS = 50;
/** A lock from another host cannot be checked by pid; after this long its holder is taken to be gone. */
const FOREIGN_HOST_STALE_MS = 10 * 60_000;

interface LockOwner {
  readonly host: string;
  readonly pid: number;
  readonly since: string;
  readonly intent: AccountsIntent;
}

export interface FileLockOptions {
  readonly timeoutMs?: number;
}

export function createFileLock(path: string, options: FileLockOptions = {}): ExclusiveLock {
  const timeoutMs = options.timeoutMs ?? ACQUIRE_TIMEOUT_MS;

  async function acquire(
    intent: AccountsIntent,
  ): Promise<{ ino: number; interrupted: AccountsIntent | null }> {
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    const owner: LockOwner = { host: hostname(), pid: process.pid, since: new Date().toISOString(), intent };
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
    } finally {
      await handle.close();
    }
    const deadline = Date.now() + timeoutMs;
    let interrupted: AccountsIntent | null = null;
    try {
      for (;;) {
        try {
          await link(temp, path);
          return { ino: (await stat(path)).ino, interrupted };
        } catch (error) {
          if (errnoCode(error) !== 'EEXIST') throw error;
        }
        const held = await readHolder();
        if (held !== null && isStale(held.owner)) {
          const broken = await breakStale(held.ino);
          if (broken !== null) interrupted = broken.intent;
          continue;
        }
        if (Date.now() > deadline) throw busy(held?.owner ?? null);
        await sleep(RETRY_MIN_MS + Math.random() * (RETRY_MAX_MS - RETRY_MIN_MS));
      }
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  /** The lock file's holder and inode; null when it vanished or cannot be read (being replaced). */
  async function readHolder(): Promise<{ owner: LockOwner | null; ino: number } | null> {
    try {
      const ino = (await stat(path)).ino;
      return { owner: parseOwner(await readFile(path, 'utf8')), ino };
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Moves a dead holder's lock aside and returns its owner.
   *
   * Two waiters may find the same stale lock. Each renames it to a name of its own first and checks the
   * inode: only the one that moved the stale file deletes it; one that moved a newer, live lock puts it
   * back (link again, which cannot overwrite a lock taken meanwhile).
   */
  async function breakStale(staleIno: number): Promise<LockOwner | null> {
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    try {
      await rename(path, aside);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      if ((await stat(aside)).ino !== staleIno) {
        await link(aside, path).catch(() => undefined);
        return null;
      }
      return parseOwner(await readFile(aside, 'utf8'));
    } finally {
      await unlink(aside).catch(() => undefined);
    }
  }

  async function release(ino: number): Promise<void> {
    // Only our own lock: never delete one another process took after ours was (wrongly) broken.
    const current = await stat(path).catch(() => null);
    if (current?.ino === ino) await unlink(path).catch(() => undefined);
  }

  function busy(owner: LockOwner | null): MailwardenError {
    const who = owner === null ? 'Another Mailwarden' : `Another Mailwarden (process ${owner.pid})`;
    return new MailwardenError(
      'STORAGE_FAILED',
      `${who} has been changing your accounts for over ${Math.round(timeoutMs / 1000)} seconds, so this one gave up. ` +
        `Try again when it has finished. If no Mailwarden is running, delete ${path}.`,
    );
  }

  return {
    async hold(intent, operation) {
      const { ino, interrupted } = await acquire(intent);
      try {
        return await operation(interrupted);
      } finally {
        await release(ino);
      }
    },
  };
}

/** True when the holder is certainly gone: a dead pid on this host, or a lock from elsewhere left for long. */
function isStale(owner: LockOwner | null): boolean {
  // Unreadable content cannot come from us (the file is complete before it is linked): someone's mess.
  if (owner === null) return true;
  if (owner.host !== hostname()) return Date.now() - Date.parse(owner.since) > FOREIGN_HOST_STALE_MS;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoCode(error) === 'ESRCH';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (
      typeof value?.host !== 'string' ||
      typeof value.pid !== 'number' ||
      !Number.isSafeInteger(value.pid) ||
      value.pid <= 0 ||
      typeof value.since !== 'string' ||
      !isIntent(value.intent)
    )
      return null;
    return { host: value.host, pid: value.pid, since: value.since, intent: value.intent };
  } catch {
    return null;
  }
}

function isIntent(value: unknown): value is AccountsIntent {
  if (typeof value !== 'object' || value === null) return false;
  const { op, accountId } = value as { op?: unknown; accountId?: unknown };
  if (op === 'read' || op === 'write') return true;
  return (op === 'add' || op === 'remove') && typeof accountId === 'string' && accountId !== '';
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
