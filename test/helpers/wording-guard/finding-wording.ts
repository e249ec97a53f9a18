/**
 * The empty slots in one finding's words: its title, explanation, fix steps and the record it asks for.
 */
import type { Finding } from '../../../preload/contract/findings';
import { emptySlotsIn } from './empty-slots';

export interface EmptySlot {
  readonly findingId: string;
  /** Which part of the finding: "title", "explanation", "fix step 2", "record name"... */
  readonly part: string;
  readonly text: string;
  readonly marks: readonly string[];
}

export function emptySlotsOf(finding: Finding): EmptySlot[] {
  const parts: [string, string][] = [
    ['title', finding.title],
    ['explanation', finding.explanation],
    ...finding.fix.steps.map((step, index): [string, string] => [`fix step ${index + 1}`, step]),
  ];
  const record = finding.fix.record;
  // A record's value is DNS text ("v=DMARC1; p=reject;"), not prose: only its name can lack a domain.
  if (record !== undefined) parts.push(['record name', record.name]);
  return parts.flatMap(([part, text]) => {
    const marks = emptySlotsIn(text);
    return marks.length === 0 ? [] : [{ findingId: finding.id, part, text, marks }];
  });
}

export function describeEmptySlot(slot: EmptySlot): string {
  return `${slot.findingId}, ${slot.part}: ${JSON.stringify(slot.text)} shows ${slot.marks.join('; ')}`;
}
