/**
 * The client report as one self-contained HTML file: a summary table of every account on the first page,
 * then one page per account (its verdict, grades and fix plan), then each account's technical appendix,
 * each starting on a new page when printed (and so in the PDF).
 *
 * It has the single report's guarantees (render-html.ts): inline styles only, no scripts, fonts, images
 * or links to fetch, a Content-Security-Policy that forbids them anyway, and every text escaped by
 * `markup`. Each account's report is the single report's own markup with its headings moved one level
 * down and its ids made unique, so the document keeps one h1 and no id twice.
 */
import { SEVERITIES_WORST_FIRST, SEVERITY_LABELS, readableTime } from './report-view';
import { appendixSection, cover, summarySection } from './render-html';
import { reportDocument } from './report-document';
import type { ClientAccountReport, ClientReport } from './client-report';
import { SafeHtml, markup } from './html-template';
import { targetText } from './report-view';

/** Additions to the report stylesheet for the summary table and the page per account. */
const CLIENT_CSS = `
.client-summary { font-size: 0.85rem; }
.client-summary thead th { font-size: 0.75rem; }
.client-summary td.num, .client-summary th.num { text-align: right; font-variant-numeric: tabular-nums; }
.client-summary th[scope="row"] { overflow-wrap: anywhere; }
.client-summary .target { display: block; font-weight: 400; color: var(--muted); font-size: 0.78rem; }
.client-account { margin-top: 3rem; padding-top: 1.5rem; border-top: 4px double var(--ink); }
.client-account .cover h2 { font-size: 1.6rem; margin: 0.2rem 0 1rem; padding: 0; border: none; overflow-wrap: anywhere; }
.client-account h3 { font-size: 1.2rem; margin: 2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink);
  text-transform: none; letter-spacing: normal; }
.client-account h4 { font-size: 1rem; margin: 1.4rem 0 0.6rem; text-transform: uppercase; letter-spacing: 0.06em; }
.client-account h5 { font-size: 1.05rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; text-transform: none;
  letter-spacing: normal; color: var(--ink); }
.client-account h6 { font-size: 0.8rem; margin: 0.9rem 0 0.3rem; line-height: 1.25; text-transform: uppercase;
  letter-spacing: 0.05em; color: var(--muted); }
.client-appendix { margin-top: 3rem; }
.client-account .one-page h3, .client-appendix h3 { font-size: 1.2rem; }
@media print {
  .client-account { break-before: page; page-break-before: always; margin-top: 0; padding-top: 0; border-top: none; }
  .client-appendix { margin-top: 0; }
  h6 { break-after: avoid; page-break-after: avoid; }
}
`;

const NO_VALUE = '–';

export function renderClientHtml(report: ClientReport): string {
  return reportDocument({
    title: `Client mail security report: ${report.client}`,
    extraCss: CLIENT_CSS,
    printHeader: `Mailwarden client report: ${report.client}`,
    madeAt: report.generatedAt,
    content: markup`<header class="cover">
<p class="eyebrow">Client mail security report</p>
<h1>${report.client}</h1>
<dl class="meta">
<dt>Accounts</dt><dd>${report.accounts.length}</dd>
<dt>Made</dt><dd>${readableTime(report.generatedAt)}</dd>
</dl>
</header>
<main>
${summaryTable(report)}
${report.accounts.map(accountSection)}
${report.accounts.map(accountAppendix)}
</main>`,
    footer: `Made by Mailwarden on your own computer. Each account's report has report format version ${String(report.accounts[0]?.report.schemaVersion ?? NO_VALUE)}. Server and DNS texts are quoted as received.`,
  });
}

function summaryTable(report: ClientReport): SafeHtml {
  return markup`<section aria-labelledby="client-summary-heading">
<h2 id="client-summary-heading">Summary</h2>
${
  report.accounts.length === 0
    ? markup`<p>No account was tested.</p>`
    : markup`<table class="client-summary">
<caption class="eyebrow">One line per account; a page per account follows, then the technical appendices</caption>
<thead><tr><th scope="col">Account and what was tested</th><th scope="col">Grade</th><th scope="col" class="num">Score</th><th scope="col">Worst</th>${SEVERITIES_WORST_FIRST.map(
        (severity) => markup`<th scope="col" class="num">${SEVERITY_LABELS[severity]}</th>`,
      )}<th scope="col">Complete</th></tr></thead>
<tbody>
${report.accounts.map(({ summary }, index) => {
  return markup`<tr><th scope="row"><a href="#${accountId(index)}">${summary.label}</a><span class="target">${summary.target}</span></th><td><strong>${summary.grade ?? NO_VALUE}</strong></td><td class="num">${summary.score ?? NO_VALUE}</td><td>${summary.worst === null ? NO_VALUE : SEVERITY_LABELS[summary.worst]}</td>${SEVERITIES_WORST_FIRST.map(
    (severity) => markup`<td class="num">${summary.counts[severity]}</td>`,
  )}<td>${summary.cancelled ? 'No: cancelled' : 'Yes'}</td></tr>`;
})}
</tbody>
</table>`
}
</section>`;
}

function accountSection(account: ClientAccountReport, index: number): SafeHtml {
  const inner = markup`${cover(account.report, targetText(account.report))}
${summarySection(account.report)}`;
  return markup`<section class="client-account" id="${accountId(index)}" aria-label="${account.summary.label}">
${new SafeHtml(nested(inner.markup, `${accountId(index)}-`))}
</section>`;
}

function accountAppendix(account: ClientAccountReport, index: number): SafeHtml {
  const inner = appendixSection(account.report, `Technical appendix: ${account.summary.label}`);
  return markup`<section class="client-appendix" aria-label="Technical appendix: ${account.summary.label}">
${new SafeHtml(nested(inner.markup, `${accountId(index)}-`))}
</section>`;
}

/** The anchor of the nth account's section (1-based in the file, for people reading the address). */
function accountId(index: number): string {
  return `account-${String(index + 1)}`;
}

/**
 * One account's markup inside the client document: headings one level down, ids and references to them
 * prefixed. Safe on the markup as text because `markup` escapes every interpolated "<" and '"', so only
 * the template's own tags and attributes can match.
 */
function nested(html: string, idPrefix: string): string {
  return html
    .replace(
      /<(\/?)h([1-5])\b/g,
      (_match, slash: string, level: string) => `<${slash}h${String(Number(level) + 1)}`,
    )
    .replace(/ (id|aria-labelledby)="/g, ` $1="${idPrefix}`)
    .replace(/ href="#/g, ` href="#${idPrefix}`);
}
