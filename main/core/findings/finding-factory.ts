/**
 * Builds findings from a knowledge table, so a check names an id and its evidence and nothing else.
 *
 * The factory is typed by its table: a check cannot emit an id that has no wording.
 */
import type { Evidence, Finding, Fix } from '../../../preload/contract/findings';
import type { KnowledgeEntry, KnowledgeTable } from '../knowledge/knowledge-entry';

export type FindingFactory<T extends KnowledgeTable> = (
  id: keyof T & string,
  checkId: string,
  evidence?: Evidence,
) => Finding;

export function findingFactory<T extends KnowledgeTable>(table: T): FindingFactory<T> {
  return (id, checkId, evidence = {}) => {
    const entry: KnowledgeEntry | undefined = table[id];
    if (entry === undefined) throw new Error(`No knowledge entry for finding ${id}`);
    const word = <V>(value: V | ((evidence: Evidence) => V)): V =>
      typeof value === 'function' ? (value as (evidence: Evidence) => V)(evidence) : value;
    return {
      id,
      checkId,
      severity: entry.severity,
      title: word(entry.title),
      evidence,
      explanation: word(entry.explanation),
      fix: word<Fix>(entry.fix),
      references: entry.references,
    };
  };
}
