import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../main/adapters/keytar-secret-store';
import type { SecretStore } from '../../../main/core/ports';
import {
  runStoreScenario,
  secretToolClear,
  secretToolLookup,
  type StepOutcome,
} from '../../helpers/keyring-session';

// These tests need the real gnome-keyring. A keychain test that quietly skips looks like a pass, so fail.
if (process.env.MAILWARDEN_TEST_KEYRING !== '1') {
  throw new Error(
    'The keytar SecretStore tests must run against a throwaway gnome-keyring. Run them as:\n' +
      '  dbus-run-session -- bash test/helpers/with-keyring.sh npx vitest run test/integration/adapters/keytar-secret-store.test.ts',
  );
}

const CANARY = 'canary-Zq9!';
const UNICODE_SECRET = 'pässwörd-密码-пароль-🔐-\u00e9\u0301';
const LONG_SECRET_LENGTH = 4096;

/** A service name no other run (and no real Mailwarden) uses, so tests never meet foreign secrets. */
function uniqueService(): string {
  return `Mailwarden-test-${randomBytes(6).toString('hex')}`;
}

function failureOf(outcome: StepOutcome | undefined): Extract<StepOutcome, { ok: false }> {
  if (outcome === undefined || outcome.ok) {
    throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  }
  return outcome;
}

describe('createKeytarSecretStore against the real keychain', () => {
  const service = uniqueService();
  const store: SecretStore = createKeytarSecretStore({ service });
  const used = new Set<string>();
  const id = (name: string): string => {
    used.add(name);
    return name;
  };

  afterAll(async () => {
    for (const accountId of used) await store.delete(accountId);
  });

  it('stores, reads back, replaces and deletes a password', async () => {
    const account = id('round-trip');
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'first password');
    expect(await store.get(account)).toBe('first password');
    await store.set(account, 'second password');
    expect(await store.get(account)).toBe('second password');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });

  it('says false when deleting a password that is not there', async () => {
    expect(await store.delete(id('never-stored'))).toBe(false);
  });

  it('lists exactly the accounts that have a password, in one query', async () => {
    const a = id('list-a');
    const b = id('list-b');
    await store.set(a, 'a-secret');
    await store.set(b, 'b-secret');
    const listed = await store.accountIdsWithSecrets();
    expect(listed.has(a)).toBe(true);
    expect(listed.has(b)).toBe(true);
    await store.delete(a);
    const after = await store.accountIdsWithSecrets();
    expect(after.has(a)).toBe(false);
    expect(after.has(b)).toBe(true);
  });

  it('keeps secrets of different service names apart', async () => {
    const otherService = uniqueService();
    const other = createKeytarSecretStore({ service: otherService });
    const account = id('shared-id');
    try {
      await store.set(account, 'mine');
      expect(await other.get(account)).toBeNull();
      expect((await other.accountIdsWithSecrets()).has(account)).toBe(false);
      await other.set(account, 'theirs');
      expect(await store.get(account)).toBe('mine');
      expect(await other.delete(account)).toBe(true);
      expect(await store.get(account)).toBe('mine');
    } finally {
      await other.delete(account);
    }
  });

  it('round-trips a unicode password and a 4096-character password unchanged', async () => {
    const unicode = id('unicode');
    const long = id('long');
    const longSecret = randomBytes(LONG_SECRET_LENGTH).toString('base64').slice(0, LONG_SECRET_LENGTH);
    await store.set(unicode, UNICODE_SECRET);
    await store.set(long, longSecret);
    expect(await store.get(unicode)).toBe(UNICODE_SECRET);
    expect(await store.get(long)).toBe(longSecret);
    expect(longSecret).toHaveLength(LONG_SECRET_LENGTH);
  });

  it('puts the password in the system keychain where other Secret Service clients see it', async () => {
    const account = id('visible-to-secret-tool');
    await store.set(account, UNICODE_SECRET);
    expect(await secretToolLookup(service, account)).toBe(UNICODE_SECRET);
    await store.delete(account);
    expect(await secretToolLookup(service, account)).toBeNull();
  });

  it('notices when the user removes the password from the keychain outside Mailwarden', async () => {
    const account = id('removed-outside');
    await store.set(account, 'soon gone');
    await secretToolClear(service, account);
    expect(await store.get(account)).toBeNull();
    expect((await store.accountIdsWithSecrets()).has(account)).toBe(false);
  });

  it('refuses a password with a NUL character instead of silently storing a shorter one', async () => {
    const account = id('nul');
    await expect(store.set(account, 'before\0after')).rejects.toThrow(RangeError);
    await expect(store.set(account, '')).rejects.toThrow(RangeError);
    expect(await store.get(account)).toBeNull();
  });

  it('leaves no trace of its lock check in the keychain', async () => {
    const account = id('lock-check-trace');
    expect(await store.get(account)).toBeNull(); // a miss runs the lock check
    expect(await secretToolLookup(`${service} (keychain check)`, 'lock-check')).toBeNull();
  });
});

