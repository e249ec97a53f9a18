/**
 * The on-disk format of client-runs.json, version by version.
 *
 * Version 1: `{ schemaVersion: 1, runs: ClientRun[] }`, oldest first. Each run keeps its summary (grade,
 * worst severity, problem count per account), so the client page lists runs without opening every
 * report. Add a migration here before changing the shape; never edit what an older version meant.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import type { ClientRun } from '../../../preload/contract/clients';
import { SEVERITIES } from '../../../preload/contract/findings';
import { GRADES } from '../../../preload/contract/score';

export const CLIENT_RUNS_FILE_NAME = 'client-runs.json';
export const CLIENT_RUNS_LOCK_FILE_NAME = 'client-runs.json.lock';
export const CLIENT_RUNS_SCHEMA_VERSION = 1;

/**
 * Runs kept in all: the oldest go first beyond this. At a client run a day for ten clients that is
 * over four months, and the file stays well under a megabyte; every account's own runs stay in history/.
 */
export const CLIENT_RUNS_KEPT = 1_000;

export interface ClientRunsDocument {
  /** Oldest first, as they were recorded. */
  readonly runs: readonly ClientRun[];
}

const text = (max: number) => z.string().max(max);

const clientRunAccount = z.strictObject({
  accountId: text(200),
  label: text(200),
  outcome: z.enum(['done', 'cancelled', 'failed', 'skipped']),
  runId: text(200).nullable(),
  grade: z.enum(GRADES).nullable(),
  worst: z.enum(SEVERITIES).nullable(),
  problems: z.number().int().min(0),
  message: text(2_000).nullable(),
});

const clientRun = z.strictObject({
  id: text(200),
  client: text(200),
  startedAt: text(40),
  finishedAt: text(40),
  accounts: z.array(clientRunAccount).max(10_000),
});

const clientRunsDocument = z.strictObject({ runs: z.array(clientRun).max(CLIENT_RUNS_KEPT) });

export const CLIENT_RUNS_FORMAT = {
  currentVersion: CLIENT_RUNS_SCHEMA_VERSION,
  migrations: {},
  parse(
    fields: Record<string, unknown>,
  ): { ok: true; value: ClientRunsDocument } | { ok: false; reason: string } {
    const result = clientRunsDocument.safeParse(fields);
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the client runs format${where}` };
  },
};
