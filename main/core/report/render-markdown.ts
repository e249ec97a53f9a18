/**
 * The audit report as Markdown: the HTML report's content for a ticket, a wiki page or a pull request.
 *
 * Server and DNS text is escaped (markdown-text.ts) so it stays words; records and the transcript go in
 * fenced code blocks so they can be copied exactly.
 */
import type { AuditReport, TranscriptLine } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import {
  markdownCodeBlock as codeBlock,
  markdownCodeSpan as codeSpan,
  markdownText,
} from '../../../preload/contract/untrusted-text';
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

export function renderMarkdown(report: AuditReport): string {
  const duration = durationText(report);
  const passes = report.findings.filter((finding) => finding.severity === 'pass');
  const lines: string[] = [
    `# Mail security report: ${markdownText(report.target.label)}`,
    '',
    `- **Tested:** ${markdownText(targetText(report))}`,
    `- **Started:** ${readableTime(report.startedAt)}`,
    `- **Finished:** ${readableTime(report.finishedAt)}${duration === null ? '' : ` (${duration})`}`,
    `- **Tool:** ${markdownText(`${report.tool.name} ${report.tool.version}`)}`,
    '',
  ];
  if (report.cancelled)
    lines.push(
      '> **This audit was cancelled before every check finished: the findings below are incomplete.**',
      '',
    );
  const view = readSummary(report);
  lines.push(...summaryLines(report, view));
  lines.push(
    '---',
    '',
    '## Technical appendix',
    '',
    'The details behind the summary: messages to send, every finding and the transcript.',
    '',
  );
  lines.push(...actionDetailLines(view.actions), ...notRunLines(view));
  lines.push('## All findings', '');
  const groups = groupBySeverity(report.findings).filter((group) => group.severity !== 'pass');
  if (groups.length === 0) lines.push('Nothing needs attention: every check passed.', '');
  for (const group of groups) {
    lines.push(`### ${group.label} (${String(group.findings.length)})`, '');
    for (const finding of group.findings) lines.push(...findingLines(finding));
  }
  lines.push(`## Passing checks (${String(passes.length)})`, '');
  if (passes.length === 0) lines.push('No check passed outright.', '');
  else
    lines.push(
      '<details>',
      `<summary>Show the ${String(passes.length)} ${passes.length === 1 ? 'check' : 'checks'} that passed</summary>`,
      '',
      ...passes.map((finding) => `- ${markdownText(finding.title)} (${codeSpan(finding.id)})`),
      '',
      '</details>',
      '',
    );
  lines.push(...transcriptLines(report.transcript));
  lines.push(
    '---',
    '',
    `Made by ${markdownText(`${report.tool.name} ${report.tool.version}`)} on your own computer; report format version ${String(report.schemaVersion)}. Server and DNS texts are quoted as received.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The one-page summary: verdict, what could not be tested, grades with caps, the plan and who does what. */
function summaryLines(report: AuditReport, view: SummaryView): string[] {
  const { score } = view;
  return [
    '## Summary',
    '',
    `**${markdownText(view.verdict)}**`,
    '',
    ...view.banners.flatMap((banner) => [`> **${markdownText(banner)}**`, '']),
    '| Area | Score | Grade |',
    '| --- | ---: | :---: |',
    `| **${markdownText(score.overall.label)}** | **${markdownText(score.overall.points)}** | **${markdownText(score.overall.grade)}** |`,
    ...score.areas.map(
      (area) =>
        `| ${markdownText(area.label)} | ${markdownText(area.points)} | ${markdownText(area.grade)} |`,
    ),
    '',
    ...score.overall.notes.flatMap((note) => [`- ${markdownText(note)}`]),
    ...(score.overall.notes.length > 0 ? [''] : []),
    '| Severity | Findings |',
    '| --- | ---: |',
    ...severityCounts(report.findings).map(
      ({ severity, count }) => `| ${SEVERITY_LABELS[severity]} | ${String(count)} |`,
    ),
    '',
    '## What to do',
    '',
    ...(view.actions.length === 0
      ? [view.tone === 'incomplete' ? 'Nothing to fix among what could be tested.' : 'Nothing to fix.', '']
      : [
          ...view.actions.map(
            (action) =>
              `${String(action.number)}. **[${SEVERITY_LABELS[action.severity]}] ${markdownText(action.title)}**: ${markdownText(action.whoLabel)}${
                action.where === null ? '' : ` · ${markdownText(action.where)}`
              }${action.fixes > 1 ? ` · fixes ${String(action.fixes)} findings` : ''}`,
          ),
          '',
        ]),
    ...(view.recipients.length === 0
      ? []
      : [
          '**Who does what**',
          '',
          ...view.recipients.map(
            (recipient) =>
              `- ${markdownText(recipient.whoLabel)}: ${recipient.actions.map((a) => String(a.number)).join(', ')}`,
          ),
          '',
        ]),
  ];
}

/**
 * Each action in full: the steps once, the record to publish, and the message to send. Shared with the
 * message reports (message-report-page.ts), which give their plan its own heading.
 */
export function actionDetailLines(
  actions: readonly ActionView[],
  heading = 'How to do each action',
): string[] {
  if (actions.length === 0) return [];
  return [
    `## ${heading}`,
    '',
    ...actions.flatMap((action) => [
      `### ${String(action.number)}. ${markdownText(action.title)}`,
      '',
      `${markdownText(action.whoLabel)}${action.where === null ? '' : ` · ${markdownText(action.where)}`}`,
      '',
      ...action.steps.map((step, index) => `${String(index + 1)}. ${markdownText(step)}`),
      '',
      ...(action.record === null
        ? []
        : [codeBlock(`${action.record.name} ${action.record.type} ${action.record.value}`), '']),
      ...(action.who === 'you'
        ? []
        : [
            `**A message for ${markdownText(action.whoLabel.toLowerCase())}**`,
            '',
            codeBlock(action.message.trimEnd()),
            '',
          ]),
    ]),
  ];
}

