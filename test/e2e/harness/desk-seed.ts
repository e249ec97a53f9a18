/**
 * A consultant's desk for the e2e specs: 30 accounts in 10 clients saved through the real account
 * service, and two stored runs for most of them (written as the history keeps them), so the list has
 * grades, worst problems and changes to show. The last three accounts are never tested.
 */
import { join } from 'node:path';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../../main/core/history/history-document';
import type { AccountView } from '../../../preload/contract/accounts';
import type { Finding, Severity } from '../../../preload/contract/findings';
import type { AuditScore, Grade } from '../../../preload/contract/score';
import { testEntry, testFinding } from '../../helpers/history-fixtures';
import type { TestServices } from '../../helpers/test-services';

export const CLIENTS = [
  'Bakery',
  'Dentist',
  'Florist',
  'Garage',
  'Hotel',
  'Law office',
  'Pharmacy',
  'School',
  'Tailor',
  'Vineyard',
] as const;
const MAILBOXES = ['info', 'orders', 'owner'] as const;
/** The one account with a critical problem and grade F: the desk must put it one click away. */
export const WORST = { label: 'Garage orders', client: 'Garage' } as const;
/** Never tested: they read "Not tested yet". */
export const UNTESTED = ['Vineyard info', 'Vineyard orders', 'Vineyard owner'] as const;

/** A finding with a title as a person would read it on the desk. */
function problem(id: string, checkId: string, severity: Severity, title: string): Finding {
  return { ...testFinding(id, checkId, severity), title };
}

function gradeFor(index: number): { score: number; grade: Grade } {
  const grades: readonly { score: number; grade: Grade }[] = [
    { score: 95, grade: 'A' },
    { score: 84, grade: 'B' },
    { score: 72, grade: 'C' },
    { score: 61, grade: 'D' },
  ];
  return grades[index % grades.length] ?? { score: 95, grade: 'A' };
}

export async function seedDesk(env: TestServices): Promise<readonly AccountView[]> {
  const store = createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME));
  const saved: AccountView[] = [];
  let run = 0;
  for (const [c, client] of CLIENTS.entries()) {
    const domain = `${client.toLowerCase().replace(/\s+/g, '-')}.example`;
    for (const [m, mailbox] of MAILBOXES.entries()) {
      const label = `${client} ${mailbox}`;
      const untested = (UNTESTED as readonly string[]).includes(label);
      // The untested ones have no password yet either, as a freshly added account may not.
      const account = await env.services.accounts.add(
        {
          email: `${mailbox}@${domain}`,
          label,
          host: `smtp.${domain}`,
          port: 465,
          security: 'tls',
          clientGroup: client,
        },
        untested ? undefined : `desk-password-${String(c)}-${String(m)}`,
      );
      saved.push(account);
      if (untested) continue;
      const worst = label === WORST.label;
      const target = {
        kind: 'account' as const,
        label,
        domain,
        host: account.host,
        port: 465,
        security: 'tls',
      };
      const older = testEntry(++run, {
        target,
        findings: [
          problem('spf.all.softfail', `spf:${domain}`, 'medium', 'SPF ends in ~all (soft fail)'),
          problem('dmarc.record.missing', `dmarc:${domain}`, 'low', 'No DMARC record'),
        ],
      });
      const score = worst ? { score: 22, grade: 'F' as const } : gradeFor(c + m);
      const newer = testEntry(++run, {
        target,
        findings: worst
          ? [
              problem(
                'auth.plain-before-tls',
                `auth:${account.host}:465`,
                'critical',
                'Password accepted before encryption',
              ),
              problem('spf.all.softfail', `spf:${domain}`, 'medium', 'SPF ends in ~all (soft fail)'),
            ]
          : [
              problem(
                'dmarc.record.missing',
                `dmarc:${domain}`,
                score.grade === 'D' ? 'high' : 'low',
                'No DMARC record',
              ),
            ],
      });
      await store.save({
        ...older,
        accountId: account.id,
        report: { ...older.report, score: storedScore({ score: 80, grade: 'B' }) },
      });
      await store.save({
        ...newer,
        accountId: account.id,
        report: { ...newer.report, score: storedScore(score) },
      });
    }
  }
  return saved;
}

/** A stored score with only an overall grade, as a run's history file holds it. */
function storedScore(overall: { readonly score: number; readonly grade: Grade }): AuditScore {
  return {
    overall: { ...overall, uncappedScore: overall.score, caps: [], partial: false },
    incomplete: [],
    areas: [],
  };
}
