/**
 * The desk's last run per account, from real run files: the newest finished run with its stored
 * grade and worst problem, and what changed since the finished run before it.
 */
import { describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/adapters/file-history-store';
import { accountDigests } from '../../../../main/core/history/account-digests';
import { createHistoryService } from '../../../../main/core/history/history-service';
import type { AuditReport } from '../../../../preload/contract/audit';
import { testEntry, testFinding } from '../../../helpers/history-fixtures';
import { withTempDir } from '../../../helpers/temp-dir';

const TARGET = {
  kind: 'account' as const,
  label: 'Shop',
  domain: 'shop.example',
  host: 'smtp.shop.example',
  port: 587,
  security: 'starttls',
};

function scored(score: number, grade: 'A' | 'B' | 'C' | 'D' | 'F'): Pick<AuditReport, 'score'> {
  return {
    score: {
      overall: { score, grade, uncappedScore: score, caps: [], partial: false },
      incomplete: [],
      areas: [],
    },
  };
}

describe('accountDigests', () => {
  it('gives each account its newest finished run, its stored grade, worst problem and the change', async () => {
    await withTempDir(async (dir) => {
      const store = createFileHistoryStore(dir);
      const older = testEntry(1, {
        target: TARGET,
        findings: [
          testFinding('spf.all.softfail', 'spf:shop.example', 'medium'),
          testFinding('dmarc.record.missing', 'dmarc:shop.example', 'high'),
        ],
      });
      const newer = testEntry(2, {
        target: TARGET,
        findings: [
          testFinding('spf.all.softfail', 'spf:shop.example', 'medium'),
          testFinding('tls.protocol.tls1_0-accepted', 'tls:smtp.shop.example:587', 'high'),
          testFinding('auth.plain-before-tls', 'auth:smtp.shop.example:587', 'critical'),
          testFinding('mx.present', 'mx:shop.example', 'pass'),
        ],
      });
      const cancelled = testEntry(3, { target: TARGET, findings: [] });
      await store.save({ ...older, accountId: 'shop', report: { ...older.report, ...scored(70, 'C') } });
      // The stored grade is shown as stored: 41/F, whatever the findings would score today.
      await store.save({ ...newer, accountId: 'shop', report: { ...newer.report, ...scored(41, 'F') } });
      await store.save({ ...cancelled, accountId: 'shop', report: { ...cancelled.report, cancelled: true } });
      await store.save({ ...testEntry(4, { target: TARGET }), accountId: 'bakery' });
      // A run of a bare domain belongs to no account.
      await store.save(testEntry(5));

      const { lastRuns, problems } = await accountDigests(createHistoryService(store));
      expect(problems).toEqual([]);
      expect(Object.keys(lastRuns).sort()).toEqual(['bakery', 'shop']);
      expect(lastRuns['shop']?.last).toMatchObject({
        runId: newer.runId,
        overall: { score: 41, grade: 'F' },
        worst: {
          id: 'auth.plain-before-tls',
          title: 'auth.plain-before-tls on auth:smtp.shop.example:587',
          severity: 'critical',
        },
      });
      expect(lastRuns['shop']?.change).toEqual({ score: 'worse', fixed: 1, new: 2 });
      // One run: nothing to compare with.
      expect(lastRuns['bakery']?.change).toBeNull();
      expect(lastRuns['bakery']?.last.worst?.severity).toBe('high');
    });
  });

  it('uses a cancelled run only when no run finished, and gives it no change', async () => {
    await withTempDir(async (dir) => {
      const store = createFileHistoryStore(dir);
      for (const index of [1, 2]) {
        const entry = testEntry(index, { target: TARGET });
        await store.save({ ...entry, accountId: 'shop', report: { ...entry.report, cancelled: true } });
      }
      const { lastRuns } = await accountDigests(createHistoryService(store));
      expect(lastRuns['shop']).toMatchObject({ last: { cancelled: true }, change: null });
      expect(lastRuns['shop']?.last.runId).toBe(testEntry(2).runId);
    });
  });
});
