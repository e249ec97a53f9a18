import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../../preload/contract/accounts';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';
import { SecretStoreError, type SecretStoreErrorCode } from '../../../../main/core/ports';
import { createTestServices, keytar, type TestServices } from '../../../helpers/test-services';

const INPUT: AccountInput = {
  email: 'Ann@Shop.Example',
  host: 'SMTP.shop.example',
  port: 587,
  security: 'starttls',
};
const CANARY = 'Canary-service-1b7e!';

async function rejection(promise: Promise<unknown>): Promise<MailwardenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailwardenError) return error;
    throw error;
  }
  throw new Error('expected the operation to be refused');
}

describe('account service (real file store, real keychain)', () => {
  let env: TestServices;
  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  it('adds an account with defaults derived from the email and the password only in the keychain', async () => {
    const account = await env.services.accounts.add(INPUT, CANARY);
    expect(account).toMatchObject({
      label: 'Ann@shop.example',
      email: 'Ann@shop.example',
      domain: 'shop.example',
      host: 'smtp.shop.example',
      username: 'Ann@shop.example',
      clientGroup: null,
      hasPassword: 'stored',
    });
    expect(await keytar.getPassword(env.keychainService, account.id)).toBe(CANARY);
    expect(await readFile(join(env.dataDir, 'accounts.json'), 'utf8')).not.toContain(CANARY);
    expect((await env.services.accounts.list()).accounts).toEqual([account]);
  });

  it('edits an account, re-deriving the domain from a new email address', async () => {
    const account = await env.services.accounts.add(INPUT);
    const updated = await env.services.accounts.update(account.id, {
      ...INPUT,
      email: 'ann@new.example',
      label: 'New shop',
    });
    expect(updated).toMatchObject({
      id: account.id,
      email: 'ann@new.example',
      domain: 'new.example',
      label: 'New shop',
      hasPassword: 'missing',
    });
    expect(updated.createdAt).toBe(account.createdAt);
  });

  it('sets, replaces and deletes a password without ever returning it', async () => {
    const account = await env.services.accounts.add(INPUT);
    expect(account.hasPassword).toBe('missing');
    expect(await env.services.accounts.setPassword(account.id, 'first')).toMatchObject({
      hasPassword: 'stored',
    });
    await env.services.accounts.setPassword(account.id, CANARY);
    expect(await keytar.getPassword(env.keychainService, account.id)).toBe(CANARY);
    expect(JSON.stringify(await env.services.accounts.list())).not.toContain(CANARY);
    expect(await env.services.accounts.deletePassword(account.id)).toMatchObject({ hasPassword: 'missing' });
    expect(await keytar.getPassword(env.keychainService, account.id)).toBeNull();
  });

  it('removing an account removes its secret', async () => {
    const account = await env.services.accounts.add(INPUT, CANARY);
    await env.services.accounts.remove(account.id);
    expect((await env.services.accounts.list()).accounts).toEqual([]);
    expect(await keytar.getPassword(env.keychainService, account.id)).toBeNull();
  });

  it('refuses a duplicate and an unknown id with clear messages', async () => {
    await env.services.accounts.add(INPUT);
    const duplicate = await rejection(env.services.accounts.add({ ...INPUT, email: 'ann@shop.example' }));
    expect(duplicate.code).toBe('DUPLICATE');
    expect(duplicate.message).toContain('already saved');
    expect((await rejection(env.services.accounts.remove('nope'))).code).toBe('NOT_FOUND');
  });

  it('finds an account by id or by email for the CLI', async () => {
    const account = await env.services.accounts.add(INPUT);
    expect((await env.services.accounts.resolve(account.id)).id).toBe(account.id);
    expect((await env.services.accounts.resolve('ANN@shop.example')).id).toBe(account.id);
    expect((await rejection(env.services.accounts.resolve('bob@shop.example'))).code).toBe('NOT_FOUND');
  });

  it('rejects bad input with every problem named by field, and saves nothing', async () => {
    const error = await rejection(
      env.services.accounts.add(
        { email: 'not-an-email', host: 'bad host', port: 0, security: 'ssl' },
        CANARY,
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.map((field) => field.field).sort()).toEqual(['email', 'host', 'port', 'security']);
    expect(error.message).not.toContain(CANARY);
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  });

  it('keeps concurrent adds: none overwrites another', async () => {
    const adds = Array.from({ length: 12 }, (_, n) =>
      env.services.accounts.add({ ...INPUT, email: `user${n}@shop.example` }),
    );
    await Promise.all(adds);
    expect((await env.services.accounts.list()).accounts).toHaveLength(12);
  });

  it('moves a corrupt accounts file aside, says where, and carries on', async () => {
    const path = join(env.dataDir, 'accounts.json');
    await writeFile(path, '{"schemaVersion":1,"accounts":[{"id":');
    const list = await env.services.accounts.list();
    expect(list.accounts).toEqual([]);
    expect(list.warnings).toHaveLength(1);
    expect(list.warnings[0]).toMatch(
      /could not be read \(it is not valid JSON\)\. It was moved to .*accounts\.json\.corrupt-/,
    );
    const movedTo = /moved to (\S+) so/.exec(list.warnings[0] ?? '')?.[1] ?? '';
    expect(await readFile(movedTo, 'utf8')).toBe('{"schemaVersion":1,"accounts":[{"id":');
    await env.services.accounts.add(INPUT);
    expect((await env.services.accounts.list()).accounts).toHaveLength(1);
  });

  it('refuses to change a file written by a newer Mailwarden', async () => {
    const path = join(env.dataDir, 'accounts.json');
    const content = '{"schemaVersion":99,"accounts":[]}';
    await writeFile(path, content);
    const error = await rejection(env.services.accounts.add(INPUT));
    expect(error.code).toBe('STORAGE_TOO_NEW');
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it.each([
    ['KEYCHAIN_LOCKED', 'locked', 'Unlock your keychain'],
    ['KEYCHAIN_UNAVAILABLE', 'unavailable', 'Install a keychain'],
  ] as const)(
    'a keychain that answers %s is named as %s in the list, with its own advice',
    async (code: SecretStoreErrorCode, state, advice) => {
      // The real keychain cannot be locked for one test without locking it for all (see
      // keyring-session.ts); this store answers listing the way the keytar adapter reports that state.
      const refuse = () => Promise.reject(new SecretStoreError(code, `${advice}, then try again.`));
      const failing = await createTestServices({
        secretStore: { get: refuse, set: refuse, delete: refuse, accountIdsWithSecrets: refuse },
      });
      try {
        // Without a password, adding never asks the keychain.
        await failing.services.accounts.add(INPUT);
        const list = await failing.services.accounts.list();
        expect(list.keychain).toBe(state);
        expect(list.accounts.map((account) => account.hasPassword)).toEqual(['unknown']);
        expect(list.warnings).toEqual([
          `Mailwarden cannot tell which accounts have a password stored. ${advice}, then try again.`,
        ]);
      } finally {
        await failing.cleanup();
      }
    },
  );

  it('lists a reachable keychain as available', async () => {
    await env.services.accounts.add(INPUT, CANARY);
    const list = await env.services.accounts.list();
    expect(list.keychain).toBe('available');
    expect(list.warnings).toEqual([]);
  });
});
