/**
 * The mailbox watch of `mailwarden prove` on imapflow: log in over verified TLS (as imapflow-login.ts
 * does), find the Junk folder, then search INBOX and Junk for the test message's tag until it is there or
 * the deadline passes, waiting in IMAP IDLE (RFC 2177) between searches; imapflow polls with NOOP when the
 * server has no IDLE. The message is fetched with a byte cap and deleted (RFC 9051 section 6.4.3, STORE
 * \Deleted, then EXPUNGE) unless the user keeps it. Its logger is off, so the password is never written.
 */
import { ImapFlow, type ListResponse } from 'imapflow';
import type {
  Landing,
  MailboxWatchOutcome,
  MailboxWatchPort,
  MailboxWatchRequest,
} from '../../core/prove/mailbox-watch-port';
import { PROOF_TAG_FIELD } from '../../core/prove/proof-tag';
import { visibleLine } from '../../../preload/contract/untrusted-text';
import { capText } from '../smtp/plain-text';
import { IMAPFLOW_MAX_LINE_BYTES, imapflowClientOptions } from './imapflow-client-options';

const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_REPLY_CHARS = 300;
/** Searched again at least this often: a message filed to Junk wakes no IDLE on INBOX. */
const SEARCH_INTERVAL_MS = 3_000;
/** A progress line every so often while waiting. */
const PROGRESS_INTERVAL_MS = 10_000;
/** Folder names taken for Junk when no folder carries \Junk (RFC 6154 section 2). */
const JUNK_NAMES = /^(junk|spam|junk e-?mail|bulk mail)$/i;

interface ImapFlowError {
  readonly authenticationFailed?: boolean;
  readonly responseText?: string;
  readonly code?: string;
  readonly message?: string;
}

export function createImapflowMailboxWatch(): MailboxWatchPort {
  return { watch };
}

async function watch(request: MailboxWatchRequest): Promise<MailboxWatchOutcome> {
  const client = new ImapFlow(
    imapflowClientOptions({
      host: request.host,
      address: request.address,
      port: request.port,
      security: request.security,
      auth: { user: request.username, pass: request.password },
      extraCaPem: request.extraCaPem,
      connectionTimeoutMs: Math.min(request.deadlineMs, 30_000),
      greetingTimeoutMs: Math.min(request.deadlineMs, 30_000),
      socketTimeoutMs: request.deadlineMs + 5_000,
      // The message itself arrives as one literal: it may be as large as the cap, never larger.
      maxLiteralBytes: request.maxMessageBytes,
      maxResponseBytes: Math.max(MAX_RESPONSE_BYTES, request.maxMessageBytes + IMAPFLOW_MAX_LINE_BYTES),
    }),
  );
  client.on('error', () => undefined);
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    client.close();
  };
  request.signal?.addEventListener('abort', stop, { once: true });
  // A margin over the wait for the fetch and the delete, so a hung server still ends the command.
  const deadline = new Promise<MailboxWatchOutcome>((resolve) => {
    timer = setTimeout(() => {
      client.close();
      resolve({ kind: 'failed', stage: 'mailbox', message: 'The mailbox stopped answering.' });
    }, request.deadlineMs + 15_000);
  });
  try {
    return await Promise.race([run(client, request, started), deadline]);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', stop);
    client.close();
  }
}

async function run(
  client: ImapFlow,
  request: MailboxWatchRequest,
  started: number,
): Promise<MailboxWatchOutcome> {
  try {
    await client.connect();
  } catch (error) {
    return connectFailure(error as ImapFlowError);
  }
  try {
    const folders = await client.list();
    const junk = junkFolder(folders);
    const searched = junk === null ? ['INBOX'] : ['INBOX', junk];
    const idle = client.capabilities.has('IDLE');
    let lastProgress = Date.now();
    for (;;) {
      for (const mailbox of searched) {
        const found = await findAndFetch(client, request, mailbox, mailbox === 'INBOX' ? 'inbox' : 'junk');
        if (found !== null) {
          await client.logout().catch(() => undefined);
          return { ...found, waitedMs: Date.now() - started };
        }
      }
      const left = started + request.deadlineMs - Date.now();
      if (left <= 0 || request.signal?.aborted === true) {
        await client.logout().catch(() => undefined);
        return { kind: 'not-arrived', waitedMs: Date.now() - started, searched, idle };
      }
      if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = Date.now();
        request.onWaiting(Math.round((Date.now() - started) / 1000));
      }
      await waitInInbox(client, Math.min(left, SEARCH_INTERVAL_MS));
    }
  } catch (error) {
    return { kind: 'failed', stage: 'mailbox', message: replyText(error as ImapFlowError) };
  }
}

/** The folder the server marks \Junk (imapflow also recognises the usual localised names), else Junk/Spam. */
function junkFolder(folders: readonly ListResponse[]): string | null {
  const marked = folders.find((folder) => folder.specialUse === '\\Junk');
  if (marked !== undefined) return marked.path;
  return folders.find((folder) => JUNK_NAMES.test(folder.name))?.path ?? null;
}

async function findAndFetch(
  client: ImapFlow,
  request: MailboxWatchRequest,
  mailbox: string,
  landing: Landing,
): Promise<Omit<Extract<MailboxWatchOutcome, { kind: 'arrived' }>, 'waitedMs'> | null> {
  await client.mailboxOpen(mailbox);
  // RFC 9051 section 6.4.4: SEARCH HEADER matches a substring of the field's value.
  const uids = await client.search({ header: { [PROOF_TAG_FIELD]: request.tag } }, { uid: true });
  const uid = Array.isArray(uids) ? uids[0] : undefined;
  if (uid === undefined) return null;
  const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
  const size = sized === false ? undefined : sized.size;
  let message: Uint8Array | 'too-large' = 'too-large';
  if (size !== undefined && size <= request.maxMessageBytes) {
    const fetched = await client.fetchOne(
      String(uid),
      { source: { maxLength: request.maxMessageBytes } },
      { uid: true },
    );
    if (fetched !== false && fetched.source !== undefined) message = new Uint8Array(fetched.source);
  }
  const deleted = request.keep
    ? false
    : await client.messageDelete(String(uid), { uid: true }).catch(() => false);
  return { kind: 'arrived', landing, mailbox, message, deleted };
}

/** IDLE in INBOX until something arrives or `ms` pass; the next command ends the IDLE (RFC 2177). */
async function waitInInbox(client: ImapFlow, ms: number): Promise<void> {
  await client.mailboxOpen('INBOX');
  let timer: NodeJS.Timeout | undefined;
  let onExists = (): void => undefined;
  const woken = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    onExists = resolve;
    client.once('exists', onExists);
  });
  void client.idle().catch(() => undefined);
  await woken;
  clearTimeout(timer);
  client.off('exists', onExists);
}

function connectFailure(error: ImapFlowError): MailboxWatchOutcome {
  const message = replyText(error);
  if (error.authenticationFailed === true) return { kind: 'failed', stage: 'login', message };
  if (
    /certificate|self[- ]signed|altnames|UNABLE_TO|CERT_|DEPTH_ZERO|STARTTLS|TLS|SSL/i.test(
      `${error.code ?? ''} ${message}`,
    )
  )
    return { kind: 'failed', stage: 'tls', message };
  return { kind: 'failed', stage: 'mailbox', message };
}

function replyText(error: ImapFlowError): string {
  return capText(visibleLine(error.responseText ?? error.message ?? 'unknown error'), MAX_REPLY_CHARS);
}
