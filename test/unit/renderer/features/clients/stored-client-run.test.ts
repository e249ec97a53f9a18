import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../../preload/contract/accounts';
import { worstGrade, type ClientRun, type ClientRunAccount } from '../../../../../preload/contract/clients';
import type { HistoryEntry } from '../../../../../preload/contract/history';
import { storedRows } from '../../../../../renderer/features/clients/stored-client-run';
import type { AuditReport, AuditTargetDescription } from '../../../../../preload/contract/audit';

const SERVER = { host: 'smtp.bakery.example', port: 465, security: 'tls' } as const;
const BAKERY_TARGET: AuditTargetDescription = {
  kind: 'account',
  label: 'Orders',
  domain: 'bakery.example',
  ...SERVER,
};

function testRunId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** A stored run as the history gives it back; the rows only carry it, so its findings do not matter. */
function testEntry(index: number, target: AuditTargetDescription = BAKERY_TARGET): HistoryEntry {
  const report: AuditReport = {
    schemaVersion: 2,
    tool: { name: 'Mailwarden', version: '0.1.0' },
    target,
    startedAt: '2026-12-06T09:00:00.000Z',
    finishedAt: '2026-12-06T09:00:01.000Z',
    cancelled: false,
    findings: [],
    transcript: [],
    coverage: null,
    score: { overall: null, incomplete: ['Not scored in this test.'], areas: [] },
    plan: { verdict: { tone: 'incomplete', sentence: 'Incomplete.' }, actions: [] },
  };
  return { runId: testRunId(index), accountId: null, report };
}

function account(id: string, label: string): AccountView {
  return {
    id,
    label,
    email: `${id}@bakery.example`,
    domain: 'bakery.example',
    ...SERVER,
    username: `${id}@bakery.example`,
    dkimSelectors: [],
    clientGroup: 'Bakery',
    presetId: null,
    incoming: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    hasPassword: 'stored',
  };
}

function line(
  accountId: string,
  outcome: ClientRunAccount['outcome'],
  extra: Partial<ClientRunAccount> = {},
) {
  return {
    accountId,
    label: `Old label of ${accountId}`,
    outcome,
    runId: null,
    grade: null,
    worst: null,
    problems: 0,
    message: null,
    ...extra,
  } satisfies ClientRunAccount;
}

function clientRun(accounts: readonly ClientRunAccount[]): ClientRun {
  return {
    id: 'c1',
    client: 'Bakery',
    startedAt: '2026-12-06T09:00:00.000Z',
    finishedAt: '2026-12-06T09:01:00.000Z',
    accounts,
  };
}

describe('storedRows', () => {
  it('reopens each account as it ended: its stored run, why it could not run, or skipped', () => {
    const entry: HistoryEntry = { ...testEntry(1), accountId: 'a' };
    const rows = storedRows(
      clientRun([
        line('a', 'done', { runId: testRunId(1), grade: 'B' }),
        line('b', 'failed', { message: 'The keychain is locked.' }),
        line('c', 'skipped'),
      ]),
      new Map([[testRunId(1), entry]]),
      [account('a', 'Orders'), account('b', 'Desk'), account('c', 'Owner')],
    );
    expect(rows.map((row) => [row.account.label, row.state.kind])).toEqual([
      ['Orders', 'done'],
      ['Desk', 'failed'],
      ['Owner', 'skipped'],
    ]);
    expect(rows[0]?.state).toEqual({ kind: 'done', runId: testRunId(1), report: entry.report, saved: true });
    expect(rows[1]?.state).toEqual({ kind: 'failed', message: 'The keychain is locked.' });
  });

  it('says so when a run was deleted from the history since, instead of offering nothing to open', () => {
    const [row] = storedRows(clientRun([line('a', 'cancelled', { runId: testRunId(2) })]), new Map(), [
      account('a', 'Orders'),
    ]);
    expect(row?.state).toEqual({
      kind: 'failed',
      message: 'This account’s run has been deleted from its history since.',
    });
  });

  it('keeps a removed account under the label it had, with the server its run tested', () => {
    const entry: HistoryEntry = {
      ...testEntry(3, {
        kind: 'account',
        label: 'Gone',
        domain: 'gone.example',
        ...SERVER,
        host: 'smtp.gone.example',
      }),
      accountId: 'gone',
    };
    const [row] = storedRows(
      clientRun([line('gone', 'done', { runId: testRunId(3) })]),
      new Map([[testRunId(3), entry]]),
      [],
    );
    expect(row?.account).toMatchObject({
      id: 'gone',
      label: 'Old label of gone',
      host: 'smtp.gone.example',
      port: 465,
    });
    expect(row?.state.kind).toBe('done');
  });
});

describe('worstGrade', () => {
  it('is the lowest grade any account got, ignoring accounts without one', () => {
    expect(
      worstGrade(
        clientRun([
          line('a', 'done', { grade: 'B' }),
          line('b', 'failed'),
          line('c', 'done', { grade: 'D' }),
        ]),
      ),
    ).toBe('D');
    expect(worstGrade(clientRun([line('a', 'skipped')]))).toBeNull();
  });
});
