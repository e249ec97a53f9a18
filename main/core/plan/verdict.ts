/** The one sentence on top of the results: can this account be used as it is, and what comes first. */
import type { PlanAction, Verdict } from '../../../preload/contract/plan';
import type { AuditScore } from '../../../preload/contract/score';

const plural = (n: number, one: string, many: string): string => `${String(n)} ${n === 1 ? one : many}`;
const sentenceLower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const listed = (labels: readonly string[]): string => {
  const [first = '', ...rest] = labels;
  const lower = rest.map((label) => label.toLowerCase());
  return lower.length === 0
    ? first
    : `${[first, ...lower.slice(0, -1)].join(', ')} and ${lower.at(-1) ?? ''}`;
};
const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function verdictOf(score: AuditScore, actions: readonly PlanAction[]): Verdict {
  if (score.overall === null) {
    const missing = score.areas.filter((area) => area.status === 'not-tested').map((area) => area.label);
    return {
      tone: 'incomplete',
      sentence:
        missing.length > 0
          ? `Incomplete: ${listed(missing)} could not be tested, so there is no overall grade.`
          : `Incomplete: ${sentenceLower(score.incomplete[0] ?? 'not everything could be tested.')}`,
    };
  }
  const serious = actions.filter((a) => a.severity === 'high' || a.severity === 'critical').length;
  const improvements = actions.length - serious;
  const stop = score.overall.caps.find((cap) => cap.grade === 'F' || cap.rule === 'critical');
  if (stop !== undefined) return { tone: 'stop', sentence: `Stop: ${stop.reason}.` };
  const partly = score.overall.partial ? ' (not everything could be tested)' : '';
  if (serious > 0) {
    const more = improvements === 0 ? '' : `, then ${plural(improvements, 'improvement', 'improvements')}`;
    return {
      tone: 'fix',
      sentence: `Fix before relying on it: ${plural(serious, 'serious problem', 'serious problems')}${more}${partly}.`,
    };
  }
  if (improvements > 0)
    return {
      tone: 'improve',
      sentence: `Safe to use; ${plural(improvements, 'improvement', 'improvements')} recommended${partly}.`,
    };
  return { tone: 'good', sentence: sentenceCase(`safe to use; nothing to fix${partly}.`) };
}
