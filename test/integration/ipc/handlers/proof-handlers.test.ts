/**
 * "Send a test message" started in the app, over the real IPC router, against the real mail loop
 * (test/helpers/mail-loop.ts: Postfix submission, OpenDKIM, Dovecot LMTP/Sieve, IMAP, Knot). What the page
 * receives: progress, then the verdict kept in the history, or a cancellation that leaves nothing waiting.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveTarget } from '../../../../main/core/export/export-ports';
import { renderProofReport } from '../../../../main/core/report/render-proof-report';
import { createIpcRouter, type IpcRouter } from '../../../../main/ipc/router';
import type { Outcome } from '../../../../preload/contract/outcome';
import type { HistoryListing } from '../../../../preload/contract/history';
import type { ProofEvent } from '../../../../preload/contract/proof';
import {
  IMAP_HOST,
  LOOP_DOMAIN,
  LOOP_MAILBOXES,
  LOOP_SELECTOR,
  SMTP_HOST,
  startMailLoop,
  type MailLoop,
} from '../../../helpers/mail-loop';
import { startChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../../helpers/chromium-pdf-printer';
import { makeTempDir } from '../../../helpers/temp-dir';
import { createTestServices, type TestServices } from '../../../helpers/test-services';

const OWN_PAGE = { url: 'app://mailwarden/index.html', isMainFrame: true };
const CANARY = 'CANARY-app-proof-7d20b4';
/** The loop delivers in a second or two; this leaves room on a loaded two-core machine. */
const ARRIVAL_MS = 60_000;
/** A cancelled run ends at once (the IMAP session is closed), far inside the 120 s wait. */
const CANCEL_ENDS_WITHIN_MS = 15_000;

let loop: MailLoop;
let env: TestServices;
let router: IpcRouter;
let printer: ChromiumPdfPrinter;
let outDir: string;
/** What the save dialog answers next (a path, or null for Cancel), and what it was asked. */
const answers: (string | null)[] = [];
const asked: { suggestedName: string; format: string }[] = [];
const saveTarget: SaveTarget = {
  chooseFile(request) {
    asked.push({ ...request });
    return Promise.resolve(answers.shift() ?? null);
  },
};
/** Every payload main pushed or answered: what a leak check must search. */
const seen: string[] = [];

async function call(channel: string, payload: unknown, events?: (event: ProofEvent) => void) {
  const outcome = await router.handle(channel, payload, OWN_PAGE, {
    emit: (_channel, event) => {
      seen.push(JSON.stringify(event));
      events?.(event as ProofEvent);
    },
  });
  seen.push(JSON.stringify(outcome));
  return outcome;
}

async function addAccount(email: string, incomingOwnPassword = false): Promise<string> {
  const added = await call('accounts:add', {
    account: {
      email,
      host: SMTP_HOST,
      port: loop.submissionPort,
      security: 'starttls',
      incoming: {
        protocol: 'imap',
        host: IMAP_HOST,
        port: loop.imapsPort,
        security: 'tls',
        ownPassword: incomingOwnPassword,
      },
    },
    password: CANARY,
  });
  if (!added.ok) throw new Error(added.error.message);
  return (added.value as { id: string }).id;
}

interface StartedProof {
  readonly proofId: string;
  readonly events: ProofEvent[];
  /** The first event that passes `test`, or a rejection after `withinMs`. */
  next(test: (event: ProofEvent) => boolean, withinMs: number): Promise<ProofEvent>;
}

async function prove(accountId: string, to?: string): Promise<StartedProof> {
  const events: ProofEvent[] = [];
  let waiters: (() => void)[] = [];
  const started = await call(
    'message:prove',
    to === undefined ? { accountId } : { accountId, to },
    (event) => {
      events.push(event);
      for (const waiter of waiters) waiter();
    },
  );
  if (!started.ok) throw new Error(started.error.message);
  const { proofId } = started.value as { proofId: string };
  return {
    proofId,
    events,
    next: (test, withinMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`No such event within ${String(withinMs)} ms: ${JSON.stringify(events)}`));
        }, withinMs);
        const look = (): void => {
          const found = events.find(test);
          if (found === undefined) return;
          clearTimeout(timer);
          resolve(found);
        };
        waiters.push(look);
        look();
      }).finally(() => {
        waiters = [];
      }) as Promise<ProofEvent>,
  };
}

