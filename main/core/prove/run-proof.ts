/**
 * `mailwarden prove`: send one tagged test message through the account's own submission server, watch the
 * account's mailbox until it arrives (inbox or Junk) or the deadline passes, and judge what arrived with
 * the analyse code. Outcomes are findings; the passwords go only to the two login adapters.
 */
import type { Account } from '../../../preload/contract/accounts';
import type { ProofProgress } from '../../../preload/contract/proof';
import type { Finding } from '../../../preload/contract/findings';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { findingFactory } from '../findings/finding-factory';
import { MESSAGE_KNOWLEDGE } from '../knowledge/message-knowledge';
import { analyseMessage } from '../message/analyse-message';
import type { MessageAnalysis } from '../message/message-analysis';
import type { Clock, DnsResolver, IdSource } from '../ports';
import { resolveHost } from '../probes/resolve-host';
import type { LoginReply, LoginSecret, SmtpSubmissionPort, SubmissionTrial } from '../smtp/smtp-login';
import type { MailboxWatchOutcome, MailboxWatchPort } from './mailbox-watch-port';
import { composeProofMessage } from './proof-message';
import {
  PROOF_RESULT_SCHEMA_VERSION,
  type ProofDelivery,
  type ProofResult,
  type ProofSubmission,
} from './proof-result';

const finding = findingFactory(MESSAGE_KNOWLEDGE);
const CHECK_ID = 'prove:message';
/** The login and the message, connect to the 250 after the data. */
const SUBMISSION_DEADLINE_MS = 60_000;
/** Our own message is about 1 KB; a receiver adds headers. Anything larger is not ours to read whole. */
export const MAX_PROOF_MESSAGE_BYTES = 1024 * 1024;
export const DEFAULT_PROOF_TIMEOUT_MS = 120_000;
const MAX_REPLY_CHARS = 300;

export interface ProofIncoming {
  readonly host: string;
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly password: string;
}

export interface ProofRequest {
  readonly account: Account;
  readonly secret: LoginSecret;
  readonly incoming: ProofIncoming;
  /** The account's own address unless the user named another that reaches the same mailbox. */
  readonly to: string;
  readonly keep: boolean;
  readonly timeoutMs: number;
  readonly extraCaPem?: string | undefined;
  readonly onProgress: (progress: ProofProgress) => void;
  readonly signal?: AbortSignal;
}

export interface ProofDeps {
  readonly resolver: DnsResolver;
  readonly submission: SmtpSubmissionPort;
  readonly mailbox: MailboxWatchPort;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly toolVersion: string;
}

export async function runProof(request: ProofRequest, deps: ProofDeps): Promise<ProofResult> {
  const { account } = request;
  const tag = deps.ids.newId();
  const base = {
    schemaVersion: PROOF_RESULT_SCHEMA_VERSION,
    kind: 'proof',
    toolVersion: deps.toolVersion,
    provedAt: deps.clock.now().toISOString(),
    account: { label: account.label, email: account.email },
    to: request.to,
    tag,
  } as const;
  const notDelivered: ProofDelivery = { landing: null, mailbox: null, waitedSeconds: 0, deleted: false };

  request.onProgress({ step: 'sending', from: account.email, to: request.to, host: account.host });
  const submission = await submit(request, deps, tag);
  if (submission.outcome !== 'accepted') {
    return {
      ...base,
      submission,
      delivery: notDelivered,
      analysis: null,
      findings: [
        submission.outcome === 'refused'
          ? finding('message.proof.refused', CHECK_ID, {
              to: request.to,
              refusedAt: submission.refusedAt ?? 'login',
              reply: submission.reply ?? '',
            })
          : finding('message.proof.refused', CHECK_ID, {
              to: request.to,
              refusedAt: submission.refusedAt ?? 'the connection',
              reply: submission.reply ?? 'no reply',
            }),
      ],
    };
  }
  const ofSeconds = Math.round(request.timeoutMs / 1000);
  request.onProgress({
    step: 'sent',
    queueId: submission.queueId,
    mailboxHost: request.incoming.host,
    waitSeconds: ofSeconds,
  });
  const watched = await watchMailbox(request, deps, tag);
  if (watched.kind === 'arrived')
    request.onProgress({
      step: 'arrived',
      landing: watched.landing,
      mailbox: watched.mailbox,
      waitedSeconds: Math.round(watched.waitedMs / 1000),
    });
  return { ...base, submission, ...(await judge(request, deps, submission, watched)) };
}

