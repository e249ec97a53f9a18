/**
 * `mailwarden prove` against a real mail loop (test/helpers/mail-loop.ts): Postfix submission with SASL
 * over STARTTLS, OpenDKIM signing with keys in the suite's Knot zones, Dovecot LMTP with Sieve, IMAP.
 * Each scenario is one saved account (its own mailbox); each run gives the verdict a user would read.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../../main/core/history/history-document';
import type { ProofResult } from '../../../main/core/prove/proof-result';
import type { AuditReport } from '../../../preload/contract/audit';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import type { PlanAction } from '../../../preload/contract/plan';
import type { ProofEntry } from '../../../preload/contract/proof';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import {
  FOREIGN_DOMAIN,
  IMAP_HOST,
  LOOP_DOMAIN,
  LOOP_MAILBOXES,
  LOOP_SELECTOR,
  SMTP_HOST,
  startMailLoop,
  type MailLoop,
} from '../../helpers/mail-loop';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { escapeHtml } from '../../../main/core/report/html-template';

const CANARY = 'CANARY-prove-5c1f9e';

let loop: MailLoop;
let env: TestServices;
const outputs: string[] = [];

const cli = async (argv: readonly string[], stdin?: string): Promise<CliResult> => {
  const result = await runCliIn(env, argv, stdin);
  outputs.push(result.stdout, result.stderr);
  return result;
};

/** `prove ACCOUNT ...flags` pointed at the loop: its Knot for DNS, its CA for the servers' certificates. */
const proveOnLoop = (account: string, ...flags: string[]): string[] => [
  'prove',
  account,
  ...flags,
  '--dns',
  loop.dnsServer,
  '--ca',
  loop.caPath,
];

/** What `prove --format json` prints: the run, with the plan and verdict its history record keeps. */
type ProvedJson = ProofResult & { plan: PlanAction[]; verdict: MessageVerdict };

/** `audit ACCOUNT --only dns ...flags` against the loop's Knot: the domain side a test message joins. */
const auditDomainOnLoop = (account: string, ...flags: string[]): string[] => [
  'audit',
  account,
  '--only',
  'dns',
  '--dns',
  loop.dnsServer,
  ...flags,
];

/** `prove ACCOUNT --yes` against the loop, as JSON. */
async function prove(account: string, ...more: string[]): Promise<{ result: CliResult; proof: ProvedJson }> {
  const result = await cli(proveOnLoop(account, '--yes', '--timeout', '30', '--format', 'json', ...more));
  expect(result.code, result.stderr).toBe(0);
  return { result, proof: JSON.parse(result.stdout) as ProvedJson };
}

const ids = (proof: ProofResult): string[] => proof.findings.map((finding) => finding.id);

beforeAll(async () => {
  loop = await startMailLoop(CANARY);
  env = await createTestServices();
  for (const email of Object.values(LOOP_MAILBOXES)) {
    const added = await cli(
      [
        'accounts',
        'add',
        '--email',
        email,
        '--host',
        SMTP_HOST,
        '--port',
        String(loop.submissionPort),
        '--security',
        'starttls',
        '--incoming-protocol',
        'imap',
        '--incoming-host',
        IMAP_HOST,
        '--incoming-port',
        String(loop.imapsPort),
        '--incoming-security',
        'tls',
        '--password-stdin',
      ],
      CANARY,
    );
    expect(added.code, added.stderr).toBe(0);
  }
}, 90_000);

afterAll(async () => {
  await loop.stop();
  await env.cleanup();
});

const finding = (proof: ProofResult, id: string) => proof.findings.find((each) => each.id === id);

