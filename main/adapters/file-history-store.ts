/**
 * Audit history as one file per run: history/<startedAt>-<runId>.json, each a versioned document.
 *
 * Each file is written atomically (temp file, fsync, rename), so a crash loses at most the run being
 * saved and never leaves half a file under a listed name. There is no index to drift out of step: the
 * list is the folder itself. An unreadable file is moved to history/corrupt/ and reported; a file from
 * a newer Mailwarden is left where it is and reported.
 *
 * Listing needs only each run's summary, but a run file with its evidence is large (~150 KiB), so the
 * summaries are remembered per file name, size and modification time: a file written, replaced or
 * damaged since is read again, and the folder stays the only source of truth.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  HistoryEntry,
  HistoryProblem,
  HistoryRunSummary,
  HistoryTarget,
} from '../../preload/contract/history';
import type { AnalysisEntry, AnalysisRunSummary } from '../../preload/contract/message-check';
import type { ProofEntry, ProofRunSummary } from '../../preload/contract/proof';
import { MailwardenError } from '../core/errors/mailwarden-error';
import { ANALYSIS_FORMAT } from '../core/history/analysis-document';
import {
  HISTORY_FORMAT,
  RUN_ID_PATTERN,
  type HistoryFormat,
  type StoredFormat,
} from '../core/history/history-document';
import type { HistoryStore } from '../core/history/history-port';
import { PROOF_FORMAT } from '../core/history/proof-document';
import { summarizeAnalysis } from '../core/history/summarize-analysis';
import { summarizeProof } from '../core/history/summarize-proof';
import { summarizeRun } from '../core/history/summarize-run';
import { PRIVATE_DIR_MODE, writeFileAtomic } from './atomic-file';
import { readRegularFileBounded, type BoundedRead } from './bounded-read';

export const CORRUPT_DIR_NAME = 'corrupt';

/** A full report with its transcript is well under this; anything larger is not a file we wrote. */
const MAX_RUN_FILE_BYTES = 32 * 1024 * 1024;
/** A temp file this old belongs to a save that crashed (a live save takes milliseconds). */
const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

/** `2026-11-27T23-32-29-123Z-<runId>.json`: the ISO start time with ':' and '.' made file-name safe. */
const RUN_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([A-Za-z0-9-]{1,64})\.json$/;
/**
 * `<analysedAt>-<runId>.analysis.json`: a checked message. The dot before "analysis" keeps it out of
 * RUN_FILE_PATTERN, so Mailwarden versions from before analyses neither list nor move these files.
 */
const ANALYSIS_FILE_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([A-Za-z0-9-]{1,64})\.analysis\.json$/;
/** `<provedAt>-<runId>.proof.json`: a test message's run, kept out of RUN_FILE_PATTERN the same way. */
const PROOF_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([A-Za-z0-9-]{1,64})\.proof\.json$/;
const TEMP_FILE_PATTERN = /^\..+\.tmp$/;

type RunLoad<T = HistoryEntry> =
  | { readonly kind: 'loaded'; readonly entry: T }
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly movedTo: string; readonly reason: string }
  | { readonly kind: 'too-new'; readonly version: number };

export interface FileHistoryStoreOptions {
  readonly now?: () => Date;
  /** The document format; tests pass a later version to prove older files migrate. */
  readonly format?: HistoryFormat;
}

/** What listing learns of one file: its summary, or why there is none. */
type SummaryLoad<S> =
  Exclude<RunLoad, { readonly kind: 'loaded' }> | { readonly kind: 'summary'; readonly summary: S };

interface RememberedSummary<S> {
  readonly size: number;
  readonly mtimeMs: number;
  readonly summary: S;
}

/** One kind of stored document: its file names, its format and its list line. */
interface DocumentKind<T, S> {
  readonly pattern: RegExp;
  readonly format: StoredFormat<T>;
  readonly runIdOf: (entry: T) => string;
  readonly summarize: (entry: T) => S;
  readonly summaries: Map<string, RememberedSummary<S>>;
}

