/**
 * The audit report as one self-contained HTML file a consultant can hand to a client or print to PDF.
 *
 * Self-contained means no request of any kind: inline styles only, no scripts, fonts, images or linked
 * files, and a Content-Security-Policy that forbids them anyway, so even a bug in escaping could not load
 * or run anything. Every text from a server or DNS record is escaped by `markup` (see html-template.ts).
 */
import type { AuditReport, TranscriptLine } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import { SafeHtml, markup } from './html-template';
import { reportDocument } from './report-document';
import type { ScoreView } from './report-score';
import { readSummary, type ActionView, type SummaryView } from './report-summary';
import {
  SEVERITY_LABELS,
  durationText,
  evidenceEntries,
  groupBySeverity,
  readableTime,
  safeLinkUrl,
  severityCounts,
  targetText,
} from './report-view';

const DIRECTION_LABELS: Readonly<Record<TranscriptLine['direction'], string>> = {
  client: 'sent',
  server: 'received',
  event: 'event',
};

export function renderHtml(report: AuditReport): string {
  const target = targetText(report);
  return reportDocument({
    title: `Mail security report: ${report.target.label}`,
    printHeader: `Mailwarden mail security report: ${target}`,
    madeAt: report.finishedAt,
    content: markup`${cover(report, target)}
<main>
${reportSections(report)}
</main>`,
    footer: `Made by ${report.tool.name} ${report.tool.version} on your own computer; report format version ${String(report.schemaVersion)}. Server and DNS texts are quoted as received.`,
  });
}

/**
 * The report's content under its cover: the one-page summary (verdict, grades, fix plan, whom to send
 * what), then the technical appendix (messages, findings, checks that did not run, passing checks and
 * the transcript).
 */
export function reportSections(report: AuditReport): SafeHtml {
  return markup`${summarySection(report)}
${appendixSection(report)}`;
}

/** The one-page summary: verdict, grades with caps, the plan at a glance and who does what. */
export function summarySection(report: AuditReport): SafeHtml {
  return summary(readSummary(report));
}

/** The technical appendix, starting on a page of its own when printed. */
export function appendixSection(report: AuditReport, title = 'Technical appendix'): SafeHtml {
  const problems = groupBySeverity(report.findings).filter((group) => group.severity !== 'pass');
  const passes = report.findings.filter((finding) => finding.severity === 'pass');
  const view = readSummary(report);
  return markup`<div class="appendix">
<h2 class="appendix-title">${title}</h2>
${actionsSection(view.actions)}
${notRunSection(view)}
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">All findings</h2>
${severityTable(report)}
${problems.length === 0 ? markup`<p>Nothing needs attention: every check passed.</p>` : null}
${problems.map(
  (group) => markup`<h3 id="severity-${group.severity}">${group.label} (${group.findings.length})</h3>
${group.findings.map(findingArticle)}`,
)}
</section>
${passingSection(passes)}
${transcriptSection(report.transcript)}
</div>`;
}

/** The cover: the target's name, what was tested, when, and a warning when the run was cancelled. */
export function cover(report: AuditReport, target: string): SafeHtml {
  const duration = durationText(report);
  return markup`<header class="cover">
<p class="eyebrow">Mail security report</p>
<h1>${report.target.label}</h1>
<dl class="meta">
<dt>Tested</dt><dd>${target}</dd>
<dt>Started</dt><dd>${readableTime(report.startedAt)}</dd>
<dt>Finished</dt><dd>${readableTime(report.finishedAt)}${duration === null ? null : ` (${duration})`}</dd>
<dt>Tool</dt><dd>${report.tool.name} ${report.tool.version}</dd>
</dl>
${report.cancelled ? markup`<p class="warning">This audit was cancelled before every check finished: the findings below are incomplete.</p>` : null}
</header>`;
}

