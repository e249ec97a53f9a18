/**
 * Builds findings from a knowledge table, so a check names an id and its evidence and nothing else.
 *
 * The factory is typed by its table: a check cannot emit an id that has no wording. A table made with
 * defineKnowledge also types each id's evidence: the check must set every field the words read.
 */
import type { Evidence, Finding, Fix } from '../../../preload/contract/findings';
import type {
  EvidenceMap,
  KnowledgeEntry,
  KnowledgeTable,
  TypedKnowledgeTable,
} from '../knowledge/knowledge-entry';

export type FindingFactory<T extends KnowledgeTable> = (
  id: keyof T & string,
  checkId: string,
  evidence?: Evidence,
) => Finding;

/** Evidence may be left out only for an id whose evidence type has no required field. */
type EvidenceArgument<E> = object extends E ? [evidence?: E] : [evidence: E];

export type TypedFindingFactory<M extends EvidenceMap> = <Id extends keyof M & string>(
  id: Id,
  checkId: string,
  ...evidence: EvidenceArgument<M[Id]>
) => Finding;

export function findingFactory<M extends EvidenceMap>(table: TypedKnowledgeTable<M>): TypedFindingFactory<M>;
export function findingFactory<T extends KnowledgeTable>(table: T): FindingFactory<T>;
export function findingFactory(
  table: KnowledgeTable,
): (id: string, checkId: string, evidence?: Evidence) => Finding {
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
