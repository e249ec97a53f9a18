/**
 * Which catalogue findings no integration test produced, judged only on a run that included them all.
 *
 * A finding no real check produces in the suite has words nobody has seen filled by real evidence: the
 * wording guard cannot vouch for it. Some cannot be produced on loopback at all (a public-internet
 * rule, a cancelled run); those sit in NEVER_PRODUCED_HERE with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What one integration test file reported when it ended. */
export interface LedgerEntry {
  /** Relative to the repository, with forward slashes: "test/integration/cli/audit.test.ts". */
  readonly file: string;
  /** Every test in the file ran and passed: its ids are all the file can produce. */
  readonly complete: boolean;
  readonly producedIds: readonly string[];
}

export type CoverageVerdict =
  | { readonly kind: 'partial-run'; readonly missingFiles: readonly string[] }
  | {
      readonly kind: 'full-run';
      /** In the catalogue, produced by no test and not in the allowlist. */
      readonly neverProduced: readonly string[];
      /** In the allowlist, yet a test produced them (or no longer in the catalogue): shrink the list. */
      readonly staleAllowlist: readonly string[];
    };

/** Every integration test file under `root`, relative to the repository. */
export function integrationTestFiles(repositoryDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.test.ts') ? [relative(repositoryDir, path).split('\\').join('/')] : [];
    });
  return walk(join(repositoryDir, 'test', 'integration')).sort();
}

export function readLedger(ledgerDir: string): LedgerEntry[] {
  return readdirSync(ledgerDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(ledgerDir, name), 'utf8')) as LedgerEntry);
}

export function judgeCoverage(
  ledger: readonly LedgerEntry[],
  allIntegrationFiles: readonly string[],
  catalogueIds: readonly string[],
  allowlist: ReadonlyMap<string, string>,
): CoverageVerdict {
  const completeFiles = new Set(ledger.filter((entry) => entry.complete).map((entry) => entry.file));
  const missingFiles = allIntegrationFiles.filter((file) => !completeFiles.has(file));
  if (missingFiles.length > 0) return { kind: 'partial-run', missingFiles };
  const produced = new Set(ledger.flatMap((entry) => entry.producedIds));
  const catalogue = new Set(catalogueIds);
  return {
    kind: 'full-run',
    neverProduced: catalogueIds.filter((id) => !produced.has(id) && !allowlist.has(id)),
    staleAllowlist: [...allowlist.keys()].filter((id) => produced.has(id) || !catalogue.has(id)),
  };
}
