/**
 * The verdict on one checked message: a sentence on top, its tone, the problems to fix (worst first) and
 * what could not be checked. Worded once here; the app, `mailwarden analyse` and every report show it as
 * it is.
 */
import { severityRank, type Finding } from '../../../preload/contract/findings';
import type { AnalysisRecord, MessageVerdict } from '../../../preload/contract/message-check';
import { couldNotCheck } from './could-not-check';

/** What the verdict is read from: a record, or an analysis before it becomes one (the same shape). */
export type MessageVerdictInput = Pick<AnalysisRecord, 'dns' | 'authentication' | 'findings'>;

/** Problems (low or worse), worst first, in the order they were found within a severity. */
export function problemsOf(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((finding) => severityRank(finding.severity) >= severityRank('low'))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

export function messageVerdict(input: MessageVerdictInput): MessageVerdict {
  const problems = problemsOf(input.findings);
  const missing = couldNotCheck(input);
  return { ...toneAndSentence(input, problems, missing), couldNotCheck: missing, problems };
}

/** The worst problem in words, or what passed and whether anything was left out. */
function toneAndSentence(
  input: MessageVerdictInput,
  problems: readonly Finding[],
  missing: readonly string[],
): Pick<MessageVerdict, 'tone' | 'sentence'> {
  const worst = problems[0];
  if (worst !== undefined) {
    if (worst.severity === 'critical' || worst.severity === 'high')
      return { tone: 'stop', sentence: `Do not trust this message’s sender: ${worst.title}` };
    return {
      tone: worst.severity === 'medium' ? 'fix' : 'improve',
      sentence:
        problems.length === 1
          ? `1 problem: ${worst.title}`
          : `${String(problems.length)} problems; the worst: ${worst.title}`,
    };
  }
  if (missing.length > 0)
    return {
      tone: 'incomplete',
      sentence: 'Nothing wrong was found in what could be checked, but not everything could be.',
    };
  const dmarc = input.authentication?.dmarc ?? null;
  if (dmarc?.outcome === 'pass')
    return {
      tone: 'good',
      sentence: `${dmarc.fromDomain} authenticated this message: DMARC passes and nothing is wrong.`,
    };
  return { tone: 'good', sentence: 'Nothing wrong was found in this message’s sender checks.' };
}
