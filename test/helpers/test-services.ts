/**
 * Real main-process services for tests: a private data folder and a keychain service name of their
 * own inside the test keyring session (see with-keyring.sh), removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createMainServices, type MainServices, type MainServicesOptions } from '../../main/composition';
import { makeTempDir } from './temp-dir';

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const keytar = createRequire(import.meta.url)('keytar') as KeytarModule;

export interface TestServices {
  readonly services: MainServices;
  readonly dataDir: string;
  readonly keychainService: string;
  cleanup(): Promise<void>;
}

/** Fails loudly outside the keyring session, so a missing keychain never passes for a working one. */
export function assertInTestKeyring(): void {
  if (process.env['MAILWARDEN_TEST_KEYRING'] !== '1') {
    throw new Error(
      'These tests need the real keychain: run them through "npm test" (dbus-run-session + test/helpers/with-keyring.sh).',
    );
  }
}

export async function createTestServices(options: Partial<MainServicesOptions> = {}): Promise<TestServices> {
  assertInTestKeyring();
  const dataDir = await makeTempDir();
  const keychainService = `Mailwarden-test-${randomBytes(6).toString('hex')}`;
  const services = createMainServices({ dataDir, keychainService, ...options });
  // The audit code loads on first use (main/lazy-services.ts). The app and the CLI load it from their
  // bundle in milliseconds, but here every module is compiled from TypeScript on import, which on a loaded
  // machine takes seconds: load it now, so a test that watches the first run's events times the run.
  await import('../../main/audit-composition');
  return {
    services,
    dataDir,
    keychainService,
    async cleanup() {
      for (const credential of await keytar.findCredentials(keychainService)) {
        await keytar.deletePassword(keychainService, credential.account);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
