/**
 * The batch index as CSV (RFC 4180: CRLF line ends, fields quoted when they need it), one row per input
 * row, for the consultant's own spreadsheet.
 *
 * Client names and reasons come from the input file and from servers, so a cell that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe (the OWASP advice
 * on CSV injection).
 */
import { SEVERITIES } from '../../../preload/contract/findings';
import type { BatchIndex, BatchIndexEntry } from './batch-index';

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Worst first, like the reports. */
const SEVERITY_COLUMNS = [...SEVERITIES].reverse();

export const INDEX_CSV_HEADER = [
  'line',
  'client',
  'target',
  'status',
  'worst_severity',
  ...SEVERITY_COLUMNS,
  'score',
  'grade',
  'report',
  'note',
] as const;

export function renderIndexCsv(index: BatchIndex): string {
  const rows = [INDEX_CSV_HEADER, ...index.entries.map(entryCells)];
  return rows.map((cells) => cells.map(csvField).join(',')).join(CRLF) + CRLF;
}

function entryCells(entry: BatchIndexEntry): string[] {
  return [
    String(entry.line),
    entry.client,
    entry.target,
    entry.statusText,
    entry.worst ?? '',
    ...SEVERITY_COLUMNS.map((severity) => (entry.counts === null ? '' : String(entry.counts[severity]))),
    entry.score === null ? '' : String(entry.score),
    entry.grade ?? '',
    entry.report?.view ?? '',
    entry.note,
  ];
}

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
