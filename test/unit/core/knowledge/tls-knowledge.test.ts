import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../preload/contract/findings';
import { TLS_KNOWLEDGE } from '../../../../main/core/knowledge/tls-knowledge';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';

/** Untyped, as the catalogue words a finding from whatever evidence a report holds: here, partial evidence. */
const finding = findingFactory<KnowledgeTable>(TLS_KNOWLEDGE);
const IDS = Object.keys(TLS_KNOWLEDGE);
const EVIDENCE = {
  host: 'mail.example.com',
  port: 587,
  validTo: '2027-11-27T23:00:36.000Z',
  validFrom: '2026-11-26T23:00:36.000Z',
  daysLeft: 12,
  reason: 'The certificate is self-signed.',
};

describe('TLS_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids under tls.', () => {
    for (const id of IDS) expect(id).toMatch(/^tls\.[a-z0-9_-]+\.[a-z0-9_-]+$/);
  });

  it('words every finding for a person, naming the server, even with missing evidence', () => {
    for (const id of IDS) {
      for (const evidence of [EVIDENCE, {}]) {
        const made = finding(id, 'tls:mail.example.com:587', evidence);
        const words = [made.title, made.explanation, ...made.fix.steps].join('\n');
        expect(words, id).not.toMatch(/undefined|null|\[object|NaN/);
        expect(SEVERITIES).toContain(made.severity);
        // Problems come with numbered steps to fix them; passing checks need none.
        if (made.severity !== 'pass' && made.severity !== 'info')
          expect(made.fix.steps.length, id).toBeGreaterThan(0);
      }
    }
    const expired = finding('tls.expiry.soon', 'tls:mail.example.com:587', EVIDENCE);
    expect(expired.title).toBe('The certificate expires in 12 days');
    expect(expired.explanation).toContain('mail.example.com port 587');
    expect(expired.explanation).toContain('2027-11-27.');
  });

  it('cites RFC 8996 for the retired protocol versions', () => {
    expect(TLS_KNOWLEDGE['tls.protocol.tls1_0-accepted'].references[0]?.url).toBe(
      'https://www.rfc-editor.org/rfc/rfc8996#section-4',
    );
    expect(TLS_KNOWLEDGE['tls.protocol.tls1_1-accepted'].references[0]?.label).toBe('RFC 8996 section 5');
  });
});
