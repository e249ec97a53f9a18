/**
 * The client report as Markdown: a summary table of every account, then each account's full Markdown
 * report with its headings one level down, so the file has one title and an outline per account.
 */
import type { ClientReport } from './client-report';
import { markdownText } from '../../../preload/contract/untrusted-text';
import { renderMarkdown } from './render-markdown';
import { SEVERITIES_WORST_FIRST, SEVERITY_LABELS, readableTime } from './report-view';

const NO_VALUE = '–';
/** A fence line: three or more backticks (CommonMark section 4.5). */
const FENCE = /^(`{3,})/;
/** A closing fence: backticks only, at least as many as the opening one. */
const CLOSING_FENCE = /^(`{3,})\s*$/;

export function renderClientMarkdown(report: ClientReport): string {
  const lines: string[] = [
    `# Client mail security report: ${markdownText(report.client)}`,
    '',
    `- **Accounts:** ${String(report.accounts.length)}`,
    `- **Made:** ${readableTime(report.generatedAt)}`,
    '',
    '## Summary',
    '',
  ];
  if (report.accounts.length === 0) lines.push('No account was tested.', '');
  else
    lines.push(
      `| Account | Tested | Grade | Score | Worst | ${SEVERITIES_WORST_FIRST.map((s) => SEVERITY_LABELS[s]).join(' | ')} | Complete |`,
      `| --- | --- | --- | ---: | --- | ${SEVERITIES_WORST_FIRST.map(() => '---:').join(' | ')} | --- |`,
      ...report.accounts.map(({ summary }) =>
        [
          '',
          markdownText(summary.label),
          markdownText(summary.target),
          summary.grade ?? NO_VALUE,
          summary.score === null ? NO_VALUE : String(summary.score),
          summary.worst === null ? NO_VALUE : SEVERITY_LABELS[summary.worst],
          ...SEVERITIES_WORST_FIRST.map((severity) => String(summary.counts[severity])),
          summary.cancelled ? 'No: cancelled' : 'Yes',
          '',
        ]
          .join(' | ')
          .trim(),
      ),
      '',
    );
  const sections = report.accounts.map(({ report: account }) => demoteHeadings(renderMarkdown(account)));
  return `${[...lines, ...sections.flatMap((section) => ['---', '', section])].join('\n').trimEnd()}\n`;
}

/**
 * Every ATX heading one level down, outside fenced code blocks (a transcript line may start with "#").
 * Text inside headings cannot start a new one: markdownText escapes a leading "#".
 */
export function demoteHeadings(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      if (fence === null) {
        const opening = FENCE.exec(line)?.[1];
        if (opening !== undefined) fence = opening;
        else if (/^#{1,5} /.test(line)) return `#${line}`;
      } else {
        const closing = CLOSING_FENCE.exec(line)?.[1];
        if (closing !== undefined && closing.length >= fence.length) fence = null;
      }
      return line;
    })
    .join('\n');
}
