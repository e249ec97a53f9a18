/**
 * Wires the core to the real adapters. The desktop app, the CLI and the end-to-end tests all build
 * their services here, so they run the same code against the same files and keychain.
 */
import { createImapflowLogin } from './adapters/incoming/imapflow-login';
import { createLineConnector } from './adapters/incoming/line-connector';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DiscoveryResult, ProviderPreset } from '../preload/contract/providers';
import {
  createDnsResolver,
  formatDnsServer,
  parseDnsServer,
  type DnsServerAddress,
} from './adapters/dns-resolver';
import { createCaPemChecker } from './adapters/ca-certificates';
import { createDnsWireClient } from './adapters/dns-wire-client';
import { createHttpsFetcher } from './adapters/https-fetcher';
import { createNodemailerLogin } from './adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from './adapters/smtp/smtp-connector';
import { createJsonDocumentStore } from './adapters/json-document-store';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { createFileHistoryStore } from './adapters/file-history-store';
import { writeFileAtomic } from './adapters/atomic-file';
import { HISTORY_DIR_NAME } from './core/history/history-document';
import { createHistoryService, type HistoryService } from './core/history/history-service';
import { createFileLock } from './adapters/file-lock';
import {
  ACCOUNTS_FILE_NAME,
  ACCOUNTS_FORMAT,
  ACCOUNTS_LOCK_FILE_NAME,
} from './core/accounts/accounts-document';
import { createAccountService, type AccountService } from './core/accounts/account-service';
import { PROVIDER_PRESETS } from './core/accounts/provider-presets';
import { createAuditService, type AuditService } from './core/audit/audit-service';
import type { PdfPrinter, SaveTarget } from './core/export/export-ports';
import { createReportExporter, type ReportExporter } from './core/export/export-report';
import { discoverSubmission } from './core/discovery/discover-submission';
import { fetchAutoconfig } from './core/discovery/fetch-autoconfig';
import { MailwardenError } from './core/errors/mailwarden-error';
import type { DnsResolver, SecretStore } from './core/ports';
import { SETTINGS_FILE_NAME, SETTINGS_FORMAT } from './core/settings/settings-document';
import { createSettingsService, type SettingsService } from './core/settings/settings-service';
import { MAILWARDEN_VERSION } from './version';
import { createLoopbackRedirectListener } from './adapters/oauth/loopback-redirect-listener';
import { createProviderFetch } from './adapters/oauth/provider-fetch';
import { createOAuthService, type OAuthService } from './core/oauth/oauth-service';
import { connectToProvider } from './core/oauth/provider-connection';

export interface MainServicesOptions {
  readonly dataDir: string;
  /** Keychain service name; tests use their own so they never touch a real user's entries. */
  readonly keychainService?: string;
  readonly secretStore?: SecretStore;
  /** `host:port` that overrides the saved DNS setting for this process (the CLI's --dns). */
  readonly dnsServer?: string | null;
  /** Where exports are saved (the app's save dialog); without it, exporting is refused. */
  readonly saveTarget?: SaveTarget;
  /** Prints the HTML report to PDF (the app's Chromium); without it, PDF export is refused. */
  readonly pdfPrinter?: PdfPrinter;
  /** How long an OAuth sign-in waits for the browser; five minutes unless a test shortens it. */
  readonly signInDeadlineMs?: number;
}

