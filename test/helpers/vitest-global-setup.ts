/**
 * Vitest's global setup: the run's private temporary folder (see private-tmpdir.ts), and at the end of a
 * run that included every integration test file, the catalogue coverage check (catalogue-coverage.ts).
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FINDINGS_CATALOGUE } from '../../main/core/knowledge/catalogue';
import { usePrivateTmpdir } from './private-tmpdir';
import {
  integrationTestFiles,
  judgeCoverage,
  readLedger,
  type CoverageVerdict,
} from './wording-guard/catalogue-coverage';
import { NEVER_PRODUCED_HERE, NOT_YET_PRODUCED } from './wording-guard/never-produced-here';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each integration test file writes the finding ids it produced (wording-guard-setup.ts). */
    findingLedgerDir: string;
  }
}

let release: (() => Promise<void>) | undefined;
let ledgerDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  release = await usePrivateTmpdir('mailwarden-vitest-');
  ledgerDir = await mkdtemp(join(tmpdir(), 'finding-ledger-'));
  project.provide('findingLedgerDir', ledgerDir);
}

export async function teardown(): Promise<void> {
  try {
    if (ledgerDir !== undefined) writeCoverageReport(ledgerDir);
    if (ledgerDir !== undefined) failOnUncoveredFindings(coverageOf(ledgerDir));
  } finally {
    await release?.();
  }
}

function coverageOf(dir: string): CoverageVerdict {
  return judgeCoverage(
    readLedger(dir),
    integrationTestFiles(process.cwd()),
    [...FINDINGS_CATALOGUE.keys()],
    new Map([...NEVER_PRODUCED_HERE, ...NOT_YET_PRODUCED]),
  );
}

/**
 * With MAILWARDEN_COVERAGE_REPORT=<file>, what this run produced, whole or not: for filling the allowlist
 * after a run whose failures would otherwise keep the coverage check silent.
 */
function writeCoverageReport(dir: string): void {
  const out = process.env['MAILWARDEN_COVERAGE_REPORT'];
  if (out === undefined || out === '') return;
  const ledger = readLedger(dir);
  const produced = new Set(ledger.flatMap((entry) => entry.producedIds));
  const report = {
    incompleteFiles: ledger.filter((entry) => !entry.complete).map((entry) => entry.file),
    neverProduced: [...FINDINGS_CATALOGUE.keys()].filter((id) => !produced.has(id)),
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
}

/** Silent on a partial run: a run of some files cannot say what the whole suite leaves out. */
function failOnUncoveredFindings(verdict: CoverageVerdict): void {
  if (verdict.kind === 'partial-run') return;
  const problems = [
    ...verdict.neverProduced.map(
      (id) => `  - ${id}: no integration test produced it (test it, or allowlist it with the reason)`,
    ),
    ...verdict.staleAllowlist.map(
      (id) => `  - ${id}: allowlisted as never produced here, yet a test produced it or it is gone`,
    ),
  ];
  if (problems.length === 0) return;
  // Vitest prints an error thrown here but keeps the exit code of the tests; the run must fail.
  process.exitCode = 1;
  throw new Error(
    `Catalogue coverage (test/helpers/wording-guard/never-produced-here.ts):\n${problems.join('\n')}`,
  );
}