function summary(view: SummaryView): SafeHtml {
  return markup`<section class="one-page" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<p class="verdict tone-${view.tone}"><strong>${view.verdict}</strong></p>
${view.banners.map((banner) => markup`<p class="warning">${banner}</p>`)}
${scoreTable(view.score)}
${planSection(view)}
</section>`;
}

function severityTable(report: AuditReport): SafeHtml {
  return markup`<table class="counts">
<caption class="eyebrow">Findings by severity</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Findings</th></tr></thead>
<tbody>
${severityCounts(report.findings).map(
  ({ severity, count }) =>
    markup`<tr><td><span class="badge sev-${severity}">${SEVERITY_LABELS[severity]}</span></td><td class="count">${count}</td></tr>`,
)}
</tbody>
</table>`;
}

/** The grades beside what capped the overall one (or why there is none). */
function scoreTable(score: ScoreView): SafeHtml {
  return markup`<div class="grades">
<table class="score">
<caption class="eyebrow">Grades</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Score</th><th scope="col">Grade</th></tr></thead>
<tbody>
<tr><th scope="row">${score.overall.label}</th><td><strong>${score.overall.points}</strong></td><td><strong>${score.overall.grade}</strong></td></tr>
${score.areas.map((area) => markup`<tr><th scope="row">${area.label}</th><td>${area.points}</td><td>${area.grade}</td></tr>`)}
</tbody>
</table>
${score.overall.notes.length === 0 ? null : markup`<ul class="caps">${score.overall.notes.map((note) => markup`<li>${note}</li>`)}</ul>`}
</div>`;
}

function planSection(view: SummaryView): SafeHtml {
  return markup`<h3 id="plan-heading">What to do</h3>
${
  view.actions.length === 0
    ? markup`<p>${view.tone === 'incomplete' ? 'Nothing to fix among what could be tested.' : 'Nothing to fix.'}</p>`
    : markup`<ol class="plan">${view.actions.map(actionItem)}</ol>`
}
${
  view.recipients.length === 0
    ? null
    : markup`<p class="recipients"><strong>Who does what:</strong> ${view.recipients.map(
        (recipient, index) =>
          markup`${index === 0 ? null : ' · '}${recipient.whoLabel}: ${recipient.actions.map((a) => String(a.number)).join(', ')}`,
      )}. The messages to send them are in the appendix.</p>`
}`;
}

/** One line per action in the summary: what, who, where. The steps are in the appendix. */
function actionItem(action: ActionView): SafeHtml {
  return markup`<li class="action sev-${action.severity}"><span class="badge">${SEVERITY_LABELS[action.severity]}</span><strong>${action.title}</strong> <span class="action-who">— ${action.whoLabel}${action.where === null ? null : markup` · ${action.where}`}${action.fixes > 1 ? markup` · fixes ${action.fixes} findings` : null}</span></li>`;
}

/**
 * Each action in full: the steps once, the record to publish, and the message to send. Shared with the
 * message reports (message-report-page.ts), which give their plan its own heading.
 */
export function actionsSection(
  actions: readonly ActionView[],
  heading = 'How to do each action',
): SafeHtml | null {
  if (actions.length === 0) return null;
  return markup`<section aria-labelledby="actions-heading">
<h2 id="actions-heading">${heading}</h2>
${actions.map(
  (action) => markup`<article class="action-detail sev-${action.severity}">
<h3>${action.number}. ${action.title}</h3>
<p class="action-who">${action.whoLabel}${action.where === null ? null : markup` · ${action.where}`}</p>
<ol class="steps">${action.steps.map((step) => markup`<li>${step}</li>`)}</ol>
${
  action.record === null
    ? null
    : markup`<table class="record"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Value</th></tr></thead>
<tbody><tr><td>${action.record.name}</td><td>${action.record.type}</td><td>${action.record.value}</td></tr></tbody></table>`
}
${action.who === 'you' ? null : markup`<h4>A message for ${action.whoLabel.toLowerCase()}</h4><pre class="message">${action.message}</pre>`}
</article>`,
)}
</section>`;
}

