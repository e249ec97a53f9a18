import { describe, expect, it } from 'vitest';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';
import { RELAY_KNOWLEDGE } from '../../../../main/core/knowledge/relay-knowledge';

const finding = findingFactory(RELAY_KNOWLEDGE);
/** Untyped, as the catalogue words a finding from whatever evidence a report holds. */
const anyEvidenceFinding = findingFactory<KnowledgeTable>(RELAY_KNOWLEDGE);
const IDS = Object.keys(RELAY_KNOWLEDGE);
const REPLY = { code: 250, enhancedCode: '2.1.5', text: 'Ok' };

describe('RELAY_KNOWLEDGE', () => {
  it('words every finding, even with missing evidence, with a fix unless it passes', () => {
    const evidence = {
      host: 'mx.example.com',
      port: 25,
      from: 'a@x.invalid',
      to: 'b@y.invalid',
      rcptReply: REPLY,
      reason: 'Connection refused.',
    };
    for (const id of IDS) {
      expect(id).toMatch(/^relay\.[a-z0-9-]+$|^relay\.[a-z0-9-]+\.[a-z0-9-]+$/);
      for (const each of [evidence, {}]) {
        const made = anyEvidenceFinding(id, 'relay:mx.example.com:25', each);
        expect([made.title, made.explanation, ...made.fix.steps].join('\n'), id).not.toMatch(
          /undefined|\[object|NaN/,
        );
        expect(made.references.length).toBeGreaterThan(0);
        if (made.severity === 'pass') expect(made.fix.steps).toEqual([]);
        else expect(made.fix.steps.length).toBeGreaterThan(0);
      }
    }
  });

  it('calls an open relay critical and says no message was sent', () => {
    const made = finding('relay.open', 'relay:mx.example.com:25', {
      host: 'mx.example.com',
      address: '192.0.2.25',
      port: 25,
      from: 'a@x.invalid',
      to: 'b@y.invalid',
      tls: true,
      mailReply: REPLY,
      rcptReply: REPLY,
    });
    expect(made.severity).toBe('critical');
    expect(made.explanation).toContain('no message was sent');
  });
});
