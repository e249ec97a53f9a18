/**
 * The batch index as one self-contained HTML page: a summary and a table of every client, linking to each
 * row's report in the same folder.
 *
 * Client names, reasons and targets come from the input file, so every piece of text is escaped (controls
 * shown visibly, preload/contract/untrusted-text.ts) and the
 * page forbids scripts and outside requests with its own Content-Security-Policy; it opens from disk with
 * no network and prints cleanly.
 */
import { SEVERITIES, type Severity } from '../../../preload/contract/findings';
import { htmlText as escapeHtml } from '../../../preload/contract/untrusted-text';
import type { BatchIndex, BatchIndexEntry } from './batch-index';

const SEVERITY_COLUMNS = [...SEVERITIES].reverse();

const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  critical: '#7f1d1d',
  high: '#b91c1c',
  medium: '#b45309',
  low: '#1d4ed8',
  info: '#4b5563',
  pass: '#15803d',
};

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;margin:24px}
h1{font-size:20px;margin:0 0 4px}
p{margin:4px 0}
table{border-collapse:collapse;width:100%;margin-top:16px}
th,td{border:1px solid #d1d5db;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{font-weight:600}
.status-not-run,.status-failed{color:#b91c1c}
.status-cancelled{color:#b45309}
.note{color:#4b5563;font-size:12px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}@page{margin:12mm}tr{break-inside:avoid}}
`;

export function renderIndexHtml(index: BatchIndex): string {
  const { totals } = index;
  const summary = [
    `${String(index.entries.length)} rows`,
    `${String(totals.done)} audited`,
    ...(totals.cancelled > 0 ? [`${String(totals.cancelled)} cancelled`] : []),
    ...(totals.failed > 0 ? [`${String(totals.failed)} could not run`] : []),
    ...(totals['not-run'] > 0 ? [`${String(totals['not-run'])} not run`] : []),
  ].join(', ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mailwarden batch audit</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Mailwarden batch audit</h1>
<p>Generated ${escapeHtml(index.generatedAt)}. ${escapeHtml(summary)}.</p>
${index.cancelled ? '<p class="status-cancelled"><strong>The batch was cancelled.</strong> Rows marked cancelled have a partial report or none; every other report is complete.</p>\n' : ''}<table>
<thead><tr><th>Line</th><th>Client</th><th>Target</th><th>Status</th><th>Worst</th>${SEVERITY_COLUMNS.map((s) => `<th>${s}</th>`).join('')}<th>Score</th><th>Grade</th><th>Report</th></tr></thead>
<tbody>
${index.entries.map(entryRow).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

function entryRow(entry: BatchIndexEntry): string {
  const worst =
    entry.worst === null
      ? ''
      : `<span class="sev" style="color:${SEVERITY_COLOURS[entry.worst]}">${entry.worst}</span>`;
  const counts = SEVERITY_COLUMNS.map(
    (severity) => `<td class="num">${entry.counts === null ? '' : String(entry.counts[severity])}</td>`,
  ).join('');
  const status = `<span class="status-${entry.status}">${escapeHtml(
    entry.status === 'done' ? 'audited' : entry.statusText,
  )}</span>${entry.note === '' ? '' : `<div class="note">${escapeHtml(entry.note)}</div>`}`;
  const link =
    entry.report === null
      ? ''
      : `<a href="${escapeHtml(encodeURIComponent(entry.report.view))}">report</a> · <a href="${escapeHtml(
          encodeURIComponent(entry.report.json),
        )}">JSON</a>`;
  return `<tr><td class="num">${String(entry.line)}</td><td>${escapeHtml(entry.client)}</td><td>${escapeHtml(
    entry.target,
  )}</td><td>${status}</td><td>${worst}</td>${counts}<td class="num">${
    entry.score === null ? '' : escapeHtml(String(entry.score))
  }</td><td>${escapeHtml(entry.grade ?? '')}</td><td>${link}</td></tr>`;
}
