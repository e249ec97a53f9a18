import { describe, expect, it } from 'vitest';
import { cliWording } from '../../../main/cli/cli-wording';
import { findingFactory } from '../../../main/core/findings/finding-factory';
import { FINDINGS_CATALOGUE } from '../../../main/core/knowledge/catalogue';

const fromCatalogue = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));

describe('cliWording', () => {
  it('names the flag a terminal user can type where the app names its own control', () => {
    const untrusted = fromCatalogue('auth.tls.untrusted', 'auth:h:587', { fingerprintSha256: 'AB:CD' });
    const steps = untrusted.fix.steps.map(cliWording).join('\n');
    expect(steps).toContain('with --ca FILE');
    expect(steps).toContain('--allow-fingerprint FINGERPRINT');
    expect(steps).not.toContain('Settings');
  });

  it('leaves no CLI flag in the words the app shows, for any catalogue entry', () => {
    for (const id of FINDINGS_CATALOGUE.keys()) {
      const made = fromCatalogue(id, 'check:x', {});
      expect([made.title, made.explanation, ...made.fix.steps].join('\n'), id).not.toMatch(/(^|\s)--[a-z]/);
    }
  });
});