function notRunSection(view: SummaryView): SafeHtml | null {
  if (view.notRun.length === 0) return null;
  return markup`<section aria-labelledby="not-run-heading">
<h2 id="not-run-heading">Checks that did not run</h2>
${view.notRun.map(
  (group) => markup`<p>${group.why}</p><ul>${group.checks.map((check) => markup`<li>${check}</li>`)}</ul>`,
)}
</section>`;
}

/** One finding as an article: severity, title, what was seen, what it means, the fix and references. */
export function findingArticle(finding: Finding): SafeHtml {
  const { fix } = finding;
  const providers = Object.entries(fix.providerSteps ?? {});
  const evidence = evidenceEntries(finding.evidence);
  return markup`<article class="finding sev-${finding.severity}">
<h4><span class="badge">${SEVERITY_LABELS[finding.severity]}</span>${finding.title}</h4>
<p class="ids mono">${finding.id} · ${finding.checkId}</p>
<p>${finding.explanation}</p>
${fix.steps.length === 0 ? null : markup`<h5>How to fix it</h5><ol>${fix.steps.map((step) => markup`<li>${step}</li>`)}</ol>`}
${providers.map(
  ([preset, steps]) =>
    markup`<h5>Steps for ${preset}</h5><ol>${steps.map((step) => markup`<li>${step}</li>`)}</ol>`,
)}
${
  fix.record === undefined
    ? null
    : markup`<h5>Record to publish</h5>
<table class="record"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Value</th></tr></thead>
<tbody><tr><td>${fix.record.name}</td><td>${fix.record.type}</td><td>${fix.record.value}</td></tr></tbody></table>`
}
${
  finding.references.length === 0
    ? null
    : markup`<h5>References</h5><ul>${finding.references.map((reference) => {
        const url = safeLinkUrl(reference.url);
        return url === null
          ? markup`<li>${reference.label} (${reference.url})</li>`
          : markup`<li><a href="${url}" rel="noreferrer noopener">${reference.label}</a></li>`;
      })}</ul>`
}
${
  evidence.length === 0
    ? null
    : markup`<h5>Evidence</h5>
<table class="evidence"><tbody>${evidence.map((entry) => markup`<tr><th scope="row">${entry.key}</th><td>${entry.value}</td></tr>`)}</tbody></table>`
}
</article>`;
}

function passingSection(passes: readonly Finding[]): SafeHtml {
  return markup`<section aria-labelledby="passed-heading">
<h2 id="passed-heading">Passing checks (${passes.length})</h2>
${
  passes.length === 0
    ? markup`<p>No check passed outright.</p>`
    : markup`<details><summary>Show the ${passes.length} ${passes.length === 1 ? 'check' : 'checks'} that passed</summary>
<ul class="passes">${passes.map((finding) => markup`<li>${finding.title} <span class="mono">(${finding.id})</span></li>`)}</ul>
</details>`
}
</section>`;
}

function transcriptSection(transcript: readonly TranscriptLine[]): SafeHtml {
  return markup`<section aria-labelledby="transcript-heading">
<h2 id="transcript-heading">Protocol transcript</h2>
<p>What was said on each connection, in order. Passwords and login data were replaced by &lt;redacted&gt; before anything was recorded.</p>
${
  transcript.length === 0
    ? markup`<p>No connection was made.</p>`
    : markup`<table class="transcript">
<thead><tr><th scope="col">ms</th><th scope="col">Connection</th><th scope="col">Direction</th><th scope="col">Text</th></tr></thead>
<tbody>${transcript.map(
        (line) =>
          markup`<tr><td class="num">${line.elapsedMs}</td><td>${line.connection}</td><td>${DIRECTION_LABELS[line.direction]}</td><td>${line.text}</td></tr>`,
      )}</tbody></table>`
}
</section>`;
}
