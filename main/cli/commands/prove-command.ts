/**
 * `mailwarden prove ACCOUNT [--to ADDRESS] [--keep] [--timeout S] [--yes]`: the one command that sends a
 * message. It asks first (or takes --yes), sends one tagged test message through the account's server,
 * watches the account's mailbox over IMAP, and judges what arrived like `analyse`. Progress on stderr.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkOutputTarget, writeOutputFile } from '../../adapters/output-file';
import type { MainServices } from '../../composition';
import { findingCounts } from '../../core/message/describe-analysis';
import { keepProof } from '../../core/prove/keep-proof';
import { proofPlan } from '../../core/prove/proof-plan';
import { proofProgressLine } from '../../core/prove/proof-progress-line';
import type { ProofResult } from '../../core/prove/proof-result';
import { isProofAddress, type ProofRecord } from '../../../preload/contract/proof';
import { renderProofReport } from '../../core/report/render-proof-report';
import { renderProofMarkdown } from '../../core/prove/render-proof-markdown';
import { DEFAULT_PROOF_TIMEOUT_MS } from '../../core/prove/run-proof';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { formatProofText } from '../format-proof-text';
import { historyNotice } from '../history-notice';
import { PROVE_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { readCaFile } from '../read-ca-file';
import { exitCodeForFindings, parseFailOn } from '../report-output';
import { UsageError } from '../usage-error';

const COMMAND = 'prove';
/** html and csv are the reports' own, from the run as the history keeps it. */
const FORMATS = ['text', 'json', 'md', 'html', 'csv'] as const;
type ProofFormat = (typeof FORMATS)[number];
const MAX_TIMEOUT_S = 3_600;
/** The longest answer read from the terminal to the consent question. */
const MAX_ANSWER_BYTES = 256;

export async function runProveCommand(
  args: readonly string[],
  io: CliIo,
  services: (dnsServer: string | undefined) => MainServices,
): Promise<number> {
  const { values, positionals } = parseOrUsageError(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: {
        to: { type: 'string' },
        keep: { type: 'boolean' },
        timeout: { type: 'string' },
        yes: { type: 'boolean' },
        dns: { type: 'string' },
        ca: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'fail-on': { type: 'string' },
        ...HELP_OPTION,
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, PROVE_HELP);
    return EXIT_OK;
  }
  const format = FORMATS.find((candidate) => candidate === (values.format ?? 'text'));
  if (format === undefined)
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, not "${values.format ?? ''}".`,
      COMMAND,
    );
  const failOn = parseFailOn(values['fail-on'], COMMAND);
  const timeoutMs = parseTimeout(values.timeout);
  if (values.to !== undefined && !isProofAddress(values.to))
    throw new UsageError(`--to must be one email address, not "${values.to}".`, COMMAND);
  const [accountName, ...extra] = positionals;
  if (accountName === undefined || extra.length > 0)
    throw new UsageError('Name one saved account (its id or email address).', COMMAND);
  if (values.out !== undefined) await checkOutputTarget(values.out);
  const extraCa = values.ca === undefined ? undefined : await readCaFile(values.ca, COMMAND);

  const built = services(values.dns);
  const account = await built.accounts.resolve(accountName);
  const to = values.to ?? account.email;
  const keep = values.keep === true;
  const plan = `Mailwarden will send one test message from ${account.email} to ${to} through ${account.host}, then read the mailbox at ${account.incoming?.host ?? 'the account’s IMAP server'} to find it${keep ? '' : ' and delete it'}. This is the only command that sends a message.`;
  if (values.yes !== true) {
    if (io.stdin.isTTY !== true)
      throw new UsageError(
        `${plan} Nobody is at a terminal to agree: add --yes to send it without asking.`,
        COMMAND,
      );
    if (!(await askYesNo(io, `${terminalText(plan)}\nSend it? [y/N] `))) {
      writeLine(io.stderr, 'Nothing was sent.');
      return EXIT_OK;
    }
  } else writeLine(io.stderr, terminalText(plan));

  const { extraCaPem } = await built.settings.forAudit(extraCa);
  const result = await built.proofs.run({
    account: account.id,
    to,
    keep,
    timeoutMs,
    extraCaPem,
    onProgress: (progress) => {
      writeLine(io.stderr, terminalText(proofProgressLine(progress)));
    },
  });
  const kept = await keepProof(built.history, { newId: randomUUID }, result, account.id);
  historyNotice(io)(kept.outcome);
  const output = render(result, kept.entry.proof, format);
  if (values.out === undefined) io.stdout.write(output);
  else {
    writeLine(io.stderr, findingCounts(result.findings));
    writeLine(io.stderr, await writeOutputFile(values.out, output));
  }
  return exitCodeForFindings(result, failOn);
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PROOF_TIMEOUT_MS;
  const seconds = Number(text);
  if (!/^\d+$/.test(text.trim()) || seconds < 1 || seconds > MAX_TIMEOUT_S)
    throw new UsageError(
      `--timeout takes whole seconds from 1 to ${String(MAX_TIMEOUT_S)}, not "${text}".`,
      COMMAND,
    );
  return seconds * 1000;
}

/** One line from the terminal: yes only for "y" or "yes". */
function askYesNo(io: CliIo, question: string): Promise<boolean> {
  io.stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (answer: boolean): void => {
      io.stdin.off('data', onData);
      io.stdin.off('end', onEnd);
      io.stdin.pause();
      resolve(answer);
    };
    const onData = (chunk: Buffer | string): void => {
      typed += chunk.toString();
      const newline = typed.indexOf('\n');
      if (newline >= 0 || typed.length > MAX_ANSWER_BYTES)
        finish(/^\s*y(es)?\s*$/i.test(typed.slice(0, newline >= 0 ? newline : undefined)));
    };
    const onEnd = (): void => {
      finish(false);
    };
    io.stdin.on('data', onData);
    io.stdin.once('end', onEnd);
    io.stdin.resume();
  });
}

function render(result: ProofResult, record: ProofRecord, format: ProofFormat): string {
  switch (format) {
    case 'text':
      return `${formatProofText(result, record.verdict)}\n`;
    case 'json':
      // The run with its plan and verdict, as the history keeps them (docs/report-format.md).
      return `${jsonText({ ...result, plan: record.plan ?? proofPlan(result), verdict: record.verdict })}\n`;
    case 'md':
      return renderProofMarkdown(result, record.verdict);
    case 'html':
    case 'csv':
      return renderProofReport(record, format);
  }
}
