/**
 * The findings catalogue: every knowledge table merged into one read-only lookup keyed by finding id.
 *
 * Each check owns its table (so its factory is typed by it); the catalogue is the one place that sees
 * them all, for the score, the generated docs/findings.md and anything else that must name every finding.
 * A new `*-knowledge.ts` table is added to KNOWLEDGE_TABLES below; the catalogue test fails until it is.
 */
import { AUDIT_KNOWLEDGE } from './audit-knowledge';
import { AUTH_KNOWLEDGE } from './auth-knowledge';
import { BIMI_KNOWLEDGE } from './bimi-knowledge';
import { BULK_SENDER_KNOWLEDGE } from './bulk-sender-knowledge';
import { DANE_KNOWLEDGE } from './dane-knowledge';
import { DKIM_KNOWLEDGE } from './dkim-knowledge';
import { DMARC_KNOWLEDGE } from './dmarc-knowledge';
import { IMAP_KNOWLEDGE, POP3_KNOWLEDGE } from './incoming-knowledge';
import type { KnowledgeEntry, KnowledgeTable } from './knowledge-entry';
import { MESSAGE_KNOWLEDGE } from './message-knowledge';
import { MTA_STS_KNOWLEDGE } from './mta-sts-knowledge';
import { MX_KNOWLEDGE } from './mx-knowledge';
import { RELAY_KNOWLEDGE } from './relay-knowledge';
import { REVERSE_DNS_KNOWLEDGE } from './reverse-dns-knowledge';
import { SMTP_KNOWLEDGE } from './smtp-knowledge';
import { SPF_KNOWLEDGE } from './spf-knowledge';
import { SPOOFING_KNOWLEDGE } from './spoofing-knowledge';
import { TLS_KNOWLEDGE } from './tls-knowledge';
import { TLS_RPT_KNOWLEDGE } from './tls-rpt-knowledge';

/** Which knowledge table a finding comes from; named after the table's file. */
export type KnowledgeArea =
  | 'audit'
  | 'smtp'
  | 'tls'
  | 'auth'
  | 'relay'
  | 'spoofing'
  | 'mx'
  | 'spf'
  | 'dkim'
  | 'dmarc'
  | 'mta-sts'
  | 'tls-rpt'
  | 'bimi'
  | 'dane'
  | 'reverse-dns'
  | 'bulk-sender'
  | 'imap'
  | 'pop3'
  | 'message';

export interface KnowledgeTableInfo {
  readonly area: KnowledgeArea;
  /** Heading for the area in docs/findings.md. */
  readonly label: string;
  readonly table: KnowledgeTable;
}

/** Every table, in the order a reader meets them: the server, then the domain, then the audit itself. */
export const KNOWLEDGE_TABLES: readonly KnowledgeTableInfo[] = [
  { area: 'smtp', label: 'SMTP connection and dialogue', table: SMTP_KNOWLEDGE },
  { area: 'tls', label: 'TLS encryption', table: TLS_KNOWLEDGE },
  { area: 'auth', label: 'Login (SMTP AUTH)', table: AUTH_KNOWLEDGE },
  { area: 'relay', label: 'Open relay', table: RELAY_KNOWLEDGE },
  { area: 'spoofing', label: 'Sender spoofing', table: SPOOFING_KNOWLEDGE },
  { area: 'imap', label: 'Incoming mail: IMAP', table: IMAP_KNOWLEDGE },
  { area: 'pop3', label: 'Incoming mail: POP3', table: POP3_KNOWLEDGE },
  { area: 'mx', label: 'MX records', table: MX_KNOWLEDGE },
  { area: 'spf', label: 'SPF', table: SPF_KNOWLEDGE },
  { area: 'dkim', label: 'DKIM', table: DKIM_KNOWLEDGE },
  { area: 'dmarc', label: 'DMARC', table: DMARC_KNOWLEDGE },
  { area: 'mta-sts', label: 'MTA-STS', table: MTA_STS_KNOWLEDGE },
  { area: 'tls-rpt', label: 'TLS-RPT', table: TLS_RPT_KNOWLEDGE },
  { area: 'bimi', label: 'BIMI', table: BIMI_KNOWLEDGE },
  { area: 'dane', label: 'DANE', table: DANE_KNOWLEDGE },
  { area: 'reverse-dns', label: 'Reverse DNS', table: REVERSE_DNS_KNOWLEDGE },
  { area: 'bulk-sender', label: 'Bulk-sender rules (Gmail, Yahoo, Microsoft)', table: BULK_SENDER_KNOWLEDGE },
  { area: 'message', label: 'A received message (mailwarden analyse)', table: MESSAGE_KNOWLEDGE },
  { area: 'audit', label: 'The audit itself', table: AUDIT_KNOWLEDGE },
];

/** One catalogue entry: the wording of a finding, with its id and the area it belongs to. */
export interface CatalogueEntry extends KnowledgeEntry {
  readonly id: string;
  readonly area: KnowledgeArea;
}

export type FindingsCatalogue = ReadonlyMap<string, CatalogueEntry>;

/**
 * Merges the tables into one map, in table order.
 *
 * An id in two tables would make its wording depend on import order, so it is a programming error and
 * stops the merge loudly rather than letting one silently win.
 */
export function mergeKnowledgeTables(tables: readonly KnowledgeTableInfo[]): FindingsCatalogue {
  const merged = new Map<string, CatalogueEntry>();
  for (const { area, table } of tables) {
    for (const [id, entry] of Object.entries(table)) {
      const earlier = merged.get(id);
      if (earlier !== undefined)
        throw new Error(`Finding ${id} is in both the ${earlier.area} and the ${area} knowledge tables`);
      merged.set(id, Object.freeze({ ...entry, id, area }));
    }
  }
  return merged;
}

/** Every finding Mailwarden can report, keyed by id. */
export const FINDINGS_CATALOGUE: FindingsCatalogue = mergeKnowledgeTables(KNOWLEDGE_TABLES);
