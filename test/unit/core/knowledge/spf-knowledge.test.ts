import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../preload/contract/findings';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';
import { SPF_KNOWLEDGE } from '../../../../main/core/knowledge/spf-knowledge';

/**
 * Untyped, as the catalogue words a finding from whatever evidence a report holds: these tests give every
 * id one superset of fields, and none at all.
 */
const finding = findingFactory<KnowledgeTable>(SPF_KNOWLEDGE);
const IDS = Object.keys(SPF_KNOWLEDGE);
/** Evidence with every field the SPF check fills, so worded texts can be read in full. */
const EVIDENCE = {
  domain: 'example.com',
  input: 'exa mple',
  reason: 'it contains a space',
  message: 'The DNS server did not answer within 5 s.',
  record: 'v=spf1 mx -all',
  records: ['v=spf1 mx -all', 'v=spf1 a -all'],
  count: 2,
  shown: 'v=spf1 mx?-all',
  length: 5_000,
  limit: 4_096,
  messages: ['"ip4:1.2.3" is not a valid IPv4 address.'],
  terms: ['ptr (example.com)'],
  lookupCount: 11,
  voidLookups: 3,
  voidTerms: ['a:nx.example.com (example.com)'],
  loops: ['b.example.com -> example.com'],
  details: ['mx: example.com has 11 MX records'],
  providers: ['Google Workspace'],
  missing: ['include:_spf.google.com'],
  includes: ['include:_spf.google.com'],
  ip: '192.0.2.1',
  role: 'The server',
  comment: 'mailwarden: permanent error',
  matchedMechanism: '-all',
  matchedIn: 'example.com',
  proposedRecord: 'v=spf1 mx include:_spf.google.com ~all',
  proposedLookupCount: 3,
  proposalNotes: ['Added "include:_spf.google.com".'],
  providerIncludes: { 'google-workspace': '_spf.google.com' },
};

describe('SPF_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form spf.<subject>.<state>', () => {
    for (const id of IDS) expect(id).toMatch(/^spf\.[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it('words every finding for a person, even with missing evidence, and cites RFC 7208', () => {
    for (const id of IDS) {
      for (const evidence of [EVIDENCE, {}]) {
        const made = finding(id, 'spf:example.com', evidence);
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

  it('puts the proposed record in fix.record, with provider steps, where the record must change', () => {
    for (const id of ['spf.record.missing', 'spf.all.plus-all', 'spf.provider.include-missing'] as const) {
      const made = finding(id, 'spf:example.com', EVIDENCE);
      expect(made.fix.record).toEqual({ type: 'TXT', name: 'example.com', value: EVIDENCE.proposedRecord });
      expect(made.fix.steps.join(' ')).toContain('3 of the 10 DNS lookups');
      expect(made.fix.providerSteps?.['google-workspace']?.[0]).toContain('include:_spf.google.com');
    }
    expect(finding('spf.all.plus-all', 'spf:example.com', {}).fix.record).toBeUndefined();
  });

  it('rates +all critical, ~all informational (with DMARC) and -all a pass', () => {
    expect(SPF_KNOWLEDGE['spf.all.plus-all'].severity).toBe('critical');
    expect(SPF_KNOWLEDGE['spf.all.softfail'].severity).toBe('info');
    expect(SPF_KNOWLEDGE['spf.all.fail'].severity).toBe('pass');
  });
});