function notRunLines(view: SummaryView): string[] {
  if (view.notRun.length === 0) return [];
  return [
    '## Checks that did not run',
    '',
    ...view.notRun.flatMap((group) => [
      markdownText(group.why),
      '',
      ...group.checks.map((check) => `- ${markdownText(check)}`),
      '',
    ]),
  ];
}

function findingLines(finding: Finding): string[] {
  const { fix } = finding;
  const lines = [
    `#### [${SEVERITY_LABELS[finding.severity]}] ${markdownText(finding.title)}`,
    '',
    `${codeSpan(finding.id)} · ${codeSpan(finding.checkId)}`,
    '',
    markdownText(finding.explanation),
    '',
  ];
  if (fix.steps.length > 0)
    lines.push(
      '**How to fix it**',
      '',
      ...fix.steps.map((step, index) => `${String(index + 1)}. ${markdownText(step)}`),
      '',
    );
  for (const [preset, steps] of Object.entries(fix.providerSteps ?? {}))
    lines.push(
      `**Steps for ${markdownText(preset)}**`,
      '',
      ...steps.map((step, index) => `${String(index + 1)}. ${markdownText(step)}`),
      '',
    );
  if (fix.record !== undefined)
    lines.push(
      '**Record to publish**',
      '',
      codeBlock(`${fix.record.name} ${fix.record.type} ${fix.record.value}`),
      '',
    );
  if (finding.references.length > 0)
    lines.push(
      '**References**',
      '',
      ...finding.references.map((reference) => {
        const url = safeLinkUrl(reference.url);
        return url === null
          ? `- ${markdownText(reference.label)} (${codeSpan(reference.url)})`
          : `- [${markdownText(reference.label)}](${url})`;
      }),
      '',
    );
  const evidence = evidenceEntries(finding.evidence);
  if (evidence.length > 0)
    lines.push(
      '**Evidence**',
      '',
      '| Key | Value |',
      '| --- | --- |',
      ...evidence.map((entry) => `| ${markdownText(entry.key)} | ${markdownText(entry.value)} |`),
      '',
    );
  return lines;
}

function transcriptLines(transcript: readonly TranscriptLine[]): string[] {
  const head = [
    '## Protocol transcript',
    '',
    'What was said on each connection, in order. Passwords and login data were replaced by \\<redacted\\> before anything was recorded.',
    '',
  ];
  if (transcript.length === 0) return [...head, 'No connection was made.', ''];
  const arrow = { client: 'C:', server: 'S:', event: '--' } as const;
  const text = transcript
    .map(
      (line) =>
        `${String(line.elapsedMs).padStart(6)} ms  ${line.connection}  ${arrow[line.direction]} ${line.text}`,
    )
    .join('\n');
  return [...head, codeBlock(text), ''];
}