const ended = (event: ProofEvent): boolean => event.kind !== 'progress';

beforeAll(async () => {
  loop = await startMailLoop(CANARY);
  printer = await startChromiumPdfPrinter();
  outDir = await makeTempDir();
  env = await createTestServices({ saveTarget, pdfPrinter: printer });
  router = createIpcRouter(env.services);
  const saved = await call('settings:update', {
    dnsServer: loop.dnsServer,
    extraCaPem: await readFile(loop.caPath, 'utf8'),
  });
  expect(saved.ok).toBe(true);
}, 90_000);

afterAll(async () => {
  await loop.stop();
  await printer.close();
  await env.cleanup();
  await rm(outDir, { recursive: true, force: true });
  // No password, in any answer or event the page could have received.
  expect(seen.join('\n')).not.toContain(CANARY);
});

describe('message:prove: "Send a test message" from the app', () => {
  it('signed and aligned: progress from sent (with its queue id) to arrived in INBOX, then a verdict kept in the history', async () => {
    const accountId = await addAccount(LOOP_MAILBOXES.aligned);
    const run = await prove(accountId);
    const end = await run.next(ended, ARRIVAL_MS);
    if (end.kind !== 'finished') throw new Error(JSON.stringify(end));

    const steps = run.events.flatMap((event) => (event.kind === 'progress' ? [event.progress] : []));
    expect(steps[0]).toMatchObject({ step: 'sending', from: LOOP_MAILBOXES.aligned, host: SMTP_HOST });
    const sent = steps.find((step) => step.step === 'sent');
    expect(sent).toMatchObject({ mailboxHost: IMAP_HOST, waitSeconds: 120 });
    expect(sent?.step === 'sent' ? sent.queueId : null).toMatch(/^[0-9A-F]+$/);
    expect(steps.at(-1)).toMatchObject({ step: 'arrived', landing: 'inbox', mailbox: 'INBOX' });
    expect(run.events.every((event) => event.proofId === run.proofId)).toBe(true);

    const { proof } = end.entry;
    expect(proof.delivery).toMatchObject({ landing: 'inbox', deleted: true });
    const dkim = proof.findings.find((finding) => finding.id === 'message.dkim.pass');
    expect(dkim?.evidence).toMatchObject({
      signingDomain: LOOP_DOMAIN,
      selector: LOOP_SELECTOR,
      aligned: true,
    });
    expect(proof.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['message.proof.inbox', 'message.dmarc.pass']),
    );
    expect(end.history).toEqual({ saved: true });

    const listing = (await call('history:list', {})) as Outcome<HistoryListing>;
    if (!listing.ok) throw new Error(listing.error.message);
    expect(listing.value.proofs.map((summary) => summary.runId)).toContain(end.entry.runId);
    expect(listing.value.proofs.find((summary) => summary.runId === end.entry.runId)).toMatchObject({
      accountId,
      landing: 'inbox',
    });
  }, 90_000);

  it('cancel while waiting: the run ends as cancelled at once, says the message was sent, keeps nothing', async () => {
    const accountId = await addAccount(LOOP_MAILBOXES.lost);
    const run = await prove(accountId);
    await run.next((event) => event.kind === 'progress' && event.progress.step === 'sent', ARRIVAL_MS);

    const asked = Date.now();
    expect(await call('message:cancel-proof', { proofId: run.proofId })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const end = await run.next(ended, CANCEL_ENDS_WITHIN_MS);
    expect(end).toEqual({ kind: 'cancelled', proofId: run.proofId, sent: true });
    expect(Date.now() - asked).toBeLessThan(CANCEL_ENDS_WITHIN_MS);
    // Nothing is left running to cancel, and nothing was judged or kept.
    expect(await call('message:cancel-proof', { proofId: run.proofId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    const listing = (await call('history:list', {})) as Outcome<HistoryListing>;
    if (!listing.ok) throw new Error(listing.error.message);
    expect(listing.value.proofs.filter((summary) => summary.accountId === accountId)).toEqual([]);
  }, 90_000);

  it('an incoming server with its own, wrong password: sent, but the mailbox could not be read, and the finding says so', async () => {
    const accountId = await addAccount(LOOP_MAILBOXES.junk, true);
    const wrong = 'not-the-mailbox-password';
    expect(await call('accounts:set-incoming-password', { id: accountId, password: wrong })).toMatchObject({
      ok: true,
    });
    const run = await prove(accountId);
    const end = await run.next(ended, ARRIVAL_MS);
    if (end.kind !== 'finished') throw new Error(JSON.stringify(end));
    const { proof } = end.entry;
    expect(proof.submission.outcome).toBe('accepted');
    expect(proof.delivery.landing).toBeNull();
    const notWatched = proof.findings.find((finding) => finding.id === 'message.proof.not-watched');
    expect(notWatched, JSON.stringify(proof.findings.map((finding) => finding.id))).toBeDefined();
    expect(JSON.stringify(notWatched)).toContain('the login was refused');
    expect(JSON.stringify(end)).not.toContain(wrong);
  }, 90_000);

  it('refuses before sending: an account with no IMAP server, or an address that is not one mailbox', async () => {
    const before = (await loop.logs()).match(/sasl_username/g)?.length ?? 0;
    const added = await call('accounts:add', {
      account: {
        email: `nobody-imap@${LOOP_DOMAIN}`,
        host: SMTP_HOST,
        port: loop.submissionPort,
        security: 'starttls',
      },
      password: CANARY,
    });
    if (!added.ok) throw new Error(added.error.message);
    const noImap = await call('message:prove', { accountId: (added.value as { id: string }).id });
    expect(noImap).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(noImap.ok ? '' : noImap.error.message).toContain('no IMAP server');

    const accountId = await addAccount(LOOP_MAILBOXES.unsigned);
    const twoRecipients = await call('message:prove', {
      accountId,
      to: `a@${LOOP_DOMAIN}>, <b@${LOOP_DOMAIN}`,
    });
    expect(twoRecipients).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ field: 'to' }] },
    });
    expect((await loop.logs()).match(/sasl_username/g)?.length ?? 0).toBe(before);
  }, 30_000);

  it('message:export-proof: a kept run saves as a report with its own plan, Markdown as rendered and PDF through Chromium', async () => {
    const accountId = await addAccount(LOOP_MAILBOXES.footer);
    const run = await prove(accountId);
    const end = await run.next(ended, ARRIVAL_MS);
    if (end.kind !== 'finished') throw new Error(JSON.stringify(end));
    const { runId, proof } = end.entry;
    // A footer added at delivery broke the body hash: the run has something to do.
    expect(proof.plan?.length).toBeGreaterThan(0);

    const markdownPath = join(outDir, 'proof.md');
    answers.push(markdownPath);
    expect(await call('message:export-proof', { runId, format: 'md' })).toEqual({
      ok: true,
      value: { saved: true, fileName: 'proof.md' },
    });
    expect(asked.at(-1)).toEqual({
      suggestedName: `mailwarden-test-message-footer-mail.test-${proof.provedAt.slice(0, 10)}.md`,
      format: 'md',
    });
    const markdown = await readFile(markdownPath, 'utf8');
    expect(markdown).toBe(renderProofReport(proof, 'md'));
    expect(markdown).toContain(`## What to do\n\n### 1. ${proof.plan?.[0]?.title ?? ''}`);

    const pdfPath = join(outDir, 'proof.pdf');
    answers.push(pdfPath);
    expect(await call('message:export-proof', { runId, format: 'pdf', paper: 'Letter' })).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'proof.pdf' },
    });
    expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Cancel in the save dialog writes nothing; an unknown run is NOT_FOUND, and nothing is asked.
    answers.push(null);
    expect(await call('message:export-proof', { runId, format: 'html' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    const askedBefore = asked.length;
    expect(
      await call('message:export-proof', { runId: '00000000-0000-4000-8000-000000000000', format: 'md' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(asked.length).toBe(askedBefore);
  }, 90_000);
});
