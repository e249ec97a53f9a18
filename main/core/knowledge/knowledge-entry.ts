/**
 * The wording of one finding: severity, title, explanation, fix and references.
 *
 * Texts may be functions of the evidence so they can name the host, the record or the days left.
 * Explanations are written for a small-business owner: what we saw, why it matters, in plain words.
 *
 * A table made with `defineKnowledge<Evidence map>()` types each finding's evidence by its id: its wording
 * can read only the fields its check sets, and its factory (findingFactory) makes the check set them.
 */
import type { Evidence, Fix, Reference, Severity } from '../../../preload/contract/findings';

/**
 * A text, or a function of the finding's evidence. Written as a method so an entry typed for one id's
 * evidence still fits the catalogue, which words any finding from the evidence its report holds.
 */
type Worded<T, E> = T | { word(evidence: E): T }['word'];

export interface KnowledgeEntry<E extends Evidence = Evidence> {
  readonly severity: Severity;
  readonly title: Worded<string, E>;
  readonly explanation: Worded<string, E>;
  readonly fix: Worded<Fix, E>;
  readonly references: readonly Reference[];
}

export type KnowledgeTable = { readonly [findingId: string]: KnowledgeEntry };

/** The evidence each finding id carries, as `type` aliases of JSON data (interfaces lack the index). */
export type EvidenceMap = { readonly [findingId: string]: Evidence };

/** Evidence with nothing in it, for a finding whose words need none. */
export type NoEvidence = { readonly [key: string]: never };

/** Never present at run time: it only carries a typed table's evidence map to findingFactory. */
declare const EVIDENCE_TYPES: unique symbol;

export type TypedKnowledgeTable<M extends EvidenceMap> = {
  readonly [Id in keyof M & string]: KnowledgeEntry<M[Id]>;
} & { readonly [EVIDENCE_TYPES]: M };

/**
 * A knowledge table whose entries are typed by `M`: `defineKnowledge<DmarcEvidence>()({ ... })`.
 *
 * Every id in `M` needs an entry and no other id may have one; each entry's wording receives `M[id]`.
 */
export function defineKnowledge<M extends EvidenceMap>(): (table: {
  readonly [Id in keyof M & string]: KnowledgeEntry<M[Id]>;
}) => TypedKnowledgeTable<M> {
  return (table) => table as TypedKnowledgeTable<M>;
}

/** RFC reference with its canonical URL. */
export function rfc(number: number, section?: string): Reference {
  const label = section === undefined ? `RFC ${number}` : `RFC ${number} section ${section}`;
  const anchor = section === undefined ? '' : `#section-${section}`;
  return { label, url: `https://www.rfc-editor.org/rfc/rfc${number}${anchor}` };
}

export const NO_FIX: Fix = { steps: [] };
