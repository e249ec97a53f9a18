import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../../preload/contract/accounts';
import {
  toAccountInput,
  valuesFromAccount,
} from '../../../../../renderer/features/add-account/account-form-state';

const ACCOUNT: Account = {
  id: 'acc-1',
  label: 'Shop orders',
  email: 'ann@shop.example',
  domain: 'shop.example',
  host: 'smtp.shop.example',
  port: 465,
  security: 'tls',
  username: 'ann',
  dkimSelectors: ['s1', 's2'],
  clientGroup: 'Acme',
  presetId: 'fastmail',
  createdAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:00.000Z',
};

describe('the edit form filled from a saved account', () => {
  it('sends back every field unchanged when nothing is edited, and no password', () => {
    const converted = toAccountInput(valuesFromAccount(ACCOUNT));
    expect(converted).toEqual({
      ok: true,
      password: undefined,
      input: {
        label: 'Shop orders',
        email: 'ann@shop.example',
        domain: 'shop.example',
        host: 'smtp.shop.example',
        port: 465,
        security: 'tls',
        username: 'ann',
        dkimSelectors: ['s1', 's2'],
        clientGroup: 'Acme',
        presetId: 'fastmail',
      },
    });
  });

  it('lets the domain follow a new address when it was the address’s own, and keeps a typed one', () => {
    const derived = valuesFromAccount(ACCOUNT);
    expect(derived.domainEdited).toBe(false);
    const moved = toAccountInput({ ...derived, email: 'ann@bakery.example' });
    expect(moved.ok && moved.input.domain).toBe('bakery.example');

    const typed = valuesFromAccount({ ...ACCOUNT, domain: 'mail.shop.example' });
    expect(typed.domainEdited).toBe(true);
    const kept = toAccountInput({ ...typed, email: 'ann@bakery.example' });
    expect(kept.ok && kept.input.domain).toBe('mail.shop.example');
  });

  it('sends an emptied client group and selector list as absent, which main stores as none', () => {
    const converted = toAccountInput({ ...valuesFromAccount(ACCOUNT), clientGroup: ' ', dkimSelectors: '' });
    expect(converted.ok && converted.input.clientGroup).toBeUndefined();
    expect(converted.ok && converted.input.dkimSelectors).toBeUndefined();
  });
});
