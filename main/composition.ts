/**
 * Wires the core to the real adapters. The desktop app, the CLI and the end-to-end tests all build
 * their services here, so they run the same code against the same files and keychain.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DiscoveryResult, ProviderPreset } from '../preload/contract/providers';
import { createDnsResolver, formatDnsServer, parseDnsServer } from './adapters/dns-resolver';
import { createJsonDocumentStore } from './adapters/json-document-store';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { ACCOUNTS_FILE_NAME, ACCOUNTS_FORMAT } from './core/accounts/accounts-document';
import { createAccountService, type AccountService } from './core/accounts/account-service';
import { PROVIDER_PRESETS } from './core/accounts/provider-presets';
import { discoverSubmission } from './core/discovery/discover-submission';
import { MailwardenError } from './core/errors/mailwarden-error';
import type { DnsResolver, SecretStore } from './core/ports';
import { SETTINGS_FILE_NAME, SETTINGS_FORMAT } from './core/settings/settings-document';
import { createSettingsService, type SettingsService } from './core/settings/settings-service';

export interface MainServicesOptions {
  readonly dataDir: string;
  /** Keychain service name; tests use their own so they never touch a real user's entries. */
  readonly keychainService?: string;
  readonly secretStore?: SecretStore;
  /** `host:port` that overrides the saved DNS setting for this process (the CLI's --dns). */
  readonly dnsServer?: string | null;
}

export interface MainServices {
  readonly dataDir: string;
  readonly accounts: AccountService;
  readonly settings: SettingsService;
  readonly presets: readonly ProviderPreset[];
  readonly discovery: { run(domain: string): Promise<DiscoveryResult> };
  /** The resolver every lookup uses right now: the override, else the saved setting, else the system's. */
  resolver(): Promise<DnsResolver>;
}

/** Validates a `--dns` / setting value once, with the same rules everywhere. */
export function checkDnsServer(
  text: string,
): { ok: true; canonical: string } | { ok: false; message: string } {
  const parsed = parseDnsServer(text);
  return parsed.ok ? { ok: true, canonical: formatDnsServer(parsed.value) } : parsed;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const { dataDir } = options;
  const secrets =
    options.secretStore ??
    createKeytarSecretStore(
      options.keychainService === undefined ? {} : { service: options.keychainService },
    );
  const accounts = createAccountService({
    store: createJsonDocumentStore(join(dataDir, ACCOUNTS_FILE_NAME), ACCOUNTS_FORMAT),
    secrets,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
  });
  const settings = createSettingsService({
    store: createJsonDocumentStore(join(dataDir, SETTINGS_FILE_NAME), SETTINGS_FORMAT),
    checkDnsServer,
  });

  async function resolver(): Promise<DnsResolver> {
    const chosen = options.dnsServer ?? (await settings.get()).dnsServer;
    if (chosen === null) return createDnsResolver({});
    const parsed = parseDnsServer(chosen);
    if (!parsed.ok)
      throw new MailwardenError('INVALID_INPUT', parsed.message, [
        { field: 'dnsServer', message: parsed.message },
      ]);
    return createDnsResolver({ server: parsed.value });
  }

  return {
    dataDir,
    accounts,
    settings,
    presets: PROVIDER_PRESETS,
    discovery: { run: async (domain) => discoverSubmission(domain, { resolver: await resolver() }) },
    resolver,
  };
}
