import {
  INITIAL_INCOMING,
  withIncomingChange,
} from '../../../../../renderer/features/add-account/incoming-form-state';
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
      incomingPassword: undefined,
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
        // No incoming server in the form: none is sent (an edit then removes none, there was none).
        incoming: null,
        // A saved account with no sign-in recorded signs in with its password, and the form says so.
        signIn: { method: 'password' },
      },
    });
  });

  it('round-trips a saved incoming server, its username left empty when it is the sending one', () => {
    const withIncoming = {
      ...ACCOUNT,
      incoming: {
        protocol: 'pop3' as const,
        host: 'pop.shop.example',
        port: 995,
        security: 'tls' as const,
        username: 'ann',
        ownPassword: true,
      },
    };
    const values = valuesFromAccount(withIncoming);
    expect(values.incoming).toMatchObject({ choice: 'pop3', port: '995', username: '', ownPassword: true });
    const converted = toAccountInput(values);
    expect(converted.ok && converted.input.incoming).toEqual({
      protocol: 'pop3',
      host: 'pop.shop.example',
      port: 995,
      security: 'tls',
      ownPassword: true,
    });
    // An own password left empty on an edit keeps the stored one: nothing to store.
    expect(converted.ok && converted.incomingPassword).toBeUndefined();
    const typed = toAccountInput({ ...values, incoming: { ...values.incoming, password: 'read-pw' } });
    expect(typed.ok && typed.incomingPassword).toBe('read-pw');
    expect(toAccountInput({ ...values, incoming: { ...values.incoming, port: '99x' } })).toEqual({
      ok: false,
      field: 'incomingPort',
    });
  });

  it('moves a port still at its standard value with the protocol and security, and keeps a typed one', () => {
    const imaps = withIncomingChange(INITIAL_INCOMING, { choice: 'imap' });
    expect(imaps.port).toBe('993');
    expect(withIncomingChange(imaps, { security: 'starttls' }).port).toBe('143');
    expect(withIncomingChange(imaps, { choice: 'pop3' }).port).toBe('995');
    const typed = withIncomingChange(imaps, { port: '10993' });
    expect(withIncomingChange(typed, { choice: 'pop3' }).port).toBe('10993');
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
