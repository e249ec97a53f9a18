/**
 * A small versioned JSON document on disk: `{ "schemaVersion": N, ...fields }`.
 *
 * Loading migrates older versions step by step, refuses to touch a document from a newer Mailwarden,
 * and moves an unreadable one aside (never deletes it) so the user can recover it.
 */
import { rename } from 'node:fs/promises';
import type { DocumentLoad, DocumentStore } from '../core/ports';
import { writeFileAtomic } from './atomic-file';
import { readRegularFileBounded } from './bounded-read';

export interface DocumentFormat<T> {
  readonly currentVersion: number;
  /** Upgrades `fields` written at `fromVersion` to `fromVersion + 1`. One entry per older version. */
  readonly migrations: Readonly<Record<number, (fields: Record<string, unknown>) => Record<string, unknown>>>;
  /** Checks the current-version fields; returns the value or a sentence saying what is wrong. */
  parse(fields: Record<string, unknown>): { ok: true; value: T } | { ok: false; reason: string };
}

/** Enough for thousands of accounts; anything larger is not a file we wrote. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function createJsonDocumentStore<T>(
  path: string,
  format: DocumentFormat<T>,
  now: () => Date = () => new Date(),
): DocumentStore<T> {
  async function moveAside(reason: string): Promise<DocumentLoad<T>> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const movedTo = `${path}.corrupt-${stamp}`;
    await rename(path, movedTo);
    return { kind: 'corrupt', movedTo, reason };
  }

  async function load(): Promise<DocumentLoad<T>> {
    // Judged before reading: a link to /dev/zero or a FIFO would otherwise grow or block forever.
    const read = await readRegularFileBounded(path, MAX_DOCUMENT_BYTES);
    if (read.kind === 'missing') return { kind: 'missing' };
    if (read.kind === 'not-regular') return moveAside(`it is ${read.what}, not a regular file`);
    if (read.kind === 'too-large') return moveAside(`it is larger than ${MAX_DOCUMENT_BYTES} bytes`);
    const raw = read.bytes;

    let document: unknown;
    try {
      document = JSON.parse(raw.toString('utf8'));
    } catch {
      return moveAside('it is not valid JSON');
    }
    if (!isPlainObject(document)) return moveAside('it does not hold a JSON object');

    const { schemaVersion, ...fields } = document;
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
      return moveAside('it has no valid schemaVersion');
    }
    if (schemaVersion > format.currentVersion) return { kind: 'too-new', version: schemaVersion };

    let migrated: Record<string, unknown> = fields;
    for (let version = schemaVersion; version < format.currentVersion; version += 1) {
      const migrate = format.migrations[version];
      if (migrate === undefined) return moveAside(`no migration from schema version ${version}`);
      migrated = migrate(migrated);
    }
    const parsed = format.parse(migrated);
    return parsed.ok ? { kind: 'loaded', value: parsed.value } : moveAside(parsed.reason);
  }

  async function save(value: T): Promise<void> {
    const document = { schemaVersion: format.currentVersion, ...(value as object) };
    await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
  }

  return { path, load, save };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
