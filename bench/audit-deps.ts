/** The real adapters, wired the way main/composition.ts wires them for one audit run. */
import { createDnsResolver, parseDnsServer } from '../main/adapters/dns-resolver';
import { createDnsWireClient } from '../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../main/adapters/smtp/smtp-connector';
import type { AuditDeps } from '../main/core/audit/audit-runner';
import { MAILWARDEN_VERSION } from '../main/version';

/** Deps for one run against the DNS server `dnsServer` (`127.0.0.x:PORT`), trusting `extraCaPem` too. */
export function createBenchDeps(dnsServer: string, extraCaPem: string): AuditDeps {
  const parsed = parseDnsServer(dnsServer);
  if (!parsed.ok) throw new Error(`bad DNS server ${dnsServer}: ${parsed.message}`);
  const resolver = createDnsResolver({ server: parsed.value });
  return {
    resolver,
    wire: createDnsWireClient({ server: parsed.value }),
    fetcher: createHttpsFetcher({ resolver, extraCaPem }),
    connector: createSmtpConnector(),
    login: createNodemailerLogin(),
    clock: { now: () => new Date() },
    toolVersion: MAILWARDEN_VERSION,
  };
}
