import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../../preload/contract/accounts';
import { unlistedSelectors } from '../../../../../renderer/features/send-test/learned-selectors';
import type { Finding, Severity } from '../../../../../preload/contract/findings';

const account = (dkimSelectors: readonly string[]): AccountView => ({
  id: 'a1',
  label: 'Shop mail',
  email: 'ann@shop.example',
  domain: 'shop.example',
  host: 'smtp.shop.example',
  port: 465,
  security: 'tls',
  username: 'ann@shop.example',
  dkimSelectors,
  clientGroup: null,
  presetId: null,
  createdAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:00.000Z',
  hasPassword: 'stored',
});

const finding = (id: string, severity: Severity, evidence: Finding['evidence'] = {}): Finding => ({
  id,
  checkId: 'prove:message',
  severity,
  title: id,
  evidence,
  explanation: `What ${id} means.`,
  fix: { steps: [] },
  references: [],
});
const learned = (selector: string) =>
  finding('message.proof.selector-learned', 'info', { domain: 'shop.example', selector });

describe('the selectors a test message offers for the account', () => {
  it('offers a learned selector the account does not list, once', () => {
    const findings = [learned('s2026'), learned('s2026'), finding('message.dkim.pass', 'pass')];
    expect(unlistedSelectors(findings, account(['old']))).toEqual(['s2026']);
  });

  it('offers nothing the account already lists, whatever its case (DNS names are case-insensitive)', () => {
    expect(unlistedSelectors([learned('S2026')], account(['s2026']))).toEqual([]);
  });

  it('offers nothing when no selector was learned', () => {
    expect(unlistedSelectors([finding('message.dkim.unsigned', 'high')], account([]))).toEqual([]);
  });
});