export function createFileHistoryStore(dir: string, options: FileHistoryStoreOptions = {}): HistoryStore {
  const now = options.now ?? (() => new Date());
  const format = options.format ?? HISTORY_FORMAT;
  const corruptDir = join(dir, CORRUPT_DIR_NAME);
  const audits: DocumentKind<HistoryEntry, HistoryRunSummary> = {
    pattern: RUN_FILE_PATTERN,
    format,
    runIdOf: (entry) => entry.runId,
    summarize: summarizeRun,
    summaries: new Map(),
  };
  const analyses: DocumentKind<AnalysisEntry, AnalysisRunSummary> = {
    pattern: ANALYSIS_FILE_PATTERN,
    format: ANALYSIS_FORMAT,
    runIdOf: (entry) => entry.runId,
    summarize: summarizeAnalysis,
    summaries: new Map(),
  };
  const proofs: DocumentKind<ProofEntry, ProofRunSummary> = {
    pattern: PROOF_FILE_PATTERN,
    format: PROOF_FORMAT,
    runIdOf: (entry) => entry.runId,
    summarize: summarizeProof,
    summaries: new Map(),
  };

  /** The document's summary: remembered when the file is unchanged, else read (and judged) afresh. */
  async function summaryOf<T, S>(
    kind: DocumentKind<T, S>,
    name: string,
    runId: string,
  ): Promise<SummaryLoad<S>> {
    const summaries = kind.summaries;
    let info: { size: number; mtimeMs: number };
    try {
      info = await stat(join(dir, name));
    } catch (error) {
      summaries.delete(name);
      if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
      throw storageFailed('read', error, dir);
    }
    const known = summaries.get(name);
    if (known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs)
      return { kind: 'summary', summary: known.summary };
    summaries.delete(name);
    const loaded = await load(kind, name, runId);
    if (loaded.kind !== 'loaded') return loaded;
    const summary = kind.summarize(loaded.entry);
    summaries.set(name, { size: info.size, mtimeMs: info.mtimeMs, summary });
    return { kind: 'summary', summary };
  }

  /** Our files of one kind, newest first (the start time leads the name, so names sort by time). */
  async function runFiles(pattern: RegExp = RUN_FILE_PATTERN): Promise<{ name: string; runId: string }[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw storageFailed('read', error, dir);
    }
    await removeStaleTemps(names.filter((name) => TEMP_FILE_PATTERN.test(name)));
    const files: { name: string; runId: string }[] = [];
    for (const name of names) {
      const runId = pattern.exec(name)?.[2];
      if (runId !== undefined) files.push({ name, runId });
    }
    return files.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  }

  /** Temp files left by a crashed save; young ones may be another process saving right now. */
  async function removeStaleTemps(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const path = join(dir, name);
      try {
        const info = await stat(path);
        if (now().getTime() - info.mtimeMs > STALE_TEMP_AGE_MS) await rm(path, { force: true });
      } catch {
        // Gone already (its save finished or another process cleaned it): nothing to do.
      }
    }
  }

  async function moveAside(name: string, reason: string): Promise<RunLoad<never>> {
    await mkdir(corruptDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    let movedTo = join(corruptDir, name);
    if (await exists(movedTo)) movedTo = `${movedTo}.${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(join(dir, name), movedTo);
    } catch (error) {
      // Another window or the CLI moved (or deleted) it a moment ago: it is no longer ours to report.
      if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
      throw storageFailed('read', error, dir);
    }
    return { kind: 'corrupt', movedTo, reason };
  }

  async function load<T, S>(kind: DocumentKind<T, S>, name: string, runId: string): Promise<RunLoad<T>> {
    const format = kind.format;
    let read: BoundedRead;
    try {
      // Judged before reading: a link to /dev/zero or a FIFO would otherwise grow or block forever.
      read = await readRegularFileBounded(join(dir, name), MAX_RUN_FILE_BYTES);
    } catch (error) {
      throw storageFailed('read', error, dir);
    }
    // Deleted between the listing and the read (another window, the CLI): simply not there.
    if (read.kind === 'missing') return { kind: 'missing' };
    if (read.kind === 'not-regular') return moveAside(name, `it is ${read.what}, not a regular file`);
    if (read.kind === 'too-large')
      return moveAside(name, `it is larger than ${String(MAX_RUN_FILE_BYTES)} bytes`);
    const raw = read.bytes;
    let document: unknown;
    try {
      document = JSON.parse(raw.toString('utf8'));
    } catch {
      return moveAside(name, 'it is not valid JSON');
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document))
      return moveAside(name, 'it does not hold a JSON object');
    const { schemaVersion, ...fields } = document as Record<string, unknown>;
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
      return moveAside(name, 'it has no valid schemaVersion');
    if (schemaVersion > format.currentVersion) return { kind: 'too-new', version: schemaVersion };

    let migrated: Record<string, unknown> = fields;
    for (let version = schemaVersion; version < format.currentVersion; version += 1) {
      const migrate = format.migrations[version];
      if (migrate === undefined)
        return moveAside(name, `no migration from schema version ${String(version)}`);
      migrated = migrate(migrated);
    }
    const parsed = format.parse(migrated);
    if (!parsed.ok) return moveAside(name, parsed.reason);
    if (kind.runIdOf(parsed.value) !== runId)
      return moveAside(name, 'its run id does not match its file name');
    return { kind: 'loaded', entry: parsed.value };
  }

  /** Writes one document under its name, atomically. */
  async function write(name: string, document: object): Promise<void> {
    try {
      await writeFileAtomic(join(dir, name), `${JSON.stringify(document, null, 2)}\n`);
    } catch (error) {
      throw storageFailed('write', error, dir);
    }
  }

  /** `<stamp>-<runId><ending>`, refused unless both parts are safe in a file name. */
  function fileName(runId: string, at: string, ending: string, pattern: RegExp, what: string): string {
    if (!RUN_ID_PATTERN.test(runId))
      throw new MailwardenError('INVALID_INPUT', 'A run id is letters, digits and dashes only.');
    const name = `${at.replace(/[:.]/g, '-')}-${runId}${ending}`;
    if (!pattern.test(name))
      throw new MailwardenError('INVALID_INPUT', `The ${what} has no valid time to file it under.`);
    return name;
  }

  /** Lists one kind of document: summaries, and a problem for each file that could not be read. */
  async function listKind<T, S>(
    kind: DocumentKind<T, S>,
    problems: HistoryProblem[],
    wanted: (summary: S) => boolean,
  ): Promise<S[]> {
    const listed: S[] = [];
    const files = await runFiles(kind.pattern);
    const present = new Set(files.map((file) => file.name));
    for (const name of kind.summaries.keys()) if (!present.has(name)) kind.summaries.delete(name);
    for (const { name, runId } of files) {
      const loaded = await summaryOf(kind, name, runId);
      switch (loaded.kind) {
        case 'missing':
          break;
        case 'corrupt':
          problems.push({ kind: 'corrupt', file: name, movedTo: loaded.movedTo, reason: loaded.reason });
          break;
        case 'too-new':
          problems.push({ kind: 'too-new', file: name, version: loaded.version });
          break;
        case 'summary':
          if (wanted(loaded.summary)) listed.push(loaded.summary);
      }
    }
    return listed;
  }

  /** One stored document by run id, or null; STORAGE_CORRUPT or STORAGE_TOO_NEW when it cannot be read. */
  async function getKind<T, S>(kind: DocumentKind<T, S>, runId: string): Promise<T | null> {
    if (!RUN_ID_PATTERN.test(runId)) return null;
    const file = (await runFiles(kind.pattern)).find((candidate) => candidate.runId === runId);
    if (file === undefined) return null;
    const loaded = await load(kind, file.name, runId);
    switch (loaded.kind) {
      case 'loaded':
        return loaded.entry;
      case 'missing':
        return null;
      case 'corrupt':
        throw new MailwardenError(
          'STORAGE_CORRUPT',
          `The stored run ${runId} was unreadable (${loaded.reason}); it has been moved to ${loaded.movedTo}.`,
        );
      case 'too-new':
        throw new MailwardenError(
          'STORAGE_TOO_NEW',
          `The stored run ${runId} was saved by a newer Mailwarden (history format ${String(loaded.version)}); update Mailwarden to open it.`,
        );
    }
  }

  return {
    location: dir,

    async save(entry) {
      const name = fileName(entry.runId, entry.report.startedAt, '.json', RUN_FILE_PATTERN, 'report');
      await write(name, {
        schemaVersion: format.currentVersion,
        runId: entry.runId,
        accountId: entry.accountId,
        report: entry.report,
      });
    },

    async saveAnalysis(entry) {
      const name = fileName(
        entry.runId,
        entry.analysis.analysedAt,
        '.analysis.json',
        ANALYSIS_FILE_PATTERN,
        'analysis',
      );
      await write(name, {
        schemaVersion: ANALYSIS_FORMAT.currentVersion,
        runId: entry.runId,
        analysis: entry.analysis,
      });
    },

    async saveProof(entry) {
      const name = fileName(
        entry.runId,
        entry.proof.provedAt,
        '.proof.json',
        PROOF_FILE_PATTERN,
        'test message',
      );
      await write(name, {
        schemaVersion: PROOF_FORMAT.currentVersion,
        runId: entry.runId,
        accountId: entry.accountId,
        proof: entry.proof,
      });
    },

    async list(filter = {}) {
      const problems: HistoryProblem[] = [];
      const target = filter.target;
      const runs = await listKind(
        audits,
        problems,
        (summary) => target === undefined || matches(summary, target),
      );
      const checked = await listKind(
        analyses,
        problems,
        (summary) => target === undefined || fromDomainMatches(summary, target),
      );
      const proved = await listKind(
        proofs,
        problems,
        (summary) => target === undefined || proofMatches(summary, target),
      );
      return { runs, analyses: checked, proofs: proved, problems };
    },

    get: (runId) => getKind(audits, runId),

    getAnalysis: (runId) => getKind(analyses, runId),

    getProof: (runId) => getKind(proofs, runId),

    async delete(runId) {
      if (!RUN_ID_PATTERN.test(runId)) return false;
      const files = [
        ...(await runFiles(RUN_FILE_PATTERN)),
        ...(await runFiles(ANALYSIS_FILE_PATTERN)),
        ...(await runFiles(PROOF_FILE_PATTERN)),
      ].filter((candidate) => candidate.runId === runId);
      for (const file of files) {
        audits.summaries.delete(file.name);
        analyses.summaries.delete(file.name);
        proofs.summaries.delete(file.name);
        try {
          await rm(join(dir, file.name));
        } catch (error) {
          if (errnoCode(error) !== 'ENOENT') throw storageFailed('delete', error, dir);
        }
      }
      return files.length > 0;
    },
  };
}

/** A checked message belongs to a domain when its From domain is that domain; never to an account. */
function fromDomainMatches(summary: AnalysisRunSummary, target: HistoryTarget): boolean {
  if (target.kind === 'account') return false;
  return summary.fromDomain !== null && normalizeName(summary.fromDomain) === normalizeName(target.domain);
}

/** A proof run belongs to its account, and to the domain of the address it was sent from. */
function proofMatches(summary: ProofRunSummary, target: HistoryTarget): boolean {
  if (target.kind === 'account') return summary.accountId === target.accountId;
  const domain = summary.email.slice(summary.email.lastIndexOf('@') + 1);
  return normalizeName(domain) === normalizeName(target.domain);
}

/** An account's runs by account id; a domain's by the audited domain or, for an ad hoc server, its host. */
function matches(run: HistoryRunSummary, target: HistoryTarget): boolean {
  if (target.kind === 'account') return run.accountId === target.accountId;
  const wanted = normalizeName(target.domain);
  const { domain, host } = run.target;
  return (
    (domain !== null && normalizeName(domain) === wanted) || (host !== null && normalizeName(host) === wanted)
  );
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The OS error code (ENOSPC, EACCES...) says what to fix; the rest of its text is not needed. */
function storageFailed(action: 'read' | 'write' | 'delete', error: unknown, dir: string): MailwardenError {
  const code = errnoCode(error) ?? 'unknown error';
  const verb = action === 'write' ? 'save to' : action === 'read' ? 'read' : 'delete from';
  return new MailwardenError(
    'STORAGE_FAILED',
    `Mailwarden could not ${verb} the audit history in ${dir} (${code}).`,
  );
}

function errnoCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
