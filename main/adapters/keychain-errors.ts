/**
 * Turns what keytar (libsecret, Keychain Services, Credential Manager) throws into a SecretStoreError.
 *
 * Users get one of two codes and a sentence that says what to do. The raw message is kept as `cause` for
 * diagnosis; keytar's messages come from the keychain and never contain the secret.
 */
import { SecretStoreError } from '../core/ports';

/**
 * libsecret/gnome-keyring messages meaning "the collection is locked and stayed locked", as observed on
 * Debian 12 (libsecret 0.20.5, gnome-keyring 42.1): the Secret Service refuses CreateItem after the unlock
 * prompt was dismissed or could not be shown.
 */
const LOCKED_MESSAGES: readonly RegExp[] = [/Cannot create an item in a locked collection/i];

/**
 * The Secret Service runs but has no default collection ("login"): gnome-keyring could not show the
 * "choose a password for the new keyring" prompt, or it was dismissed.
 */
const NO_DEFAULT_COLLECTION_MESSAGES: readonly RegExp[] = [
  /Object does not exist at path .\/org\/freedesktop\/secrets\/(collection|aliases)\//i,
];

const NEVER_ELSEWHERE = 'Mailwarden never stores passwords anywhere else.';

/** What to do when the keychain cannot be reached at all, in the platform's own words. */
function unavailableMessage(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return `Mailwarden could not reach your macOS Keychain. Open Keychain Access, check that your login keychain exists, then try again. ${NEVER_ELSEWHERE}`;
    case 'win32':
      return `Mailwarden could not reach Windows Credential Manager. Check that the Credential Manager service is running, then try again. ${NEVER_ELSEWHERE}`;
    default:
      return `Mailwarden could not reach your system keychain (Secret Service). On Linux install and start gnome-keyring or KeePassXC's Secret Service, then try again. ${NEVER_ELSEWHERE}`;
  }
}

/** What to do when the keychain is there but locked. */
function lockedMessage(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Your keychain is locked. Unlock it (on macOS: the login keychain in Keychain Access) and try again.';
    case 'win32':
      return 'Your keychain is locked. Sign in to Windows again and try again.';
    default:
      return 'Your keychain is locked. Unlock it (on Linux: the Login keyring in Passwords and Keys) and try again.';
  }
}

const NO_DEFAULT_COLLECTION_MESSAGE = `Your system keychain has no default keyring to keep passwords in. Create one (on Linux: a password keyring named Login in Passwords and Keys, set as default), then try again. ${NEVER_ELSEWHERE}`;

/** The raw text of whatever was thrown, for matching only. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

/** Builds the error with the original attached for diagnosis (never shown, never containing a secret). */
function secretStoreError(code: SecretStoreError['code'], message: string, cause: unknown): SecretStoreError {
  const error = new SecretStoreError(code, message);
  error.cause = cause;
  return error;
}

/**
 * Maps a keytar failure to KEYCHAIN_LOCKED or KEYCHAIN_UNAVAILABLE.
 *
 * Anything not recognised as "locked" means the keychain could not be used: there is no other place a
 * password may go, so the only advice is to make the keychain reachable.
 */
export function classifyKeychainError(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): SecretStoreError {
  if (error instanceof SecretStoreError) return error;
  const raw = messageOf(error);
  if (LOCKED_MESSAGES.some((pattern) => pattern.test(raw))) {
    return secretStoreError('KEYCHAIN_LOCKED', lockedMessage(platform), error);
  }
  if (NO_DEFAULT_COLLECTION_MESSAGES.some((pattern) => pattern.test(raw))) {
    return secretStoreError('KEYCHAIN_UNAVAILABLE', NO_DEFAULT_COLLECTION_MESSAGE, error);
  }
  return secretStoreError('KEYCHAIN_UNAVAILABLE', unavailableMessage(platform), error);
}

/** The error for "keytar's native module would not load" (not installed, wrong ABI, libsecret missing). */
export function keytarLoadError(
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): SecretStoreError {
  const fix =
    platform === 'linux'
      ? 'Reinstall Mailwarden and make sure libsecret is installed (Debian and Ubuntu: libsecret-1-0), then try again.'
      : 'Reinstall Mailwarden, then try again.';
  return secretStoreError(
    'KEYCHAIN_UNAVAILABLE',
    `Mailwarden's keychain component could not be loaded, so it cannot reach your system keychain. ${fix} ${NEVER_ELSEWHERE}`,
    error,
  );
}
