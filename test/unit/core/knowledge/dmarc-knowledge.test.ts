import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../preload/contract/findings';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { DMARC_KNOWLEDGE } from '../../../../main/core/knowledge/dmarc-knowledge';

const finding = findingFactory(DMARC_KNOWLEDGE);
const IDS = Object.keys(DMARC_KNOWLEDGE) as (keyof typeof DMARC_KNOWLEDGE)[];
/** Evidence with every field the dmarc check fills, so worded texts can be read in full. */
const EVIDENCE = {
  domain: 'example.com',
  selector: 'google',
  name: 'google._domainkey.example.com',
  recordName: '_record.example.com',
  reason: 'the server did not answer',
  nextRecord: 'v=DMARC1; p=quarantine',
  suggestedRecord: 'v=STSv1; id=1',
  suggestedPolicy: 'version: STSv1',
  policyUrl: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
  policyHost: 'mta-sts.example.com',
  bits: 1024,
  recordCount: 2,
};

describe('DMARC_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form dmarc.<subject>.<state>', () => {
    for (const id of IDS) expect(id).toMatch(/^dmarc\.[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    for (const id of IDS) {
      for (const evidence of [EVIDENCE, {}]) {
        const made = finding(id, 'dmarc:example.com', evidence);
        const words = [made.title, made.explanation, ...made.fix.steps].join('\n');
        expect(words, id).not.toMatch(/undefined|\[object|NaN/);
        expect(SEVERITIES).toContain(made.severity);
        expect(made.references.length, id).toBeGreaterThan(0);
        if (made.severity !== 'pass' && made.severity !== 'info')
          expect(made.fix.steps.length, id).toBeGreaterThan(0);
        if (made.severity === 'pass') expect(made.fix.steps, id).toEqual([]);
      }
    }
  });
});
