/**
 * The wording rules every knowledge table must meet, checked with the evidence its check really fills
 * (where no slot may come out empty) and with none at all (a report re-judged by an older Mailwarden may
 * lack fields).
 */
import { expect } from 'vitest';
import { SEVERITIES, type Evidence } from '../../preload/contract/findings';
import { findingFactory } from '../../main/core/findings/finding-factory';
import type { KnowledgeTable } from '../../main/core/knowledge/knowledge-entry';
import { describeEmptySlot, emptySlotsOf } from './wording-guard/finding-wording';

export function expectStableIds(table: KnowledgeTable, area: string): void {
  for (const id of Object.keys(table)) expect(id).toMatch(new RegExp(`^${area}\\.[a-z0-9-]+\\.[a-z0-9-]+$`));
}

export function expectWellWorded(table: KnowledgeTable, checkId: string, evidence: Evidence): void {
  const finding = findingFactory(table);
  const emptySlots: string[] = [];
  for (const id of Object.keys(table)) {
    for (const given of [evidence, {}]) {
      const made = finding(id, checkId, given);
      const words = [made.title, made.explanation, ...made.fix.steps].join('\n');
      expect(words, id).not.toMatch(/undefined|\[object|NaN/);
      // With the evidence its check fills, no slot may come out empty ("The record says = while p=.").
      if (given === evidence) emptySlots.push(...emptySlotsOf(made).map(describeEmptySlot));
      expect(SEVERITIES).toContain(made.severity);
      expect(made.references.length, id).toBeGreaterThan(0);
      if (made.severity !== 'pass' && made.severity !== 'info')
        expect(made.fix.steps.length, id).toBeGreaterThan(0);
      if (made.severity === 'pass') expect(made.fix.steps, id).toEqual([]);
    }
  }
  expect(emptySlots).toEqual([]);
}
