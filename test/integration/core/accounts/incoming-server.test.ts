/**
 * The account's incoming (reading) server: an accounts file written by Mailwarden before it existed
 * (version 1, made by that version's own CLI) loads with nothing lost, and an incoming server's own
 * password lives in the real keychain under the same service with its own key.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../../preload/contract/accounts';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';
import { ACCOUNTS_SCHEMA_VERSION } from '../../../../main/core/accounts/accounts-document';
import { createTestServices, keytar, type TestServices } from '../../../helpers/test-services';

const V1_FILE = join(import.meta.dirname, '../../../fixtures/accounts/accounts-v1.json');
const CANARY_SEND = 'Canary-send-4f1a!';
const CANARY_READ = 'Canary-read-93bd!';

const IMAP = { protocol: 'IMAP', host: 'IMAP.shop.example', port: 993, security: 'tls' };
const INPUT: AccountInput = {
  email: 'ann@shop.example',
  host: 'smtp.shop.example',
  port: 465,
  security: 'tls',
  incoming: IMAP,
};

describe('incoming server on an account (real file store, real keychain)', () => {
  let env: TestServices;
  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  it('loads a version 1 accounts file with every field kept, no incoming server and password sign-in, and writes the current version on the next change', async () => {
    const path = join(env.dataDir, 'accounts.json');
    await copyFile(V1_FILE, path);
    const original = JSON.parse(await readFile(V1_FILE, 'utf8')) as {
      schemaVersion: number;
      accounts: Record<string, unknown>[];
    };
    expect(original.schemaVersion).toBe(1);

    const { accounts, warnings } = await env.services.accounts.list();
    expect(warnings).toEqual([]);
    expect(accounts).toEqual(
      original.accounts.map((account) => ({
        ...account,
        incoming: null,
        signIn: { method: 'password' },
        hasPassword: 'missing',
        incomingPassword: null,
      })),
    );
    // Reading does not rewrite the file.
    expect(await readFile(path, 'utf8')).toBe(await readFile(V1_FILE, 'utf8'));

    const [first, second] = original.accounts;
    await env.services.accounts.update(String(first?.['id']), {
      email: String(first?.['email']),
      host: String(first?.['host']),
      port: Number(first?.['port']),
      security: String(first?.['security']),
      label: String(first?.['label']),
      clientGroup: String(first?.['clientGroup']),
      dkimSelectors: first?.['dkimSelectors'] as string[],
      incoming: { protocol: 'pop3', host: 'pop.shop.example', port: 995, security: 'tls' },
    });
    const saved = JSON.parse(await readFile(path, 'utf8')) as typeof original;
    expect(saved.schemaVersion).toBe(ACCOUNTS_SCHEMA_VERSION);
    // The untouched account is carried over field for field.
    expect(saved.accounts[1]).toEqual({ ...second, incoming: null, signIn: { method: 'password' } });
    expect(saved.accounts[0]).toMatchObject({
      ...first,
      updatedAt: expect.any(String) as unknown,
      incoming: {
        protocol: 'pop3',
        host: 'pop.shop.example',
        port: 995,
        security: 'tls',
        username: 'ann@shop.example',
        ownPassword: false,
      },
    });
  });

  it('normalises the incoming server and defaults its username to the sending one', async () => {
    const account = await env.services.accounts.add({ ...INPUT, username: 'ann' });
    expect(account.incoming).toEqual({
      protocol: 'imap',
      host: 'imap.shop.example',
      port: 993,
      security: 'tls',
      username: 'ann',
      ownPassword: false,
    });
  });

  it('refuses a bad incoming server with one message per problem, all on the incoming field', async () => {
    const error = await env.services.accounts
      .add({ ...INPUT, incoming: { protocol: 'smtp', host: 'imap://x', port: 99999, security: 'ssl' } })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(MailwardenError);
    const fields = (error as MailwardenError).fields ?? [];
    expect(fields.map((field) => field.field)).toEqual(['incoming', 'incoming', 'incoming', 'incoming']);
    expect(fields.map((field) => field.message).join('\n')).toMatch(
      /imap.*pop3[\s\S]*host[\s\S]*Port[\s\S]*SSL is tls/,
    );
    expect((await env.services.accounts.list()).accounts).toEqual([]);
  });

  it("keeps an incoming server's own password under its own key, never listed as an orphan, removed with the account", async () => {
    const account = await env.services.accounts.add(
      { ...INPUT, incoming: { ...IMAP, ownPassword: true } },
      CANARY_SEND,
    );
    await env.services.accounts.setIncomingPassword(account.id, CANARY_READ);
    expect(await keytar.getPassword(env.keychainService, account.id)).toBe(CANARY_SEND);
    expect(await keytar.getPassword(env.keychainService, `${account.id}/incoming`)).toBe(CANARY_READ);
    expect((await env.services.accounts.orphanedPasswords()).accountIds).toEqual([]);
    expect((await env.services.accounts.list()).warnings).toEqual([]);
    const file = await readFile(join(env.dataDir, 'accounts.json'), 'utf8');
    expect(file).not.toContain(CANARY_READ);
    expect(file).not.toContain(CANARY_SEND);

    await env.services.accounts.remove(account.id);
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  });

  it('an edit that shares the sending password again deletes the own one; an edit that does not mention incoming keeps it', async () => {
    const account = await env.services.accounts.add({
      ...INPUT,
      incoming: { ...IMAP, ownPassword: true },
    });
    await env.services.accounts.setIncomingPassword(account.id, CANARY_READ);
    const { incoming: _dropped, ...withoutIncoming } = INPUT;
    const kept = await env.services.accounts.update(account.id, {
      ...withoutIncoming,
      port: 587,
      security: 'starttls',
    });
    expect(kept.incoming).toEqual(account.incoming);
    expect(await keytar.getPassword(env.keychainService, `${account.id}/incoming`)).toBe(CANARY_READ);

    const shared = await env.services.accounts.update(account.id, INPUT);
    expect(shared.incoming?.ownPassword).toBe(false);
    expect(await keytar.getPassword(env.keychainService, `${account.id}/incoming`)).toBeNull();
  });

  it('will not store an incoming password for an account that shares its sending password', async () => {
    const account = await env.services.accounts.add(INPUT);
    await expect(env.services.accounts.setIncomingPassword(account.id, CANARY_READ)).rejects.toThrow(
      /reads mail with its sending password/,
    );
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  });
});
