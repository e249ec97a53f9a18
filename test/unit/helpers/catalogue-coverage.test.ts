import { describe, expect, it } from 'vitest';
import { judgeCoverage, type LedgerEntry } from '../../helpers/wording-guard/catalogue-coverage';

const FILES = ['test/integration/a.test.ts', 'test/integration/b.test.ts'];
const CATALOGUE = ['spf.record.found', 'spf.record.missing', 'smtp.reach.cancelled'];
const ALLOWLIST = new Map([['smtp.reach.cancelled', 'a cancelled run is tested in unit tests only']]);

const entry = (file: string, producedIds: string[], complete = true): LedgerEntry => ({
  file,
  complete,
  producedIds,
});

describe('judgeCoverage', () => {
  it('says nothing about ids when a file did not run', () => {
    const verdict = judgeCoverage([entry('test/integration/a.test.ts', [])], FILES, CATALOGUE, ALLOWLIST);
    expect(verdict).toEqual({ kind: 'partial-run', missingFiles: ['test/integration/b.test.ts'] });
  });

  it('says nothing about ids when a file ran only some of its tests or failed', () => {
    const verdict = judgeCoverage(
      [entry(FILES[0] ?? '', []), entry(FILES[1] ?? '', ['spf.record.found'], false)],
      FILES,
      CATALOGUE,
      ALLOWLIST,
    );
    expect(verdict.kind).toBe('partial-run');
  });

  it('names the ids no file produced on a full run, leaving out the allowlisted ones', () => {
    const verdict = judgeCoverage(
      [entry(FILES[0] ?? '', ['spf.record.found']), entry(FILES[1] ?? '', [])],
      FILES,
      CATALOGUE,
      ALLOWLIST,
    );
    expect(verdict).toEqual({ kind: 'full-run', neverProduced: ['spf.record.missing'], staleAllowlist: [] });
  });

  it('names an allowlisted id that a test produced after all, or that left the catalogue', () => {
    const allowlist = new Map([...ALLOWLIST, ['spf.gone.away', 'renamed']]);
    const verdict = judgeCoverage(
      [
        entry(FILES[0] ?? '', ['spf.record.found', 'spf.record.missing', 'smtp.reach.cancelled']),
        entry(FILES[1] ?? '', []),
      ],
      FILES,
      CATALOGUE,
      allowlist,
    );
    expect(verdict).toEqual({
      kind: 'full-run',
      neverProduced: [],
      staleAllowlist: ['smtp.reach.cancelled', 'spf.gone.away'],
    });
  });
});
