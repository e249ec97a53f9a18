/**
 * Decides what each batch row audits: a saved account (its keychain password), an unsaved account or
 * server (no password: the login is only inspected, its mechanisms listed), or a bare domain.
 *
 * A row that names a saved account but gives other server settings is not run: auditing something other
 * than what the row says would hand the client a report about the wrong server.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { AuditRequest } from '../audit/audit-service';
import type { BatchRow, BatchRowProblem } from './batch-rows';

export interface BatchJob {
  readonly line: number;
  readonly client: string;
  /** The email or domain as the index shows it. */
  readonly target: string;
  readonly request: AuditRequest;
  /** How the login is treated, for the index (e.g. "saved account: password from the keychain"). */
  readonly note: string;
}

export type BatchPlanEntry =
  | { readonly kind: 'job'; readonly job: BatchJob }
  | { readonly kind: 'not-run'; readonly problem: BatchRowProblem };

export const NOTE_KEYCHAIN = 'saved account: password from the keychain';
export const NOTE_SAVED_NO_PASSWORD =
  'saved account without a password in the keychain: login inspected only (mechanisms)';
export const NOTE_NO_PASSWORD = 'not a saved account: no password, login inspected only (mechanisms)';
export const NOTE_DOMAIN_ONLY = 'domain only: DNS records, no server';

export function planBatch(
  rows: readonly (BatchRow | BatchRowProblem)[],
  accounts: readonly AccountView[],
): BatchPlanEntry[] {
  return rows.map((row) =>
    row.kind === 'problem' ? { kind: 'not-run', problem: row } : planRow(row, accounts),
  );
}

function planRow(row: BatchRow, accounts: readonly AccountView[]): BatchPlanEntry {
  const { target, server } = row;
  const shown = target.kind === 'email' ? target.email : target.domain;
  const job = (request: AuditRequest, note: string): BatchPlanEntry => ({
    kind: 'job',
    job: { line: row.line, client: row.client, target: shown, request, note },
  });
  const notRun = (reason: string): BatchPlanEntry => ({
    kind: 'not-run',
    problem: { kind: 'problem', line: row.line, client: row.client, target: shown, reason },
  });

  if (target.kind === 'email') {
    const saved = accounts.find((account) => account.email.toLowerCase() === target.email.toLowerCase());
    if (saved !== undefined) {
      const differs =
        (server !== null &&
          (server.host !== saved.host || server.port !== saved.port || server.security !== saved.security)) ||
        (row.user !== '' && row.user !== saved.username);
      const savedIncoming = saved.incoming ?? null;
      const incomingDiffers =
        row.incoming !== null &&
        (savedIncoming === null ||
          row.incoming.protocol !== savedIncoming.protocol ||
          row.incoming.host !== savedIncoming.host ||
          row.incoming.port !== savedIncoming.port ||
          row.incoming.security !== savedIncoming.security);
      if (incomingDiffers) {
        return notRun(
          `the row's incoming server differs from the saved account's (${savedIncoming === null ? 'none' : `${savedIncoming.protocol} ${savedIncoming.host}:${String(savedIncoming.port)} ${savedIncoming.security}`}); leave the incoming columns empty to audit the saved account, or correct them`,
        );
      }
      if (differs) {
        return notRun(
          `the row's server or user differs from the saved account (${saved.host}:${String(saved.port)} ${saved.security}, user ${saved.username}); leave host, port, security and user empty to audit the saved account, or correct them`,
        );
      }
      return job(
        { kind: 'account', accountId: saved.id },
        saved.hasPassword === 'missing' ? NOTE_SAVED_NO_PASSWORD : NOTE_KEYCHAIN,
      );
    }
    if (server === null) {
      return notRun(
        `${target.email} is not a saved account and the row gives no host, port and security; add them, or save the account with "mailwarden accounts add"`,
      );
    }
  }
  if (server === null) return job({ kind: 'domain', domain: target.domain }, NOTE_DOMAIN_ONLY);
  return job(
    {
      kind: 'unsaved-account',
      label: shown,
      email: target.kind === 'email' ? target.email : null,
      domain: target.domain,
      server: {
        ...server,
        username: row.user !== '' ? row.user : target.kind === 'email' ? target.email : '',
      },
      ...(row.incoming === null ? {} : { incoming: row.incoming }),
    },
    NOTE_NO_PASSWORD,
  );
}
