/**
 * `mailwarden reevaluate REPORT.json`: re-judges a saved JSON report from the evidence it embeds, with
 * no network and no password, and prints the new report (to stdout or --out).
 *
 * For offline diagnostics, and to see what a newer Mailwarden's rules make of what the servers said then.
 */
import { parseArgs } from 'node:util';
import type { AuditReport } from '../../../preload/contract/audit';
import { readRegularFileBounded, type BoundedRead } from '../../adapters/bounded-read';
import { checkOutputTarget, writeOutputFile } from '../../adapters/output-file';
import { reevaluateReport } from '../../core/evidence/reevaluate';
import { testMessageOf } from '../../core/plan/build-fix-plan';
import { MAILWARDEN_VERSION } from '../../version';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { formatAuditText } from '../format-audit-text';
import { REEVALUATE_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { UsageError } from '../usage-error';

const COMMAND = 'reevaluate';
/** A report with every certificate and reply is a few hundred KB; anything far bigger is not ours. */
const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export async function runReevaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOrUsageError(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: { format: { type: 'string' }, out: { type: 'string' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, REEVALUATE_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}".`, COMMAND);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0)
    throw new UsageError('Name one JSON report, e.g. mailwarden reevaluate report.json.', COMMAND);

  if (values.out !== undefined) await checkOutputTarget(values.out);
  const original = await readReport(path);
  const report = await reevaluateReport(original, { toolVersion: MAILWARDEN_VERSION });
  writeLine(
    io.stderr,
    `Re-evaluated offline from the evidence of ${terminalText(original.startedAt)}: ${String(report.findings.length)} findings (the report had ${String(original.findings.length)}).${proofNote(report)}`,
  );
  const output = format === 'json' ? `${jsonText(report)}\n` : `${formatAuditText(report)}\n`;
  if (values.out === undefined) io.stdout.write(output);
  else {
    writeLine(io.stderr, await writeOutputFile(values.out, output));
  }
  return EXIT_OK;
}

/** Says the plan still holds the test message it joined (docs/scoring.md, "What a test message adds"). */
function proofNote(report: AuditReport): string {
  if (report.proof === undefined) return '';
  return ` The plan still includes ${terminalText(testMessageOf(report.proof.provedAt))}, as the report's did.`;
}

/** The file as a report, or a UsageError saying exactly what is wrong with it. */
async function readReport(path: string): Promise<AuditReport> {
  const shown = terminalText(path);
  let read: BoundedRead;
  try {
    // The size and kind are judged before reading: a 500 MB file is refused without loading it.
    read = await readRegularFileBounded(path, MAX_REPORT_BYTES);
  } catch {
    read = { kind: 'missing' };
  }
  if (read.kind === 'missing') throw new UsageError(`Cannot read the report ${shown}.`, COMMAND);
  if (read.kind === 'not-regular')
    throw new UsageError(`${shown} is ${read.what}, not a report file.`, COMMAND);
  if (read.kind === 'too-large')
    throw new UsageError(`${shown} is larger than any Mailwarden report (over 50 MB).`, COMMAND);
  const text = read.bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new UsageError(`${shown} is not valid JSON (${terminalText(reason)}).`, COMMAND);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`${shown} is not a Mailwarden JSON report: it is not a JSON object.`, COMMAND);
  const fields = parsed as Record<string, unknown>;
  // Version 1 reports re-evaluate too: their evidence is the same, only the score and plan are new.
  if ((fields['schemaVersion'] !== 1 && fields['schemaVersion'] !== 2) || !Array.isArray(fields['findings']))
    throw new UsageError(
      `${shown} is not a Mailwarden JSON report (schema version 1 or 2 with findings); save one with "mailwarden audit ... --format json".`,
      COMMAND,
    );
  return parsed as AuditReport;
}
