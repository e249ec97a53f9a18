/**
 * Audits of saved accounts, ad hoc servers and bare domains, for the app and the CLI.
 *
 * The service fetches an account's password from the keychain only for the run, and it never leaves
 * the login adapter. Runs started from the app can be cancelled by id; every run ends with a report.
 */
import type {
  AuditEvent,
  AuditOptions,
  AuditReport,
  HistorySaveResult,
} from '../../../preload/contract/audit';
import type { Account, OAuthProviderName } from '../../../preload/contract/accounts';
import { toAsciiDomain } from '../accounts/domain-name';
import type { AccountService } from '../accounts/account-service';
import { MailwardenError, toFailure } from '../errors/mailwarden-error';
import type { IdSource, SecretStore } from '../ports';
import type { HistorySaveOutcome, HistoryStore } from '../history/history-port';
import type { StandardSmtpPorts } from '../probes/smtp-ports';
import type { SmtpLimits } from '../smtp/smtp-channel';
import type { LoginSecret } from '../smtp/smtp-login';
import { incomingSecretKey } from '../accounts/secret-keys';
import type { StandardIncomingPorts } from '../incoming/incoming-reachability';
import type { IncomingSecret } from '../incoming/incoming-login-port';
import type { IncomingProtocol, LineLimits } from '../incoming/line-channel';
import type { AuditIncomingServer } from './incoming-audit';
import { missingScope, type GrantedAccessToken, type MissingScope } from '../oauth/mail-scopes';
import { joinRecentProof } from './join-recent-proof';
import { runAudit, type AuditDeps, type AuditServer, type AuditSubject } from './audit-runner';

export type AuditRequest =
  | { readonly kind: 'account'; readonly accountId: string; readonly xoauth2Token?: string | undefined }
  | {
      readonly kind: 'server';
      readonly server: AuditServer;
      /** `imap` or `pop3`: the server is an incoming one (`audit --protocol`); SMTP when absent. */
      readonly protocol?: IncomingProtocol | undefined;
    }
  | { readonly kind: 'domain'; readonly domain: string; readonly dkimSelectors?: readonly string[] }
  | {
      /** A batch row that is not a saved account: its server and its domain, with no password. */
      readonly kind: 'unsaved-account';
      readonly label: string;
      readonly email: string | null;
      readonly domain: string;
      readonly server: Omit<AuditServer, 'secret'>;
      /** Its incoming server from the batch's incoming columns, audited without a password too. */
      readonly incoming?: Omit<AuditIncomingServer, 'secret' | 'username'> | undefined;
    };

export interface AuditRunSettings extends AuditOptions {
  readonly extraCaPem?: string | undefined;
  readonly ports?: Partial<StandardSmtpPorts>;
  /** SMTP step timeouts (the saved "wait for a server" setting); the built-in ones when absent. */
  readonly limits?: Partial<SmtpLimits> | undefined;
  /** The whole audit's deadline (the saved audit limit); OVERALL_AUDIT_DEADLINE_MS when absent. */
  readonly overallDeadlineMs?: number | undefined;
  /** Sender addresses to evaluate the domain's SPF for (the CLI's --ip), besides the submission server's. */
  readonly spfSenderIps?: readonly string[] | undefined;
  /** The user says the domain sends no mail (the CLI's --parked). */
  readonly parked?: boolean | undefined;
  /** Where 143/993 and 110/995 really are (tests map them onto loopback ports). */
  readonly incomingPorts?: Partial<Record<IncomingProtocol, StandardIncomingPorts>>;
  readonly incomingLimits?: Partial<LineLimits>;
}

export interface AuditService {
  /** Runs to the end (or to `signal`), streaming events; for the CLI and tests. */
  run(
    request: AuditRequest,
    settings: AuditRunSettings,
    options?: {
      signal?: AbortSignal;
      onEvent?: (event: AuditEvent) => void;
      /** Told whether the report reached the history; a failure there never loses the report. */
      onHistory?: (outcome: HistorySaveOutcome) => void;
    },
  ): Promise<AuditReport>;
  /** Starts in the background and returns its id at once; the report arrives as the `finished` event. */
  start(
    request: AuditRequest,
    settings: AuditRunSettings,
    onEvent: (event: AuditEvent) => void,
  ): Promise<{ readonly runId: string }>;
  /** True when a run with that id was still going. */
  cancel(runId: string): boolean;
}