async function submit(request: ProofRequest, deps: ProofDeps, tag: string): Promise<ProofSubmission> {
  const { account } = request;
  const resolved = await resolveHost(deps.resolver, account.host);
  if (resolved.kind === 'failure')
    return { outcome: 'failed', reply: resolved.message, queueId: null, refusedAt: 'the address lookup' };
  const attempt = await deps.submission.login({
    target: { host: account.host, address: resolved.address, port: account.port },
    security:
      account.security === 'tls' ? 'implicit-tls' : account.security === 'starttls' ? 'starttls' : 'plain',
    username: account.username,
    secret: request.secret,
    deadlineMs: SUBMISSION_DEADLINE_MS,
    ...(request.extraCaPem === undefined ? {} : { extraCaPem: request.extraCaPem }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  });
  const session = attempt.session;
  if (session === null) {
    const { result } = attempt;
    const why =
      result.reply !== null
        ? replyText(result.reply)
        : (result.failure?.message ??
          (result.withheldReason === null ? result.outcome : `login withheld (${result.withheldReason})`));
    return {
      outcome: result.outcome === 'rejected' ? 'refused' : 'failed',
      reply: why,
      queueId: null,
      refusedAt: 'login',
    };
  }
  try {
    const message = composeProofMessage({
      from: account.email,
      to: request.to,
      tag,
      now: deps.clock.now(),
    });
    return submissionOf(await session.submit(account.email, request.to, message, SUBMISSION_DEADLINE_MS));
  } finally {
    await session.close();
  }
}

function submissionOf(trial: SubmissionTrial): ProofSubmission {
  const reply = trial.reply === null ? (trial.failure?.message ?? null) : replyText(trial.reply);
  return {
    outcome: trial.outcome,
    reply,
    queueId: trial.outcome === 'accepted' && trial.reply !== null ? queueIdOf(trial.reply.text) : null,
    refusedAt: trial.refusedAt,
  };
}

/** Postfix "Ok: queued as 4F2A1C0", Exim "OK id=1rXyZ-0001", Sendmail "Message accepted for delivery". */
function queueIdOf(text: string): string | null {
  const match = /queued as ([0-9A-Za-z]+)/i.exec(text) ?? /\bid=([0-9A-Za-z-]+)/.exec(text);
  return match?.[1] ?? null;
}

function replyText(reply: LoginReply): string {
  const code = `${String(reply.code)}${reply.enhancedCode === null ? '' : ` ${reply.enhancedCode}`}`;
  return excerpt(`${code} ${reply.text}`.trim(), MAX_REPLY_CHARS);
}

async function watchMailbox(
  request: ProofRequest,
  deps: ProofDeps,
  tag: string,
): Promise<MailboxWatchOutcome> {
  const { incoming } = request;
  const resolved = await resolveHost(deps.resolver, incoming.host);
  if (resolved.kind === 'failure') return { kind: 'failed', stage: 'mailbox', message: resolved.message };
  return deps.mailbox.watch({
    host: incoming.host,
    address: resolved.address,
    port: incoming.port,
    security: incoming.security,
    username: incoming.username,
    password: incoming.password,
    tag,
    deadlineMs: request.timeoutMs,
    maxMessageBytes: MAX_PROOF_MESSAGE_BYTES,
    keep: request.keep,
    onWaiting: (waitedSeconds) => {
      request.onProgress({ step: 'waiting', waitedSeconds, ofSeconds: Math.round(request.timeoutMs / 1000) });
    },
    ...(request.extraCaPem === undefined ? {} : { extraCaPem: request.extraCaPem }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  });
}

async function judge(
  request: ProofRequest,
  deps: ProofDeps,
  submission: ProofSubmission,
  watched: MailboxWatchOutcome,
): Promise<Pick<ProofResult, 'delivery' | 'analysis' | 'findings'>> {
  const reply = submission.reply ?? '';
  if (watched.kind === 'failed')
    return {
      delivery: { landing: null, mailbox: null, waitedSeconds: 0, deleted: false },
      analysis: null,
      findings: [
        finding('message.proof.not-watched', CHECK_ID, {
          reply,
          problem: `${watched.stage === 'login' ? 'the login was refused' : watched.stage === 'tls' ? 'its TLS did not verify' : 'the session failed'} (${watched.message})`,
        }),
      ],
    };
  const waitedSeconds = Math.round(watched.waitedMs / 1000);
  if (watched.kind === 'not-arrived')
    return {
      delivery: { landing: null, mailbox: null, waitedSeconds, deleted: false },
      analysis: null,
      findings: [
        finding('message.proof.not-arrived', CHECK_ID, {
          to: request.to,
          reply,
          queueId: submission.queueId,
          searched: [...watched.searched],
          waitedSeconds,
        }),
      ],
    };
  const analysis = await analyseMessage({
    bytes: watched.message,
    resolver: deps.resolver,
    clock: deps.clock,
    toolVersion: deps.toolVersion,
  });
  const landed =
    watched.landing === 'inbox'
      ? finding('message.proof.inbox', CHECK_ID, { to: request.to, mailbox: watched.mailbox, waitedSeconds })
      : finding('message.proof.junk', CHECK_ID, { to: request.to, mailbox: watched.mailbox, waitedSeconds });
  return {
    delivery: { landing: watched.landing, mailbox: watched.mailbox, waitedSeconds, deleted: watched.deleted },
    analysis,
    findings: [landed, ...learnedSelectors(request.account, analysis), ...analysis.findings],
  };
}

/**
 * A valid signature by the account's own domain (or one aligned with its From) names a selector the
 * account may not list yet: offered, with the command that lists it (RFC 6376 section 3.1).
 */
function learnedSelectors(account: Account, analysis: MessageAnalysis): Finding[] {
  const known = new Set(account.dkimSelectors.map((selector) => selector.toLowerCase()));
  const learned = (analysis.authentication?.dkim ?? []).filter(
    (signature) =>
      signature.outcome === 'pass' &&
      signature.aligned &&
      !known.has(signature.selector.toLowerCase()) &&
      /^[A-Za-z0-9._-]+$/.test(signature.selector),
  );
  const selectors = [...new Set(learned.map((signature) => signature.selector))];
  const all = [...account.dkimSelectors, ...selectors];
  return learned
    .filter(
      (signature, index) => learned.findIndex((other) => other.selector === signature.selector) === index,
    )
    .map((signature) =>
      finding('message.proof.selector-learned', CHECK_ID, {
        domain: signature.signingDomain,
        selector: signature.selector,
        command: `mailwarden accounts edit ${account.email} ${all.map((selector) => `--dkim-selector ${selector}`).join(' ')}`,
      }),
    );
}