export interface MainServices {
  readonly dataDir: string;
  readonly accounts: AccountService;
  readonly settings: SettingsService;
  readonly presets: readonly ProviderPreset[];
  readonly discovery: { run(domain: string): Promise<DiscoveryResult> };
  readonly audits: AuditService;
  /** Every audit run's report, kept in the data folder's history/ (one file per run). */
  readonly history: HistoryService;
  /** Saves a stored run's report as HTML, PDF, Markdown, JSON or CSV where the user chooses. */
  readonly exports: ReportExporter;
  /** OAuth sign-in, access tokens (memory only) and sign-out; refresh tokens only in the keychain. */
  readonly oauth: OAuthService;
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
  const accountsLock = createFileLock(join(dataDir, ACCOUNTS_LOCK_FILE_NAME));
  const accounts = createAccountService({
    store: createJsonDocumentStore(join(dataDir, ACCOUNTS_FILE_NAME), ACCOUNTS_FORMAT),
    secrets,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    lock: accountsLock,
  });
  const settings = createSettingsService({
    store: createJsonDocumentStore(join(dataDir, SETTINGS_FILE_NAME), SETTINGS_FORMAT),
    checkDnsServer,
    checkCaPem: createCaPemChecker(),
  });

  /** The DNS server every lookup goes to: the override, else the saved setting; null for the system's. */
  async function chosenDnsServer(): Promise<DnsServerAddress | null> {
    const chosen = options.dnsServer ?? (await settings.get()).dnsServer;
    if (chosen === null) return null;
    const parsed = parseDnsServer(chosen);
    if (!parsed.ok) {
      throw new MailwardenError('INVALID_INPUT', parsed.message, [
        { field: 'dnsServer', message: parsed.message },
      ]);
    }
    return parsed.value;
  }

  async function resolver(): Promise<DnsResolver> {
    const server = await chosenDnsServer();
    return createDnsResolver(server === null ? {} : { server });
  }

  const oauth = createOAuthService({
    accounts,
    secrets,
    lock: accountsLock,
    clock: { now: () => new Date() },
    redirects: createLoopbackRedirectListener(),
    // The provider is reached like the audits' HTTPS fetches: the chosen resolver, the trusted CAs.
    connect: async (signIn) => {
      const { extraCaPem } = await settings.get();
      return connectToProvider(signIn, createProviderFetch({ resolver: await resolver(), extraCaPem }));
    },
    ...(options.signInDeadlineMs === undefined ? {} : { signInDeadlineMs: options.signInDeadlineMs }),
  });

  const historyStore = createFileHistoryStore(join(dataDir, HISTORY_DIR_NAME));
  const audits = createAuditService({
    accounts,
    secrets,
    history: historyStore,
    ids: { newId: () => randomUUID() },
    oauthAccessToken: async (accountId) => (await oauth.accessToken(accountId)).token,
    // Built per run, so a DNS setting changed in the app applies to the next audit.
    auditDeps: async ({ extraCaPem }) => {
      const server = await chosenDnsServer();
      const dns = createDnsResolver(server === null ? {} : { server });
      return {
        resolver: dns,
        wire: createDnsWireClient({ server }),
        fetcher: createHttpsFetcher({ resolver: dns, ...(extraCaPem === undefined ? {} : { extraCaPem }) }),
        connector: createSmtpConnector(),
        login: createNodemailerLogin(),
        clock: { now: () => new Date() },
        toolVersion: MAILWARDEN_VERSION,
        incoming: { connector: createLineConnector(), imapLogin: createImapflowLogin() },
      };
    },
  });

  const history = createHistoryService(historyStore);
  const exports = createReportExporter({
    history,
    saveTarget: options.saveTarget,
    pdfPrinter: options.pdfPrinter,
    writeFile: writeFileAtomic,
  });

  return {
    dataDir,
    accounts,
    settings,
    oauth,
    presets: PROVIDER_PRESETS,
    discovery: {
      run: async (domain) => {
        const dns = await resolver();
        // The CA the user added in settings is trusted here too, as for the audit's HTTPS fetches.
        const { extraCaPem } = await settings.get();
        const fetcher = createHttpsFetcher({ resolver: dns, extraCaPem });
        return discoverSubmission(domain, {
          resolver: dns,
          autoconfig: (ascii) => fetchAutoconfig(ascii, { fetcher }),
        });
      },
    },
    audits,
    history,
    exports,
    resolver,
  };
}
