import { describe, expect, it } from 'vitest';
import type { AccountRunDigest, RunChange } from '../../../../../preload/contract/account-desk';
import type { AccountView } from '../../../../../preload/contract/accounts';
import type { Severity } from '../../../../../preload/contract/findings';
import type { Grade } from '../../../../../preload/contract/score';
import {
  clientNames,
  deskAccounts,
  INITIAL_QUERY,
  mostUrgent,
  needsAttention,
} from '../../../../../renderer/features/accounts/desk-model';

function account(id: string, label: string, clientGroup: string | null): AccountView {
  return {
    id,
    label,
    email: `${id}@shop.example`,
    domain: 'shop.example',
    host: 'smtp.shop.example',
    port: 465,
    security: 'tls',
    username: `${id}@shop.example`,
    dkimSelectors: [],
    clientGroup,
    presetId: null,
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.000Z',
    hasPassword: 'stored',
  };
}

function digest(
  grade: Grade,
  finishedAt: string,
  worst: Severity | null,
  score: RunChange['score'] = 'same',
): AccountRunDigest {
  return {
    last: {
      runId: `run-${grade}-${finishedAt}`,
      accountId: null,
      target: { kind: 'account', label: '', domain: null, host: null, port: null, security: null },
      startedAt: finishedAt,
      finishedAt,
      cancelled: false,
      counts: { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 },
      overall: { score: 50, grade },
      worst: worst === null ? null : { id: 'x', title: 'X', severity: worst },
    },
    change: { score, fixed: 0, new: 0 },
  };
}

const ACCOUNTS = [
  account('a', 'Bakery info', 'Bakery'),
  account('b', 'Garage orders', 'Garage'),
  account('c', 'Own mail', null),
  account('d', 'Bakery owner', 'Bakery'),
];
const DIGESTS = {
  a: digest('A', '2026-11-27T10:00:00.000Z', 'low'),
  b: digest('F', '2026-11-26T10:00:00.000Z', 'critical'),
  d: digest('C', '2026-11-28T10:00:00.000Z', 'medium', 'worse'),
};
const labels = (accounts: readonly AccountView[]) => accounts.map((item) => item.label);

describe('the desk', () => {
  it('starts worst grade first, untested last', () => {
    expect(labels(deskAccounts(ACCOUNTS, DIGESTS, INITIAL_QUERY))).toEqual([
      'Garage orders',
      'Bakery owner',
      'Bakery info',
      'Own mail',
    ]);
  });

  it('sorts by last test, newest first, and by name', () => {
    expect(labels(deskAccounts(ACCOUNTS, DIGESTS, { ...INITIAL_QUERY, sort: 'date' }))).toEqual([
      'Bakery owner',
      'Bakery info',
      'Garage orders',
      'Own mail',
    ]);
    expect(labels(deskAccounts(ACCOUNTS, DIGESTS, { ...INITIAL_QUERY, sort: 'name' }))).toEqual([
      'Bakery info',
      'Bakery owner',
      'Garage orders',
      'Own mail',
    ]);
  });

  it('filters by client, by no client, by "needs attention" and by every search word', () => {
    const query = (patch: Partial<typeof INITIAL_QUERY>) =>
      labels(deskAccounts(ACCOUNTS, DIGESTS, { ...INITIAL_QUERY, sort: 'name', ...patch }));
    expect(query({ client: { kind: 'named', name: 'Bakery' } })).toEqual(['Bakery info', 'Bakery owner']);
    expect(query({ client: { kind: 'none' } })).toEqual(['Own mail']);
    // F with a critical problem, a score that fell, and never tested.
    expect(query({ attentionOnly: true })).toEqual(['Bakery owner', 'Garage orders', 'Own mail']);
    expect(query({ search: 'bakery OWN' })).toEqual(['Bakery owner']);
    expect(query({ search: 'garage' })).toEqual(['Garage orders']);
  });

  it('names the tested account that most needs a look, and the clients in use', () => {
    expect(mostUrgent(ACCOUNTS, DIGESTS)?.label).toBe('Garage orders');
    expect(mostUrgent(ACCOUNTS, { a: DIGESTS.a })).toBeNull();
    expect(needsAttention(undefined)).toBe(true);
    expect(needsAttention(DIGESTS.a)).toBe(false);
    expect(clientNames(ACCOUNTS)).toEqual(['Bakery', 'Garage']);
  });
});
