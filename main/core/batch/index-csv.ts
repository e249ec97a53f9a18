/**
 * The batch index as CSV (RFC 4180: CRLF line ends, fields quoted when they need it), one row per input
 * row, for the consultant's own spreadsheet.
 *
 * Client names and reasons come from the input file and from servers, so every field is quoted, its
 * control characters shown visibly, and anything a spreadsheet would run as a formula made inert, in any
 * list-separator locale (OWASP "CSV Injection"; preload/contract/untrusted-text.ts).
 */
import { SEVERITIES } from '../../../preload/contract/findings';
import { csvRows } from '../../../preload/contract/untrusted-text';
import type { BatchIndex, BatchIndexEntry } from './batch-index';

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
  return csvRows(rows);
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
