import { describe, expect, it } from 'vitest';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';
import { SPOOFING_KNOWLEDGE } from '../../../../main/core/knowledge/spoofing-knowledge';

const finding = findingFactory(SPOOFING_KNOWLEDGE);
/** Untyped, as the catalogue words a finding from whatever evidence a report holds. */
const anyEvidenceFinding = findingFactory<KnowledgeTable>(SPOOFING_KNOWLEDGE);
const IDS = Object.keys(SPOOFING_KNOWLEDGE);
const TRIAL = {
  host: 'smtp.example.com',
  port: 587,
  account: 'a@example.com',
  from: 'b@example.com',
  mailReply: { code: 250, enhancedCode: '2.1.0', text: 'Ok' },
  rcptReply: { code: 250, enhancedCode: '2.1.5', text: 'Ok' },
};

describe('SPOOFING_KNOWLEDGE', () => {
  it('uses stable ids and words every finding, even with missing evidence', () => {
    const evidence = {
      host: 'smtp.example.com',
      port: 587,
      account: 'a@example.com',
      from: 'b@example.com',
      reason: 'x',
    };
    for (const id of IDS) {
      expect(id).toMatch(/^spoofing\.[a-z0-9-]+\.[a-z0-9-]+$|^spoofing\.[a-z0-9-]+$/);
      for (const each of [evidence, {}]) {
        const made = anyEvidenceFinding(id, 'spoofing:smtp.example.com:587', each);
        expect([made.title, made.explanation, ...made.fix.steps].join('\n'), id).not.toMatch(
          /undefined|\[object|NaN/,
        );
        expect(made.references.length).toBeGreaterThan(0);
        if (made.severity === 'pass') expect(made.fix.steps).toEqual([]);
        else expect(made.fix.steps.length).toBeGreaterThan(0);
      }
    }
  });

  it('rates a foreign-domain sender worse than a same-domain one', () => {
    expect(finding('spoofing.foreign-domain.accepted', 'c', TRIAL).severity).toBe('high');
    expect(finding('spoofing.same-domain.accepted', 'c', TRIAL).severity).toBe('medium');
  });
});
