/**
 * The wording of one finding: severity, title, explanation, fix and references.
 *
 * Texts may be functions of the evidence so they can name the host, the record or the days left.
 * Explanations are written for a small-business owner: what we saw, why it matters, in plain words.
 */
import type { Evidence, Fix, Reference, Severity } from '../../../preload/contract/findings';

type Worded<T> = T | ((evidence: Evidence) => T);

export interface KnowledgeEntry {
  readonly severity: Severity;
  readonly title: Worded<string>;
  readonly explanation: Worded<string>;
  readonly fix: Worded<Fix>;
  readonly references: readonly Reference[];
}

export type KnowledgeTable = { readonly [findingId: string]: KnowledgeEntry };

/** RFC reference with its canonical URL. */
export function rfc(number: number, section?: string): Reference {
  const label = section === undefined ? `RFC ${number}` : `RFC ${number} section ${section}`;
  const anchor = section === undefined ? '' : `#section-${section}`;
  return { label, url: `https://www.rfc-editor.org/rfc/rfc${number}${anchor}` };
}

export const NO_FIX: Fix = { steps: [] };
