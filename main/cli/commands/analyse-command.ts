/**
 * `mailwarden analyse FILE.eml|-`: judges one received message (DKIM, SPF, DMARC, ARC, the receiver's
 * own results and the path it took) and prints the findings, like `audit` does for an account.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readRegularFileBounded } from '../../adapters/bounded-read';
import { readStreamBounded } from '../../adapters/bounded-stream-read';
import { createDnsResolver } from '../../adapters/dns-resolver';
import { checkOutputTarget, writeOutputFile } from '../../adapters/output-file';
import { parseDnsServer } from '../../adapters/parse-dns-server';
import type { MainServices } from '../../composition';
import type { HistorySaveOutcome } from '../../core/history/history-port';
import { analyseMessage } from '../../core/message/analyse-message';
import { analysisRecord } from '../../core/message/analysis-record';
import { findingCounts } from '../../core/message/describe-analysis';
import type { MessageAnalysis } from '../../core/message/message-analysis';
import { MAX_MESSAGE_BYTES } from '../../core/message/message-limits';
import { renderAnalysisMarkdown } from '../../core/message/render-analysis-markdown';
import { renderAnalysisReport } from '../../core/report/render-analysis-report';
import type { AnalysisRecord } from '../../../preload/contract/message-check';
import type { DnsResolver } from '../../core/ports';
import { MAILWARDEN_VERSION } from '../../version';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { formatAnalysisText } from '../format-analysis-text';
import { historyNotice } from '../history-notice';
import { ANALYSE_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { exitCodeForFindings, parseFailOn } from '../report-output';
import { UsageError } from '../usage-error';

const COMMAND = 'analyse';
/** md and markdown are the same; html and csv are the reports' own (the analysis as the history keeps it). */
const FORMATS = ['text', 'json', 'md', 'markdown', 'html', 'csv'] as const;
type AnalysisFormat = (typeof FORMATS)[number];

export async function runAnalyseCommand(
  args: readonly string[],
  io: CliIo,
  services: (dnsServer: string | undefined) => MainServices,
): Promise<number> {
  const { values, positionals } = parseOrUsageError(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: {
        'no-dns': { type: 'boolean' },
        dns: { type: 'string' },
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
    writeLine(io.stdout, ANALYSE_HELP);
    return EXIT_OK;
  }
  const format = FORMATS.find((candidate) => candidate === (values.format ?? 'text'));
  if (format === undefined)
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, not "${values.format ?? ''}".`,
      COMMAND,
    );
  const failOn = parseFailOn(values['fail-on'], COMMAND);
  if (values['no-dns'] === true && values.dns !== undefined)
    throw new UsageError('--no-dns and --dns cannot be used together.', COMMAND);
  if (values.dns !== undefined) {
    const parsed = parseDnsServer(values.dns);
    if (!parsed.ok) throw new UsageError(`--dns: ${parsed.message}`, COMMAND);
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0)
    throw new UsageError('Name one message file, or "-" to read it from standard input.', COMMAND);

  if (values.out !== undefined) await checkOutputTarget(values.out);
  const bytes = await readInput(path, io);
  const resolver: DnsResolver | null =
    values['no-dns'] === true ? null : await resolverFor(values.dns, services);
  const analysis = await withoutLibraryLogging(() =>
    analyseMessage({ bytes, resolver, clock: { now: () => new Date() }, toolVersion: MAILWARDEN_VERSION }),
  );
  const source = path === '-' ? 'stdin' : 'file';
  const record = analysisRecord(analysis, source);
  const output = render(analysis, record, format);
  historyNotice(io)(await keepInHistory(record, () => services(values.dns)));
  if (values.out === undefined) io.stdout.write(output);
  else {
    writeLine(io.stderr, findingCounts(analysis.findings));
    writeLine(io.stderr, await writeOutputFile(values.out, output));
  }
  return exitCodeForFindings(analysis, failOn);
}

/**
 * mailauth 4.x prints a debugging line with console.log when a signature's l= does not match the body
 * (lib/dkim/dkim-verifier.js), so a message could write into `--format json` on standard output. The
 * command owns its process, so console.log is silenced while the message is judged.
 */
async function withoutLibraryLogging<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

/** --dns when given, else the resolver saved in Settings, else the system's. */
async function resolverFor(
  dns: string | undefined,
  services: (dnsServer: string | undefined) => MainServices,
): Promise<DnsResolver> {
  if (dns !== undefined) {
    const parsed = parseDnsServer(dns);
    if (parsed.ok) return createDnsResolver({ server: parsed.value });
  }
  return services(dns).resolver();
}

async function readInput(path: string, io: CliIo): Promise<Uint8Array | 'too-large'> {
  if (path === '-') {
    if (io.stdin.isTTY === true)
      writeLine(io.stderr, 'Paste the message (header and body), then press Ctrl-D on an empty line.');
    const read = await readStreamBounded(io.stdin, MAX_MESSAGE_BYTES);
    return read.kind === 'read' ? read.bytes : 'too-large';
  }
  const shown = terminalText(path);
  const read = await readRegularFileBounded(path, MAX_MESSAGE_BYTES).catch(
    () => ({ kind: 'missing' }) as const,
  );
  switch (read.kind) {
    case 'read':
      return read.bytes;
    case 'too-large':
      return 'too-large';
    case 'missing':
      throw new UsageError(`Cannot read the message ${shown}.`, COMMAND);
    case 'not-regular':
      throw new UsageError(`${shown} is ${read.what}, not a message file.`, COMMAND);
  }
}

function render(analysis: MessageAnalysis, record: AnalysisRecord, format: AnalysisFormat): string {
  switch (format) {
    case 'text':
      return `${formatAnalysisText(analysis, record.verdict)}\n`;
    case 'json':
      // The analysis with the verdict every other output opens with (docs/report-format.md).
      return `${jsonText({ ...analysis, verdict: record.verdict })}\n`;
    case 'md':
    case 'markdown':
      return renderAnalysisMarkdown(analysis, record.verdict);
    case 'html':
    case 'csv':
      return renderAnalysisReport(record, format);
  }
}

/** The verdict goes to the history like an audit run (never the message); a failure is only a warning. */
async function keepInHistory(
  record: AnalysisRecord,
  services: () => MainServices,
): Promise<HistorySaveOutcome> {
  const runId = randomUUID();
  try {
    await services().history.saveAnalysis({ runId, analysis: record });
    return { saved: true, runId };
  } catch (error) {
    return {
      saved: false,
      runId,
      message: error instanceof Error ? error.message : 'the history could not be written',
    };
  }
}
