/**
 * The one page frame of the message reports: a checked message (`analyse`, "Check a message") and a test
 * message (`prove`, "Send a test message"). Both read the same way: the sections main described (verdict
 * first), the fix plan when there is one, then every finding worst first, in Markdown or HTML.
 *
 * Every text on the page may quote a server or a message, so each passes the output's own policy:
 * `markdownText` for Markdown, the `markup` template for HTML.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { PlanAction } from '../../../preload/contract/plan';
import { markdownText } from '../../../preload/contract/untrusted-text';
import { findingCounts, findingsWorstFirst, type AnalysisSection } from '../message/describe-analysis';
import { markup } from './html-template';
import { actionsSection, findingArticle } from './render-html';
import { actionDetailLines } from './render-markdown';
import { reportDocument } from './report-document';
import { actionViews } from './report-summary';

/** The plan's heading: its actions come before the findings they group. */
const PLAN_HEADING = 'What to do';

export interface MessageReportPage {
  /** e.g. "Message analysis", "Test message: proof from real mail". */
  readonly title: string;
  /** The title as the printed pages' header says it, e.g. "message analysis", "test message". */
  readonly shortTitle: string;
  /** What the page is about in its HTML title and print header: the From domain, the account's address. */
  readonly about: string;
  readonly toolVersion: string;
  /** When it was judged (ISO 8601). */
  readonly at: string;
  readonly sections: readonly AnalysisSection[];
  /** The findings as plan actions; empty when there is nothing to do or the report has no plan. */
  readonly plan: readonly PlanAction[];
  readonly findings: readonly Finding[];
  /** The footer's word on quoted text: whose texts are quoted as given. */
  readonly quoted: string;
}

export function messageReportMarkdown(page: MessageReportPage): string {
  const out = [`# ${page.title}`, '', `Mailwarden ${markdownText(page.toolVersion)}, ${page.at}`, ''];
  for (const section of page.sections) {
    out.push(`## ${markdownText(section.heading)}`, '');
    for (const line of section.lines) out.push(`- ${markdownText(line)}`);
    out.push('');
  }
  out.push(...actionDetailLines(actionViews(page.plan), PLAN_HEADING));
  out.push('## Findings', '', markdownText(findingCounts(page.findings)), '');
  for (const finding of findingsWorstFirst(page.findings)) {
    out.push(`### ${markdownText(finding.severity.toUpperCase())}: ${markdownText(finding.title)}`, '');
    out.push(markdownText(finding.explanation), '');
    finding.fix.steps.forEach((step, index) => out.push(`${String(index + 1)}. ${markdownText(step)}`));
    if (finding.fix.steps.length > 0) out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function messageReportHtml(page: MessageReportPage): string {
  return reportDocument({
    title: `${page.title}: ${page.about}`,
    printHeader: `Mailwarden ${page.shortTitle}: ${page.about}`,
    madeAt: page.at,
    content: markup`<main>
<h1>${page.title}: ${page.about}</h1>
${page.sections.map(
  (section) => markup`<section>
<h2>${section.heading}</h2>
<ul>${section.lines.map((line) => markup`<li>${line}</li>`)}</ul>
</section>`,
)}
${actionsSection(actionViews(page.plan), PLAN_HEADING)}
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
<p>${findingCounts(page.findings)}</p>
${findingsWorstFirst(page.findings).map(findingArticle)}
</section>
</main>`,
    footer: `Made by Mailwarden ${page.toolVersion} on your own computer. ${page.quoted}, hidden characters shown as ⟨U+XXXX⟩.`,
  });
}
