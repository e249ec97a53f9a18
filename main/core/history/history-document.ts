/**
 * The on-disk format of one stored run (history/<startedAt>-<runId>.json), version by version.
 *
 * Version 1: `{ schemaVersion: 1, runId, accountId, report: AuditReport }`; the report inside is report
 * version 1 or 2 (assemble-report.ts upgrades a version 1 report when it is read). Add a migration here before
 * changing the shape; never edit what an older version meant. The report is checked for the fields
 * Mailwarden reads back (target, times, findings, transcript) and kept whole otherwise, so fields a
 * later report version adds survive a round trip.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import { upgradeReport, type LegacyReport } from '../audit/assemble-report';
import type { AuditReport } from '../../../preload/contract/audit';
import type { HistoryEntry } from '../../../preload/contract/history';
import { SEVERITIES } from '../../../preload/contract/findings';

export const HISTORY_DIR_NAME = 'history';
export const HISTORY_SCHEMA_VERSION = 1;

/** Run ids are UUIDs; anything else could name a path outside the history folder. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** A finding as stored: checked for the fields Mailwarden reads back (audits and analyses alike). */
export const storedFinding = z.looseObject({
  id: z.string(),
  checkId: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  explanation: z.string(),
  fix: z.looseObject({ steps: z.array(z.string()) }),
  references: z.array(z.looseObject({ label: z.string(), url: z.string() })),
});

const report = z.looseObject({
  schemaVersion: z.number().int().min(1),
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  target: z.looseObject({
    kind: z.enum(['account', 'server', 'domain']),
    label: z.string(),
    domain: z.string().nullable(),
    host: z.string().nullable(),
    port: z.number().nullable(),
    security: z.string().nullable(),
  }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  cancelled: z.boolean(),
  findings: z.array(storedFinding),
  transcript: z.array(
    z.looseObject({
      at: z.string(),
      elapsedMs: z.number(),
      direction: z.enum(['client', 'server', 'event']),
      connection: z.string(),
      text: z.string(),
    }),
  ),
});

const historyDocument = z.strictObject({
  runId: z.string().regex(RUN_ID_PATTERN),
  accountId: z.string().max(64).nullable(),
  report,
});

/** How a stored document is read: the current version, one migration per older version, and the check. */
export interface StoredFormat<T> {
  readonly currentVersion: number;
  /** Upgrades fields written at `fromVersion` to `fromVersion + 1`. */
  readonly migrations: Readonly<Record<number, (fields: Record<string, unknown>) => Record<string, unknown>>>;
  parse(fields: Record<string, unknown>): { ok: true; value: T } | { ok: false; reason: string };
}

/** How a stored audit run is read. */
export type HistoryFormat = StoredFormat<HistoryEntry>;

export const HISTORY_FORMAT: HistoryFormat = {
  currentVersion: HISTORY_SCHEMA_VERSION,
  migrations: {},
  parse(fields) {
    const result = historyDocument.safeParse(fields);
    if (result.success) {
      const { runId, accountId } = result.data;
      // Checked above for every field Mailwarden reads; the rest is carried through untouched.
      // A version 1 report is scored again and given its fix plan, so every screen reads one shape.
      const report = upgradeReport(result.data.report as unknown as AuditReport | LegacyReport);
      return { ok: true, value: { runId, accountId, report } };
    }
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the history format${where}` };
  },
};