describe('createKeytarSecretStore when the keychain cannot be used', () => {
  const service = uniqueService();

  it('rejects with KEYCHAIN_UNAVAILABLE and advice when there is no D-Bus session', async () => {
    const run = await runStoreScenario('no-dbus', service, [
      { op: 'set', accountId: 'acct', secret: CANARY },
      { op: 'get', accountId: 'acct' },
      { op: 'list' },
    ]);
    for (const outcome of run.outcomes) {
      const failure = failureOf(outcome);
      expect(failure.name).toBe('SecretStoreError');
      expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(failure.message).toContain('could not reach your system keychain');
      expect(failure.message).toContain('gnome-keyring');
      expect(failure.message).not.toContain(CANARY);
    }
    expect(run.output).not.toContain(CANARY);
  });

  it('rejects with KEYCHAIN_UNAVAILABLE when no Secret Service is installed on the bus', async () => {
    const run = await runStoreScenario('no-secret-service', service, [
      { op: 'set', accountId: 'acct', secret: CANARY },
      { op: 'list' },
    ]);
    for (const outcome of run.outcomes) {
      const failure = failureOf(outcome);
      expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(failure.message).toContain('install and start gnome-keyring');
      expect(failure.message).not.toContain(CANARY);
    }
    expect(run.output).not.toContain(CANARY);
  });

  it('rejects with KEYCHAIN_UNAVAILABLE, not a crash, when keytar cannot be loaded', async () => {
    const run = await runStoreScenario('keytar-missing', service, [
      { op: 'set', accountId: 'acct', secret: CANARY },
    ]);
    const failure = failureOf(run.outcomes[0]);
    expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(failure.message).toContain('keychain component could not be loaded');
    expect(run.output).not.toContain(CANARY);
  });

  it('reports a locked keyring as KEYCHAIN_LOCKED for every call, instead of "no password" or a crash', async () => {
    const run = await runStoreScenario('fresh-keyring', service, [
      { op: 'set', accountId: 'acct', secret: 'stored while unlocked' },
      { op: 'lock' },
      { op: 'set', accountId: 'other', secret: CANARY },
      { op: 'get', accountId: 'acct' },
      { op: 'delete', accountId: 'acct' },
      { op: 'list' },
    ]);
    const [stored, locked, ...afterLock] = run.outcomes;
    expect(stored).toEqual({ ok: true, value: null });
    expect(locked).toEqual({ ok: true, value: null });
    expect(afterLock).toHaveLength(4);
    for (const outcome of afterLock) {
      const failure = failureOf(outcome);
      expect(failure.code).toBe('KEYCHAIN_LOCKED');
      expect(failure.message).toContain('Your keychain is locked. Unlock it');
      expect(failure.message).not.toContain(CANARY);
    }
    expect(run.output).not.toContain(CANARY);
  });
});
