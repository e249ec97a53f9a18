/**
 * `mailwarden prove` for a saved account: its sending secret and its incoming server's password from the
 * keychain, for this run only, then runProof. The account must have an IMAP server reached over TLS: the
 * mailbox is read with the password, which never travels in the clear.
 */
import type { Account } from '../../../preload/contract/accounts';
import type { ProofProgress } from '../../../preload/contract/proof';
import type { AccountService } from '../accounts/account-service';
import { incomingSecretKey } from '../accounts/secret-keys';
import { MailwardenError } from '../errors/mailwarden-error';
import type { SecretStore } from '../ports';
import type { LoginSecret } from '../smtp/smtp-login';
import type { ProofResult } from './proof-result';
import { runProof, type ProofDeps, type ProofIncoming } from './run-proof';

export interface ProofRunRequest {
  /** An account id or its email address. */
  readonly account: string;
  readonly to?: string | undefined;
  readonly keep: boolean;
  readonly timeoutMs: number;
  readonly extraCaPem?: string | undefined;
  readonly onProgress: (progress: ProofProgress) => void;
  readonly signal?: AbortSignal;
}

/** An account whose secrets were read and whose IMAP server qualifies: ready to send. */
export interface PreparedProof {
  readonly accountId: string;
  run(): Promise<ProofResult>;
}

export interface ProofService {
  run(request: ProofRunRequest): Promise<ProofResult>;
  /** The checks and keychain reads of run, without sending: the app refuses a bad request before it starts. */
  prepare(request: ProofRunRequest): Promise<PreparedProof>;
}

export function createProofService(deps: {
  readonly accounts: AccountService;
  readonly secrets: SecretStore;
  readonly oauthAccessToken?: (accountId: string) => Promise<string>;
  /** Adapters built per run, so a changed DNS setting applies to the next proof. */
  readonly proofDeps: () => Promise<ProofDeps>;
}): ProofService {
  async function sendingSecret(account: Account): Promise<LoginSecret> {
    if (account.signIn?.method === 'oauth' && deps.oauthAccessToken !== undefined)
      return { kind: 'xoauth2', token: await deps.oauthAccessToken(account.id) };
    const password = await deps.secrets.get(account.id);
    if (password === null)
      throw new MailwardenError(
        'INVALID_INPUT',
        `${account.label} has no saved password: set one with "mailwarden accounts set-password".`,
      );
    return { kind: 'password', password };
  }

  async function incomingOf(account: Account, secret: LoginSecret): Promise<ProofIncoming> {
    const incoming = account.incoming;
    if (incoming === undefined || incoming === null || incoming.protocol !== 'imap')
      throw new MailwardenError(
        'INVALID_INPUT',
        `${account.label} has no IMAP server to watch for the test message: add one with "mailwarden accounts edit --incoming-protocol imap --incoming-host ...".`,
      );
    if (incoming.security === 'none')
      throw new MailwardenError(
        'INVALID_INPUT',
        `${account.label}'s IMAP server is set up without TLS; Mailwarden sends the mailbox password only over TLS.`,
      );
    const password = incoming.ownPassword
      ? await deps.secrets.get(incomingSecretKey(account.id))
      : secret.kind === 'password'
        ? secret.password
        : null;
    if (password === null)
      throw new MailwardenError(
        'INVALID_INPUT',
        `${account.label}'s IMAP server has no saved password: set one with "mailwarden accounts set-password --incoming".`,
      );
    return {
      host: incoming.host,
      port: incoming.port,
      security: incoming.security === 'tls' ? 'implicit-tls' : 'starttls',
      username: incoming.username,
      password,
    };
  }

  async function prepare(request: ProofRunRequest): Promise<PreparedProof> {
    const account = await deps.accounts.resolve(request.account);
    const secret = await sendingSecret(account);
    const incoming = await incomingOf(account, secret);
    return {
      accountId: account.id,
      run: async () =>
        runProof(
          {
            account,
            secret,
            incoming,
            to: request.to ?? account.email,
            keep: request.keep,
            timeoutMs: request.timeoutMs,
            extraCaPem: request.extraCaPem,
            onProgress: request.onProgress,
            ...(request.signal === undefined ? {} : { signal: request.signal }),
          },
          await deps.proofDeps(),
        ),
    };
  }

  return {
    run: async (request) => (await prepare(request)).run(),
    prepare,
  };
}