export function createAuditService(deps: {
  readonly accounts: AccountService;
  readonly secrets: SecretStore;
  readonly ids: IdSource;
  /** Adapters built afresh per run, so a changed DNS setting applies to the next audit. */
  readonly auditDeps: (options: { readonly extraCaPem?: string | undefined }) => Promise<AuditDeps>;
  /** Where every finished (or cancelled) run's report is kept; none in tests that do not need it. */
  readonly history?: HistoryStore;
  /**
   * A valid access token for an account that signs in with OAuth (refreshed from the keychain's refresh
   * token when due) and the scopes granted; it throws SIGN_IN_AGAIN when the stored sign-in no longer works.
   */
  readonly oauthAccessToken?: (accountId: string) => Promise<GrantedAccessToken>;
}): AuditService {
  const running = new Map<string, AbortController>();

  async function subjectOf(request: AuditRequest, withoutSignIn = false): Promise<AuditSubject> {
    switch (request.kind) {
      case 'server':
        return request.protocol === undefined
          ? { kind: 'server', server: request.server }
          : {
              kind: 'server',
              server: request.server,
              incoming: adHocIncoming(request.server, request.protocol),
            };
      case 'domain': {
        const domain = toAsciiDomain(request.domain);
        if (!domain.ok)
          throw new MailwardenError(
            'INVALID_INPUT',
            `"${request.domain}" is not a domain name: ${domain.reason}`,
            [{ field: 'domain', message: domain.reason }],
          );
        return { kind: 'domain', domain: domain.value, dkimSelectors: request.dkimSelectors ?? [] };
      }
      case 'unsaved-account':
        // No secret, so the login is only inspected and the spoofing tests (the address's one use) skip.
        return {
          kind: 'account',
          label: request.label,
          email: request.email ?? '',
          domain: request.domain,
          dkimSelectors: [],
          presetId: null,
          server: { ...request.server, secret: null },
          incoming:
            request.incoming === undefined
              ? null
              : { ...request.incoming, username: request.server.username, secret: null },
        };
      case 'account': {
        const account = await deps.accounts.get(request.accountId);
        // Without signing in the keychain is never asked (it may be locked): the login is only inspected.
        if (withoutSignIn) return accountSubject(account, null, null);
        const grant = await oauthGrantFor(account, request.xoauth2Token);
        if (grant !== null) return oauthSubject(account, grant);
        const secret = await secretFor(account, request.xoauth2Token);
        return accountSubject(account, secret, await incomingSecretFor(account, secret));
      }
    }
  }

  /** The stored OAuth sign-in, with no prompt: a fresh access token and its scopes; null for a password. */
  async function oauthGrantFor(
    account: Account,
    xoauth2Token: string | undefined,
  ): Promise<{ readonly grant: GrantedAccessToken; readonly provider: OAuthProviderName } | null> {
    if (xoauth2Token !== undefined || account.signIn?.method !== 'oauth') return null;
    if (deps.oauthAccessToken === undefined) return null;
    return { grant: await deps.oauthAccessToken(account.id), provider: account.signIn.provider };
  }

  /**
   * An OAuth account's subject: each login gets the token only when the scopes granted include the one
   * it needs (issue 17 section 4); otherwise it is not sent, and the finding names the missing scope.
   */
  async function oauthSubject(
    account: Account,
    { grant, provider }: { readonly grant: GrantedAccessToken; readonly provider: OAuthProviderName },
  ): Promise<AuditSubject> {
    const sending = missingScope(provider, 'smtp', grant.scopes);
    const secret: LoginSecret | null = sending === null ? { kind: 'xoauth2', token: grant.token } : null;
    const incoming = account.incoming ?? null;
    const reading = incoming === null ? null : missingScope(provider, incoming.protocol, grant.scopes);
    const incomingSecret =
      incoming === null
        ? null
        : incoming.ownPassword
          ? await incomingSecretFor(account, null)
          : reading === null
            ? ({ kind: 'access-token', token: grant.token } as const)
            : null;
    const subject = accountSubject(account, secret, incomingSecret);
    return withScopesMissing(subject, sending, incoming?.ownPassword === true ? null : reading);
  }

  async function secretFor(account: Account, xoauth2Token: string | undefined): Promise<LoginSecret | null> {
    if (xoauth2Token !== undefined) return { kind: 'xoauth2', token: xoauth2Token };
    // An OAuth account without the OAuth wiring (tests of other parts): the login is only inspected.
    if (account.signIn?.method === 'oauth') return null;
    const password = await deps.secrets.get(account.id);
    return password === null ? null : { kind: 'password', password };
  }

  /**
   * The incoming server's own password, or what the sending login uses: the shared password, or the
   * access token of the OAuth sign-in (one token serves SMTP, IMAP and POP3, as the provider's scopes do).
   */
  async function incomingSecretFor(
    account: Account,
    secret: LoginSecret | null,
  ): Promise<IncomingSecret | null> {
    if (account.incoming === undefined || account.incoming === null) return null;
    if (account.incoming.ownPassword) {
      const password = await deps.secrets.get(incomingSecretKey(account.id));
      return password === null ? null : { kind: 'password', password };
    }
    return incomingSecretOf(secret);
  }

  async function execute(
    runId: string,
    request: AuditRequest,
    settings: AuditRunSettings,
    signal: AbortSignal,
    onEvent?: (event: AuditEvent) => void,
    onHistory?: (outcome: HistorySaveOutcome) => void,
  ) {
    const subject = await subjectOf(request, settings.withoutSignIn === true);
    const report = await runAudit(
      subject,
      {
        areas: settings.only,
        relayTest: settings.relayTest ?? true,
        allowCertificateFingerprint: settings.allowCertificateFingerprint,
        extraCaPem: settings.extraCaPem,
        ...(settings.ports === undefined ? {} : { ports: settings.ports }),
        ...(settings.limits === undefined ? {} : { limits: settings.limits }),
        ...(settings.overallDeadlineMs === undefined
          ? {}
          : { overallDeadlineMs: settings.overallDeadlineMs }),
        ...(settings.spfSenderIps === undefined ? {} : { spfSenderIps: settings.spfSenderIps }),
        ...(settings.parked === true ? { parked: true } : {}),
        ...(settings.incomingPorts === undefined ? {} : { incomingPorts: settings.incomingPorts }),
        ...(settings.incomingLimits === undefined ? {} : { incomingLimits: settings.incomingLimits }),
      },
      await deps.auditDeps({ extraCaPem: settings.extraCaPem }),
      { runId, signal, ...(onEvent === undefined ? {} : { onEvent }) },
    );
    const planned = await withRecentProof(request, report);
    await saveToHistory(runId, request, planned, onHistory);
    return planned;
  }

  /**
   * An account's plan joins its recent test message (join-recent-proof.ts). The history is only read
   * here: when it cannot be, the audit's own plan stands, and the history's list shows what went wrong.
   */
  async function withRecentProof(request: AuditRequest, report: AuditReport): Promise<AuditReport> {
    if (deps.history === undefined || request.kind !== 'account') return report;
    try {
      return await joinRecentProof(report, request.accountId, deps.history);
    } catch {
      return report;
    }
  }

  /** Keeps the report; a failure is handed to the caller to show, and the report is returned regardless. */
  async function saveToHistory(
    runId: string,
    request: AuditRequest,
    report: AuditReport,
    onHistory?: (outcome: HistorySaveOutcome) => void,
  ): Promise<void> {
    if (deps.history === undefined) return;
    const accountId = request.kind === 'account' ? request.accountId : null;
    try {
      await deps.history.save({ runId, accountId, report });
      onHistory?.({ saved: true, runId });
    } catch (error) {
      onHistory?.({ saved: false, runId, message: toFailure(error).message });
    }
  }

  return {
    run: (request, settings, options = {}) =>
      execute(
        deps.ids.newId(),
        request,
        settings,
        options.signal ?? new AbortController().signal,
        options.onEvent,
        options.onHistory,
      ),

    async start(request, settings, onEvent) {
      // Resolve the subject first so a bad request is refused now, not as a later event.
      await subjectOf(request, settings.withoutSignIn === true);
      const runId = deps.ids.newId();
      const controller = new AbortController();
      running.set(runId, controller);
      let history: HistorySaveResult = { status: 'not-kept' };
      const onHistory = (outcome: HistorySaveOutcome) => {
        history = outcome.saved ? { status: 'saved' } : { status: 'failed', message: outcome.message };
      };
      void execute(runId, request, settings, controller.signal, onEvent, onHistory)
        .then(
          (report) => {
            onEvent({ runId, type: 'finished', report, history });
          },
          (error: unknown) => {
            const message =
              error instanceof MailwardenError
                ? error.message
                : 'The audit stopped unexpectedly. Nothing was sent to the server after that.';
            onEvent({ runId, type: 'failed', message });
          },
        )
        .finally(() => running.delete(runId));
      return { runId };
    },

    cancel(runId) {
      const controller = running.get(runId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}

/** Marks the logins whose scope the sign-in lacks, so their findings say so instead of trying them. */
function withScopesMissing(
  subject: AuditSubject,
  sending: MissingScope | null,
  reading: MissingScope | null,
): AuditSubject {
  if (subject.kind !== 'account') return subject;
  return {
    ...subject,
    server: { ...subject.server, scopeMissing: sending },
    incoming:
      subject.incoming === undefined || subject.incoming === null
        ? null
        : { ...subject.incoming, scopeMissing: reading },
  };
}

/** The sending login's secret as the incoming login's: the password, or the token (`--oauth-token-stdin`). */
function incomingSecretOf(secret: LoginSecret | null): IncomingSecret | null {
  if (secret === null) return null;
  return secret.kind === 'password'
    ? { kind: 'password', password: secret.password }
    : { kind: 'access-token', token: secret.token };
}

/** An ad hoc incoming server: its password, or the token piped to `--oauth-token-stdin`. */
function adHocIncoming(server: AuditServer, protocol: IncomingProtocol): AuditIncomingServer {
  return {
    protocol,
    host: server.host,
    port: server.port,
    security: server.security,
    username: server.username,
    secret: incomingSecretOf(server.secret),
  };
}

function accountSubject(
  account: Account,
  secret: LoginSecret | null,
  incomingSecret: IncomingSecret | null,
): AuditSubject {
  const { incoming } = account;
  return {
    incoming:
      incoming === undefined || incoming === null
        ? null
        : {
            protocol: incoming.protocol,
            host: incoming.host,
            port: incoming.port,
            security: incoming.security,
            username: incoming.username,
            secret: incomingSecret,
          },
    kind: 'account',
    label: account.label,
    email: account.email,
    domain: account.domain,
    dkimSelectors: account.dkimSelectors,
    presetId: account.presetId,
    server: {
      host: account.host,
      port: account.port,
      security: account.security,
      username: account.username,
      secret,
    },
  };
}
