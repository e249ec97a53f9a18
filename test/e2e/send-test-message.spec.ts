/**
 * "Send a test message" in the app, driven in Chromium against the real main-process handler and the
 * suite's real mail loop (test/helpers/mail-loop.ts: Postfix submission, OpenDKIM, Dovecot LMTP/Sieve and
 * IMAP, Knot): the consent panel before anything is sent, the progress, the verdict, Stop, the History.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { renderProofReport } from '../../main/core/report/render-proof-report';
import type { ProofEntry } from '../../preload/contract/proof';
import {
  IMAP_HOST,
  LOOP_DOMAIN,
  LOOP_MAILBOXES,
  LOOP_SELECTOR,
  SMTP_HOST,
  startMailLoop,
  type MailLoop,
} from '../helpers/mail-loop';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { createExportStandIns } from './harness/export-stand-ins';

const CANARY = 'CANARY-e2e-send-3a9f51';
/** The loop delivers in a second or two; room for a loaded two-core machine. */
const ARRIVAL_MS = 45_000;
const TEST_TIMEOUT_MS = 120_000;

let loop: MailLoop | undefined;
const saving = createExportStandIns();
test.use({ exportPorts: saving.ports });

test.beforeAll(async () => {
  loop = await startMailLoop(CANARY);
});

test.afterAll(async () => {
  await loop?.stop();
});

test.beforeEach(async () => {
  test.setTimeout(TEST_TIMEOUT_MS);
  await saving.reset();
});

test.afterEach(async () => {
  await saving.clean();
});

function world(): MailLoop {
  if (loop === undefined) throw new Error('The mail loop did not start.');
  return loop;
}

/** Logins the submission server saw for one mailbox: what proves nothing was sent. */
async function submissionsBy(mailbox: string): Promise<number> {
  return (await world().logs()).split(`sasl_username=${mailbox}`).length - 1;
}

/** Points the app at the loop (its Knot, its CA), saves one account with its IMAP server, opens the desk. */
async function openWithAccount(app: AppHarness, email: string, label: string): Promise<void> {
  const { page } = app;
  await app.open();
  const caPem = await readFile(world().caPath, 'utf8');
  const added = await page.evaluate(
    async ({ email, label, smtpPort, imapPort, password, dnsServer, caPem, smtpHost, imapHost }) => {
      const settings = await window.mailwarden.settings.update({ dnsServer, extraCaPem: caPem });
      const account = await window.mailwarden.accounts.add(
        {
          label,
          email,
          host: smtpHost,
          port: smtpPort,
          security: 'starttls',
          incoming: { protocol: 'imap', host: imapHost, port: imapPort, security: 'tls' },
        },
        password,
      );
      return settings.ok && account.ok;
    },
    {
      email,
      label,
      smtpPort: world().submissionPort,
      imapPort: world().imapsPort,
      password: CANARY,
      dnsServer: world().dnsServer,
      caPem,
      smtpHost: SMTP_HOST,
      imapHost: IMAP_HOST,
    },
  );
  expect(added).toBe(true);
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
}

async function openSendScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${label}` }).click();
  await page.getByRole('button', { name: 'Send a test message' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Send a test message from ${label}` }),
  ).toBeFocused();
}

/** The last run the page was told had finished: what the history kept, as its report is made from it. */
function finishedEntry(app: AppHarness): ProofEntry {
  const finished = app.calls
    .filter((call) => call.channel === 'message:proof-event')
    .map((call) => JSON.parse(call.response) as { kind: string; entry?: ProofEntry })
    .filter((event) => event.kind === 'finished')
    .at(-1);
  if (finished?.entry === undefined) throw new Error('No finished test message run was pushed.');
  return finished.entry;
}

function proofEvents(app: AppHarness): { kind: string; progress?: { step: string } }[] {
  return app.calls
    .filter((call) => call.channel === 'message:proof-event')
    .map((call) => JSON.parse(call.response) as { kind: string; progress?: { step: string } });
}

