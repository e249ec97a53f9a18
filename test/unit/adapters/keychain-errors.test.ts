import { describe, expect, it } from 'vitest';
import { classifyKeychainError, keytarLoadError } from '../../../main/adapters/keychain-errors';
import { SecretStoreError } from '../../../main/core/ports';

// Every string below was produced by keytar 7.9 / libsecret 0.20.5 / gnome-keyring 42.1 on Debian 12.
const OBSERVED = {
  /** No DBUS_SESSION_BUS_ADDRESS and no DISPLAY (a headless shell, ssh without a session). */
  noBusNoDisplay: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
  /** DISPLAY set but no session bus and no dbus-launch. */
  noDbusLaunch: 'Failed to execute child process “dbus-launch” (No such file or directory)',
  /** DBUS_SESSION_BUS_ADDRESS points at a socket that is gone. */
  busSocketGone: 'Could not connect: No such file or directory',
  /** A session bus with no Secret Service installed (get/set/delete). */
  noProvider: 'The name org.freedesktop.secrets was not provided by any .service files',
  /** The same, from findCredentials. */
  noProviderSearch:
    'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
  /** A Secret Service is installed but fails to start. */
  providerCrashed:
    'Error calling StartServiceByName for org.freedesktop.secrets: Process org.freedesktop.secrets exited with status 1',
  /** gnome-keyring running, no login collection, and no prompter to create one (dbus-run-session alone). */
  noLoginCollection: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
  /** gnome-keyring running, login collection locked, unlock prompt failed or dismissed (setPassword). */
  locked: 'Cannot create an item in a locked collection',
} as const;

const CANARY = 'canary-Zq9!';

describe('classifyKeychainError', () => {
  it.each([
    OBSERVED.noBusNoDisplay,
    OBSERVED.noDbusLaunch,
    OBSERVED.busSocketGone,
    OBSERVED.noProvider,
    OBSERVED.noProviderSearch,
    OBSERVED.providerCrashed,
  ])('tells the user to start a Secret Service when libsecret says %j', (raw) => {
    const error = classifyKeychainError(new Error(raw), 'linux');
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('could not reach your system keychain (Secret Service)');
    expect(error.message).toContain('install and start gnome-keyring');
    expect(error.message).toContain('never stores passwords anywhere else');
  });

  it('tells the user to create a default keyring when the login collection does not exist', () => {
    const error = classifyKeychainError(new Error(OBSERVED.noLoginCollection), 'linux');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('no default keyring');
    expect(error.message).toContain('Passwords and Keys');
  });

  it('reports a locked collection as KEYCHAIN_LOCKED with the unlock advice', () => {
    const error = classifyKeychainError(new Error(OBSERVED.locked), 'linux');
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(error.message).toBe(
      'Your keychain is locked. Unlock it (on Linux: the Login keyring in Passwords and Keys) and try again.',
    );
  });

  it('words the advice for the platform the user is on', () => {
    expect(classifyKeychainError(new Error(OBSERVED.locked), 'darwin').message).toContain('Keychain Access');
    const mac = classifyKeychainError(new Error('anything'), 'darwin');
    expect(mac.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(mac.message).toContain('macOS Keychain');
    const windows = classifyKeychainError(new Error('anything'), 'win32');
    expect(windows.message).toContain('Windows Credential Manager');
  });

  it('treats anything unrecognised, even a non-Error, as an unreachable keychain, never as success', () => {
    for (const thrown of [new Error('Something new from libsecret'), 'a string', undefined, 42]) {
      const error = classifyKeychainError(thrown, 'linux');
      expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    }
  });

  it('keeps the raw message only as the cause, and never puts it in what the user reads', () => {
    const raw = new Error(OBSERVED.noProvider);
    const error = classifyKeychainError(raw, 'linux');
    expect(error.cause).toBe(raw);
    expect(error.message).not.toContain('org.freedesktop.secrets');
  });

  it('does not copy a secret that happens to be in the thrown text into its message', () => {
    const error = classifyKeychainError(new Error(`${OBSERVED.locked} ${CANARY}`), 'linux');
    expect(error.code).toBe('KEYCHAIN_LOCKED');
    expect(error.message).not.toContain(CANARY);
  });

  it('passes a SecretStoreError through unchanged', () => {
    const original = new SecretStoreError('KEYCHAIN_LOCKED', 'already classified');
    expect(classifyKeychainError(original, 'linux')).toBe(original);
  });
});

describe('keytarLoadError', () => {
  it('says the keychain component is missing and how to fix it, as KEYCHAIN_UNAVAILABLE', () => {
    // What Node threw when the store's source sat away from node_modules (Node 20, observed).
    const raw = new Error(
      "Cannot find module 'keytar'\nRequire stack:\n- /tmp/copy/main/adapters/keytar-secret-store.ts",
    );
    const error = keytarLoadError(raw, 'linux');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('keychain component could not be loaded');
    expect(error.message).toContain('libsecret');
    expect(error.message).toContain('never stores passwords anywhere else');
  });
});
