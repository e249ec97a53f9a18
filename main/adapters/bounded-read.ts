/**
 * Reads a data file only when it is a regular file of a sane size, and never more than that size.
 *
 * `readFile` on a symbolic link to /dev/zero grows without end, on a FIFO waits for a writer forever, and on
 * a 500 MB file allocates all of it before any size check. Here the file is opened without blocking
 * (O_NONBLOCK, so opening a FIFO returns at once), judged by fstat on that same open handle (no race with a
 * rename in between), and read up to the limit plus one byte, so a file that grows while read is caught too.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type BoundedRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  /** A device, FIFO, socket or folder: `what` says which, for a message. */
  | { readonly kind: 'not-regular'; readonly what: string }
  | { readonly kind: 'too-large'; readonly maxBytes: number };

export async function readRegularFileBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
    // open(2) on a folder with O_RDONLY succeeds on Linux; EISDIR comes from other systems.
    if (errnoCode(error) === 'EISDIR') return { kind: 'not-regular', what: 'a folder' };
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'not-regular', what: kindOf(info) };
    if (info.size > maxBytes) return { kind: 'too-large', maxBytes };
    // One byte more than the file should hold shows whether it grew since fstat.
    let buffer = Buffer.alloc(info.size + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) return { kind: 'too-large', maxBytes };
        const grown = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) return { kind: 'read', bytes: buffer.subarray(0, filled) };
      filled += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