test('asks first, then sends, shows the progress and a verdict of DKIM passing for the account domain, kept in History', async ({
  app,
}) => {
  const { page } = app;
  const label = 'Shop mail';
  await openWithAccount(app, LOOP_MAILBOXES.aligned, label);
  await openSendScreen(page, label);

  // Consent before anything: the panel says this is the one place Mailwarden sends mail, and nothing went.
  const consent = page.getByRole('region', { name: 'Before anything is sent' });
  await expect(consent).toContainText('This is the one place Mailwarden sends a message');
  await expect(consent).toContainText(`From ${LOOP_MAILBOXES.aligned}, through ${SMTP_HOST}.`);
  await expect(page.getByLabel('Send it to')).toHaveValue(LOOP_MAILBOXES.aligned);
  expect(app.calls.map((call) => call.channel)).not.toContain('message:prove');
  expect(await submissionsBy(LOOP_MAILBOXES.aligned)).toBe(0);
  await expectAccessible(page, 'send a test message: consent');
  await app.screenshot('send-test-consent-1024-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('send-test-consent-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // An address that is not one mailbox is refused in the form: still nothing sent.
  await page.getByLabel('Send it to').fill(`a@${LOOP_DOMAIN}, b@${LOOP_DOMAIN}`);
  await page.getByRole('button', { name: 'Send the test message' }).click();
  await expect(page.getByText('Type one email address, like name@example.com.')).toBeVisible();
  expect(app.calls.map((call) => call.channel)).not.toContain('message:prove');

  // By keyboard alone: from the field, Tab reaches Send and Enter sends.
  await page.getByLabel('Send it to').fill(LOOP_MAILBOXES.aligned);
  await page.getByLabel('Send it to').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send the test message' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('heading', { level: 1, name: `Test message from ${label}`, exact: true }),
  ).toBeVisible({
    timeout: ARRIVAL_MS,
  });
  // Every step was pushed to the page: sending, sent with its queue id, arrived in the inbox.
  const steps = proofEvents(app).flatMap((event) =>
    event.progress === undefined ? [] : [event.progress.step],
  );
  expect(steps).toEqual(expect.arrayContaining(['sending', 'sent', 'arrived']));
  const journey = page.getByTestId('proof-journey');
  await expect(journey).toContainText('Accepted by the outgoing server: 250');
  await expect(journey).toContainText('Arrived in the inbox after');
  await expect(journey).toContainText('Deleted from the mailbox again.');
  await expect(page.locator('table[data-table="dkim"] tbody tr').first()).toContainText(LOOP_DOMAIN);
  // Sent to its own mailbox it never crossed the internet: no SPF to judge, and still a good run.
  await expect(page.locator('.verdict__sentence')).toHaveText(
    `${LOOP_DOMAIN} authenticated this test message (DMARC passes) and it arrived in the inbox. SPF was not judged: it stayed within your provider’s servers.`,
  );
  await expect(page.locator('.verdict__sentence')).toHaveAttribute('data-tone', 'good');
  await expect(page.getByText('kept in this account’s History')).toBeVisible();
  await expectAccessible(page, 'send a test message: results');
  await app.screenshot('send-test-results-1024-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('send-test-results-1024-dark');
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('send-test-results-1440-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('send-test-results-1440-light');

  // The selector the message was signed with is offered for the account and saved with one press, as
  // Edit would save it: the password and the IMAP server stay, so a second run arrives and offers nothing.
  const learned = page.getByRole('region', { name: 'Learned from this message' });
  await expect(learned).toContainText(
    `It was signed with DKIM selector ${LOOP_SELECTOR}, which ${label} does not list yet.`,
  );
  await learned.getByRole('button', { name: `Add selector ${LOOP_SELECTOR} to this account` }).click();
  // The button is gone: focus is on the confirmation that took its place.
  await expect(
    page.getByRole('status').filter({
      hasText: `Added: ${label} now lists DKIM selector ${LOOP_SELECTOR}, and its next audit checks the key in DNS.`,
    }),
  ).toBeFocused();
  await expectAccessible(page, 'send a test message: selector added');
  await page.getByRole('button', { name: 'Send another test message' }).click();
  await page.getByRole('button', { name: 'Send the test message' }).click();
  await expect(page.getByTestId('proof-journey')).toContainText('Arrived in the inbox after', {
    timeout: ARRIVAL_MS,
  });
  await expect(page.getByRole('region', { name: 'Learned from this message' })).toHaveCount(0);

  // The kept run saves as a report: main reads it from the history, the page learns only the file name.
  const entry = finishedEntry(app);
  saving.answers.push('test-message.md');
  await page.getByRole('group', { name: 'Export as' }).getByRole('button', { name: 'Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toHaveText('Saved test-message.md');
  expect(saving.asked.at(-1)).toEqual({
    suggestedName: `mailwarden-test-message-${LOOP_MAILBOXES.aligned.replace('@', '-')}-${entry.proof.provedAt.slice(0, 10)}.md`,
    format: 'md',
  });
  const markdown = await readFile(join(saving.outDir(), 'test-message.md'), 'utf8');
  expect(markdown).toBe(renderProofReport(entry.proof, 'md'));
  expect(markdown).toContain(`## Verdict\n\n- ${entry.proof.verdict.sentence}`);

  await page.getByRole('button', { name: 'Back to your accounts' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'Test messages sent' })).toContainText(
    `to ${LOOP_MAILBOXES.aligned}: arrived in the inbox`,
  );
  // The password crossed to the page in no answer and no event.
  expect(app.calls.filter((call) => call.response.includes(CANARY))).toEqual([]);
});

test('Stop while waiting: the run ends at once and says the message was already sent', async ({ app }) => {
  const { page } = app;
  const label = 'Lost mail';
  await openWithAccount(app, LOOP_MAILBOXES.lost, label);
  await openSendScreen(page, label);
  await page.getByRole('button', { name: 'Send the test message' }).click();

  const progress = page.getByRole('region', { name: 'Test message' });
  await expect(
    progress.getByRole('listitem').getByText(/^Sent: the server accepted it as [0-9A-F]+\.$/),
  ).toBeVisible({
    timeout: ARRIVAL_MS,
  });
  await expectAccessible(page, 'send a test message: waiting');
  await app.screenshot('send-test-waiting-1024-light');
  await page.getByRole('button', { name: 'Stop waiting' }).click();
  await expect(page.getByText('The test message was already sent.', { exact: false })).toBeVisible();
  expect(proofEvents(app).at(-1)).toMatchObject({ kind: 'cancelled' });
  await expect(page.getByRole('button', { name: 'Send another test message' })).toBeVisible();
  expect(app.calls.filter((call) => call.response.includes(CANARY))).toEqual([]);
});

test('mail that arrives unsigned: the results give a short plan whose first action is to turn on DKIM signing', async ({
  app,
}) => {
  const { page } = app;
  const label = 'Unsigned mail';
  await openWithAccount(app, LOOP_MAILBOXES.unsigned, label);
  await openSendScreen(page, label);
  await page.getByRole('button', { name: 'Send the test message' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Test message from ${label}`, exact: true }),
  ).toBeVisible({ timeout: ARRIVAL_MS });

  // The verdict speaks to the sender of the mail, not to a reader wary of a stranger's message.
  await expect(page.getByText(/^Receivers may refuse or hide mail from this account: /)).toBeVisible();
  await expect(page.getByText(/Do not trust this message/)).toHaveCount(0);
  const plan = page.getByRole('region', { name: 'What to do' });
  const signing = plan.locator('li[data-action="dkim-signing"]');
  await expect(signing).toContainText('The message has no DKIM signature');
  await expect(signing).toContainText('Your mail provider or server administrator');
  await expect(signing.getByRole('listitem').first()).toContainText('Turn on DKIM signing for your domain');
  // The flat findings are still there below it, for the details.
  await expect(page.getByRole('heading', { level: 2, name: /^Every finding/ })).toBeVisible();
  await expectAccessible(page, 'send a test message: results with a plan');
  expect(app.calls.filter((call) => call.response.includes(CANARY))).toEqual([]);
});
