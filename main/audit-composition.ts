/**
 * The heavy half of the wiring: audits, discovery and exports, with the probes, nodemailer, imapflow,
 * the findings catalogue and the report renderers behind them. `composition.ts` loads this module on
 * first use only, so commands that just read the accounts or the history never pay for it.
 */
import { randomUUID } from 'node:crypto';
import type { DiscoveryResult } from '../preload/contract/providers';
import { writeFileAtomic } from './adapters/atomic-file';
import { createDnsResolver, type DnsServerAddress } from './adapters/dns-resolver';
import { createDnsWireClient } from './adapters/dns-wire-client';
import { createHttpsFetcher } from './adapters/https-fetcher';
import { createImapflowLogin } from './adapters/incoming/imapflow-login';
import { createImapflowMailboxWatch } from './adapters/incoming/imapflow-mailbox-watch';
import { createLineConnector } from './adapters/incoming/line-connector';
import { createNodemailerLogin, createNodemailerSubmission } from './adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from './adapters/smtp/smtp-connector';
import type { AccountService } from './core/accounts/account-service';
import { createAuditService, type AuditService } from './core/audit/audit-service';
import { discoverSubmission } from './core/discovery/discover-submission';
import { fetchAutoconfig } from './core/discovery/fetch-autoconfig';
import type { PdfPrinter, SaveTarget } from './core/export/export-ports';
import { createReportExporter, type ReportExporter } from './core/export/export-report';
import type { HistoryStore } from './core/history/history-port';
import type { HistoryService } from './core/history/history-service';
import { createProofService, type ProofService } from './core/prove/proof-service';
import type { GrantedAccessToken } from './core/oauth/mail-scopes';
import type { SecretStore } from './core/ports';
import type { SettingsService } from './core/settings/settings-service';
import { MAILWARDEN_VERSION } from './version';

export interface AuditWiringDeps {
  readonly accounts: AccountService;
  readonly secrets: SecretStore;
  readonly settings: SettingsService;
  readonly history: HistoryService;
  readonly historyStore: HistoryStore;
  /** The DNS server every lookup goes to (the override, else the saved setting); null for the system's. */
  readonly chosenDnsServer: () => Promise<DnsServerAddress | null>;
  /**
   * A fresh access token for an account that signs in with OAuth (refreshed from the keychain's token),
   * with the scopes granted.
   */
  readonly oauthAccessToken: (accountId: string) => Promise<GrantedAccessToken>;
  readonly saveTarget?: SaveTarget | undefined;
  readonly pdfPrinter?: PdfPrinter | undefined;
}

export interface AuditWiring {
  readonly audits: AuditService;
  readonly discovery: { run(domain: string): Promise<DiscoveryResult> };
  readonly exports: ReportExporter;
  /** `mailwarden prove`: one test message sent and judged as it arrives. */
  readonly proofs: ProofService;
}

export function createAuditWiring(deps: AuditWiringDeps): AuditWiring {
  const { settings, chosenDnsServer } = deps;
  const audits = createAuditService({
    accounts: deps.accounts,
    secrets: deps.secrets,
    history: deps.historyStore,
    ids: { newId: () => randomUUID() },
    oauthAccessToken: deps.oauthAccessToken,
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

  const discovery = {
    run: async (domain: string): Promise<DiscoveryResult> => {
      const server = await chosenDnsServer();
      const dns = createDnsResolver(server === null ? {} : { server });
      // The CA the user added in settings is trusted here too, as for the audit's HTTPS fetches.
      const { extraCaPem } = await settings.get();
      const fetcher = createHttpsFetcher({ resolver: dns, extraCaPem });
      return discoverSubmission(domain, {
        resolver: dns,
        autoconfig: (ascii) => fetchAutoconfig(ascii, { fetcher }),
      });
    },
  };

  const exports = createReportExporter({
    history: deps.history,
    saveTarget: deps.saveTarget,
    pdfPrinter: deps.pdfPrinter,
    writeFile: writeFileAtomic,
  });

  const proofs = createProofService({
    accounts: deps.accounts,
    secrets: deps.secrets,
    oauthAccessToken: async (accountId) => (await deps.oauthAccessToken(accountId)).token,
    proofDeps: async () => {
      const server = await chosenDnsServer();
      return {
        resolver: createDnsResolver(server === null ? {} : { server }),
        submission: createNodemailerSubmission(),
        mailbox: createImapflowMailboxWatch(),
        clock: { now: () => new Date() },
        ids: { newId: () => randomUUID() },
        toolVersion: MAILWARDEN_VERSION,
      };
    },
  });

  return { audits, discovery, exports, proofs };
}