describe('mailwarden prove: a test message through a real mail loop', () => {
  it('signed and aligned: arrives in the inbox, DKIM passes for the account domain, the selector is offered', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.aligned);
    expect(proof.submission).toMatchObject({ outcome: 'accepted' });
    expect(proof.submission.queueId).toMatch(/^[0-9A-F]+$/);
    expect(proof.delivery).toMatchObject({ landing: 'inbox', mailbox: 'INBOX', deleted: true });
    expect(ids(proof)).toEqual(
      expect.arrayContaining(['message.proof.inbox', 'message.dkim.pass', 'message.dmarc.pass']),
    );
    expect(finding(proof, 'message.dkim.pass')?.evidence).toMatchObject({
      signingDomain: LOOP_DOMAIN,
      selector: LOOP_SELECTOR,
      keyBits: 2048,
      bodyHashMatches: true,
      aligned: true,
    });
    const learned = finding(proof, 'message.proof.selector-learned');
    expect(learned?.evidence).toMatchObject({ domain: LOOP_DOMAIN, selector: LOOP_SELECTOR });
    expect(learned?.fix.steps.join(' ')).toContain(`--dkim-selector ${LOOP_SELECTOR}`);
    expect(proof.verdict).toMatchObject({ tone: 'good' });
    expect(proof.verdict.sentence).toContain(`${LOOP_DOMAIN} authenticated this test message (DMARC passes)`);
    const hops = proof.analysis?.received.hops ?? [];
    // Postfix writes its TLS comment ("using TLSv1.3 with cipher ...") before "by ... with ESMTPSA".
    expect(hops.find((hop) => hop.by === SMTP_HOST)).toMatchObject({
      protocol: 'ESMTPSA',
      tlsVersion: 'TLSv1.3',
      encrypted: true,
    });
  }, 90_000);

  it('not signed: says there is no DKIM signature and DMARC fails under p=reject', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.unsigned);
    expect(proof.delivery.landing).toBe('inbox');
    expect(ids(proof)).toEqual(expect.arrayContaining(['message.dkim.unsigned', 'message.dmarc.fail']));
    expect(ids(proof)).not.toContain('message.proof.selector-learned');
    // The JSON carries what every other output shows: the verdict on top and the plan's one DKIM action.
    expect(proof.verdict.sentence).toMatch(/^Receivers may refuse or hide mail from this account: /);
    const signing = proof.plan.find((action) =>
      action.findings.some((ref) => ref.id === 'message.dkim.unsigned'),
    );
    expect(signing?.title).toBe('The message has no DKIM signature');
    expect(signing?.steps.join(' ')).toMatch(/DKIM/);
  }, 90_000);

  it('signed by another domain: the signature is valid but not aligned with From, and no selector is offered', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.foreign);
    expect(finding(proof, 'message.dkim.pass')?.evidence).toMatchObject({
      signingDomain: FOREIGN_DOMAIN,
      aligned: false,
    });
    expect(ids(proof)).toContain('message.dkim.not-aligned');
    expect(ids(proof)).not.toContain('message.proof.selector-learned');
  }, 90_000);

  it('modified after signing (a footer added at delivery): the body hash fails', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.footer);
    expect(proof.delivery.landing).toBe('inbox');
    expect(finding(proof, 'message.dkim.body-hash-failed')?.evidence).toMatchObject({
      signingDomain: LOOP_DOMAIN,
      bodyHashMatches: false,
    });
    expect(ids(proof)).not.toContain('message.dkim.pass');
  }, 90_000);

  it('filed to Junk by the mailbox filter: found in Junk, and that is a high finding', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.junk);
    expect(proof.delivery).toMatchObject({ landing: 'junk', mailbox: 'Junk' });
    expect(finding(proof, 'message.proof.junk')?.severity).toBe('high');
    // The user's own mail: the verdict says where it landed, not "do not trust this sender".
    expect(proof.verdict).toMatchObject({ tone: 'stop' });
    expect(proof.verdict.sentence).toMatch(/^It arrived in the junk folder/);
  }, 90_000);

  it('never delivered: after the deadline it names the queue id the server gave', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.lost, '--timeout', '4');
    expect(proof.delivery.landing).toBeNull();
    const lost = finding(proof, 'message.proof.not-arrived');
    expect(lost?.evidence).toMatchObject({ queueId: proof.submission.queueId, searched: ['INBOX', 'Junk'] });
    expect(await loop.logs()).toContain(`${String(proof.submission.queueId)}: to=<${LOOP_MAILBOXES.lost}>`);
  }, 90_000);

  it('refused by the sending server (an unknown recipient): names the command and the reply, nothing waits', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.aligned, '--to', `nobody@${LOOP_DOMAIN}`);
    expect(proof.submission).toMatchObject({ outcome: 'refused', refusedAt: 'RCPT TO' });
    expect(finding(proof, 'message.proof.refused')?.evidence).toMatchObject({ refusedAt: 'RCPT TO' });
    expect(proof.analysis).toBeNull();
  }, 90_000);

  it('asks first: without a terminal and without --yes it sends nothing and exits 2 saying why', async () => {
    const before = (await loop.logs()).match(/ESMTPSA|sasl_username/g)?.length ?? 0;
    const refused = await cli(proveOnLoop(LOOP_MAILBOXES.aligned));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(refused.stderr).toContain('only command that sends a message');
    expect((await loop.logs()).match(/ESMTPSA|sasl_username/g)?.length ?? 0).toBe(before);
  }, 30_000);

  it('text and Markdown outputs tell the journey; --keep leaves the message in the mailbox', async () => {
    const text = await cli(proveOnLoop(LOOP_MAILBOXES.aligned, '--yes', '--keep'));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Test message');
    expect(text.stdout).toMatch(/Arrived: in INBOX after \d+ s; kept/);
    // The sentence the app shows on top, worded in main, opens the text too.
    expect(text.stdout).toMatch(
      /^Verdict\n {2}\S.*\n\n(What could not be checked\n( {2}.*\n)+\n)?Test message\n/,
    );
    const md = await cli(proveOnLoop(LOOP_MAILBOXES.aligned, '--yes', '--format', 'md'));
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('# Test message: proof from real mail');
    expect(md.stdout).toContain('The test message arrived in the inbox');
    expect(md.stdout).toMatch(
      /\n\n## Verdict\n\n- \S.*\n\n(## What could not be checked\n\n(- .*\n)+\n)?## Test message\n/,
    );
  }, 90_000);

  it('keeps the run in the history: listed beside audits under its account, shown again, without the message body', async () => {
    const { result, proof } = await prove(LOOP_MAILBOXES.aligned);
    const runId = /Saved as run ([0-9a-f-]+)/.exec(result.stderr)?.[1];
    expect(runId, result.stderr).toBeDefined();
    const listed = await cli(['history', 'list', LOOP_MAILBOXES.aligned]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Test messages:');
    expect(listed.stdout).toMatch(new RegExp(`${String(runId)}.*${LOOP_MAILBOXES.aligned}.*inbox`));
    const otherAccount = await cli(['history', 'list', LOOP_MAILBOXES.junk, '--json']);
    const otherRuns = (JSON.parse(otherAccount.stdout) as { proofs: { runId: string }[] }).proofs;
    expect(otherRuns.map((run) => run.runId)).not.toContain(runId);

    const shown = await cli(['history', 'show', String(runId)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Test id: ${proof.tag}`);
    expect(shown.stdout).toMatch(/Arrived: in INBOX after \d+ s; deleted again/);
    expect(shown.stdout).toContain('[PASS] ');
    const stored = await cli(['history', 'show', String(runId), '--format', 'json']);
    const record = JSON.parse(stored.stdout) as {
      findings: { id: string }[];
      analysis: { source: string };
      verdict: { sentence: string };
    };
    expect(shown.stdout.startsWith(`Verdict\n  ${record.verdict.sentence}\n`)).toBe(true);
    expect(record.findings.map((each) => each.id)).toEqual(ids(proof));
    expect(record.analysis.source).toBe('proof');
    // The verdict is kept, the message is not: neither its body nor its subject.
    expect(stored.stdout).not.toContain('to check that mail from this account arrives');
    expect(stored.stdout).not.toContain('Subject');
  }, 90_000);

  it('a junk landing is kept too, and the run exports as HTML and CSV reports', async () => {
    const html = await cli(proveOnLoop(LOOP_MAILBOXES.junk, '--yes', '--format', 'html'));
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain(`<h1>Test message: proof from real mail: ${LOOP_MAILBOXES.junk}</h1>`);
    expect(html.stdout).toContain('the junk folder');
    // The report opens with the sentence the app shows for this run, as the history keeps it.
    const htmlRunId = /Saved as run ([0-9a-f-]+)/.exec(html.stderr)?.[1] ?? '';
    const kept = await env.services.history.getProof(htmlRunId);
    expect(kept.proof.verdict.tone).toBe('stop');
    expect(html.stdout).toContain(
      `<h2>Verdict</h2>\n<ul><li>${escapeHtml(kept.proof.verdict.sentence)}</li></ul>`,
    );
    // Its own plan comes before the findings, each action with its steps, as `prove` prints it.
    const junkAction = kept.proof.plan?.find((action) =>
      action.findings.some((ref) => ref.id === 'message.proof.junk'),
    );
    expect(junkAction).toBeDefined();
    expect(html.stdout).toContain('<h2 id="actions-heading">What to do</h2>');
    expect(html.stdout).toContain(escapeHtml(junkAction?.title ?? ''));
    expect(html.stdout.indexOf('id="actions-heading"')).toBeLessThan(
      html.stdout.indexOf('id="findings-heading"'),
    );
    const csv = await cli(proveOnLoop(LOOP_MAILBOXES.junk, '--yes', '--format', 'csv'));
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[1]).toContain('message.proof.junk');
    const listed = await cli(['history', 'list', '--json']);
    const proofs = (JSON.parse(listed.stdout) as { proofs: { email: string; landing: string | null }[] })
      .proofs;
    expect(proofs.filter((run) => run.email === LOOP_MAILBOXES.junk).map((run) => run.landing)).toContain(
      'junk',
    );
  }, 90_000);

  it("an account whose mail is not signed, proved then audited: one DKIM action names the test message, the grade is the audit's own", async () => {
    const { proof } = await prove(LOOP_MAILBOXES.unsigned);
    const audited = await cli(auditDomainOnLoop(LOOP_MAILBOXES.unsigned, '--format', 'json'));
    expect(audited.code, audited.stderr).not.toBe(2);
    const report = JSON.parse(audited.stdout) as AuditReport;
    const signing = report.plan.actions.find((action) => action.id === 'dkim-signing');
    expect(signing?.title).toBe('Turn on DKIM signing for your domain and publish its key');
    expect(signing?.where).toContain(`the test message of ${proof.provedAt.slice(0, 10)}`);
    expect(signing?.findings.map((each) => each.id)).toEqual(
      expect.arrayContaining(['message.dkim.unsigned', 'dkim.discovery.none-found']),
    );
    expect(signing?.message).toContain('the test message of');
    // The plan holds the proof; the findings the score is computed from are the audit's alone.
    expect(report.findings.filter((each) => each.id.startsWith('message.'))).toEqual([]);

    const text = await cli(auditDomainOnLoop(LOOP_MAILBOXES.unsigned));
    expect(text.stdout).toContain('Turn on DKIM signing for your domain and publish its key');
    expect(text.stdout).toContain(`Where: the test message of ${proof.provedAt.slice(0, 10)}`);

    // The test message's own text opens its findings with a short plan, grouped as the audit's is.
    const proved = await cli(proveOnLoop(LOOP_MAILBOXES.unsigned, '--yes'));
    expect(proved.code, proved.stderr).toBe(0);
    expect(proved.stdout).toMatch(/Fix plan \(\d+ actions?, most important first\):\n/);
    expect(proved.stdout).toMatch(
      /\d\. \[HIGH\] The message has no DKIM signature\n {3}Who: Your mail provider/,
    );
  }, 120_000);

  it('a proved-then-audited report saved as JSON and re-evaluated offline still plans the DKIM action naming the test message', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.unsigned);
    const day = proof.provedAt.slice(0, 10);
    const reportPath = join(env.dataDir, 'unsigned-report.json');
    const audited = await cli(
      auditDomainOnLoop(LOOP_MAILBOXES.unsigned, '--format', 'json', '--out', reportPath),
    );
    expect(audited.code, audited.stderr).not.toBe(2);
    const saved = JSON.parse(await readFile(reportPath, 'utf8')) as AuditReport;
    expect(saved.proof?.provedAt).toBe(proof.provedAt);

    const again = await cli(['reevaluate', reportPath, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`The plan still includes the test message of ${day}`);
    const rejudged = JSON.parse(again.stdout) as AuditReport;
    const signing = rejudged.plan.actions.find((action) => action.id === 'dkim-signing');
    expect(signing?.where).toContain(`the test message of ${day}`);
    expect(signing?.findings.map((each) => each.id)).toEqual(
      expect.arrayContaining(['message.dkim.unsigned', 'dkim.discovery.none-found']),
    );
    expect(rejudged.plan).toEqual(saved.plan);
    expect(rejudged.proof).toEqual(saved.proof);
    // Planned, never graded: the score and findings are the audit's alone, as before.
    expect(rejudged.score).toEqual(saved.score);
    expect(rejudged.findings.filter((each) => each.id.startsWith('message.'))).toEqual([]);

    // A report written before reports kept their test message re-evaluates from the audit alone.
    const { proof: _dropped, ...older } = saved;
    const olderPath = join(env.dataDir, 'unsigned-report-older.json');
    await writeFile(olderPath, JSON.stringify(older));
    const old = await cli(['reevaluate', olderPath, '--format', 'json']);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).not.toContain('test message');
    const oldPlan = (JSON.parse(old.stdout) as AuditReport).plan;
    const planned = oldPlan.actions.flatMap((action) => action.findings.map((each) => each.id));
    expect(planned).toContain('dkim.discovery.none-found');
    expect(planned).not.toContain('message.dkim.unsigned');
    expect(oldPlan.actions.flatMap((action) => action.where).join(' ')).not.toContain('test message');
  }, 120_000);

  it('a test message sent more than 30 days before the audit is left out of its plan', async () => {
    const { proof } = await prove(LOOP_MAILBOXES.foreign);
    expect(ids(proof)).toContain('message.dkim.not-aligned');
    // Forty days pass: each of this account's runs, filed again under a time forty days earlier.
    const history = createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME));
    const { proofs } = await history.list();
    for (const summary of proofs.filter((run) => run.email === LOOP_MAILBOXES.foreign)) {
      const entry = (await history.getProof(summary.runId)) as ProofEntry;
      const earlier = new Date(Date.parse(entry.proof.provedAt) - 40 * 86_400_000).toISOString();
      await history.delete(entry.runId);
      await history.saveProof({ ...entry, proof: { ...entry.proof, provedAt: earlier } });
    }

    const audited = await cli(auditDomainOnLoop(LOOP_MAILBOXES.foreign, '--format', 'json'));
    expect(audited.code, audited.stderr).not.toBe(2);
    const report = JSON.parse(audited.stdout) as AuditReport;
    const planned = report.plan.actions.flatMap((action) => action.findings.map((each) => each.id));
    expect(planned).toContain('dkim.discovery.none-found');
    expect(planned).not.toContain('message.dkim.not-aligned');
    expect(report.plan.actions.flatMap((action) => action.where).join(' ')).not.toContain('test message');
    expect(report.proof).toBeUndefined();
  }, 120_000);

  it('the canary password is nowhere: not in any output, the data folder or the Postfix/Dovecot logs', async () => {
    expect(outputs.join('\n')).not.toContain(CANARY);
    expect(await loop.logs()).not.toContain(CANARY);
    const files = await readdir(env.dataDir, { recursive: true });
    for (const name of files) {
      const text = await readFile(join(env.dataDir, name)).catch(() => Buffer.alloc(0));
      expect(text.toString('utf8'), name).not.toContain(CANARY);
    }
  });
});
