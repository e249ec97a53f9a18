/** A message analysis as Markdown (`mailwarden analyse --format md`), on the message report page. */
import type { MessageVerdict } from '../../../preload/contract/message-check';
import { messageReportMarkdown } from '../report/message-report-page';
import { describeAnalysis, describeVerdict, type AnalysisSection } from './describe-analysis';
import type { MessageAnalysis } from './message-analysis';

/** What every analysis report's page says of itself, fresh (here) or from the history. */
export const ANALYSIS_PAGE = {
  title: 'Message analysis',
  shortTitle: 'message analysis',
  quoted: 'Header texts are quoted as the message gave them',
} as const;

/**
 * The verdict main worded first, then `sections`: the analysis' own by default, or what a stored record
 * keeps (render-analysis-report.ts). A checked message has no plan: its findings are the advice.
 */
export function renderAnalysisMarkdown(
  analysis: MessageAnalysis,
  verdict: MessageVerdict,
  sections: readonly AnalysisSection[] = describeAnalysis(analysis),
): string {
  return messageReportMarkdown({
    ...ANALYSIS_PAGE,
    about: analysis.authentication?.fromDomain ?? 'a message',
    toolVersion: analysis.toolVersion,
    at: analysis.analysedAt,
    sections: [...describeVerdict(verdict), ...sections],
    plan: [],
    findings: analysis.findings,
  });
}
