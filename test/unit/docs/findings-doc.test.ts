import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDINGS_CATALOGUE, KNOWLEDGE_TABLES } from '../../../main/core/knowledge/catalogue';
import {
  FINDINGS_DOC_COMMAND,
  FINDINGS_DOC_PATH,
  renderFindingsDoc,
} from '../../../main/core/knowledge/render-findings-doc';

const ROOT = join(import.meta.dirname, '../../..');

describe('docs/findings.md', () => {
  const generated = renderFindingsDoc(KNOWLEDGE_TABLES);

  it('is exactly what the findings catalogue generates', () => {
    const committed = readFileSync(join(ROOT, FINDINGS_DOC_PATH), 'utf8');
    // Compare without a giant diff first, so the message says what to do.
    expect(
      committed === generated,
      `${FINDINGS_DOC_PATH} is out of date with main/core/knowledge: run \`${FINDINGS_DOC_COMMAND}\` and commit the result.`,
    ).toBe(true);
  });

  it('says how it was generated and documents every finding once, under its area', () => {
    expect(generated.split('\n').slice(0, 4).join('\n')).toContain(FINDINGS_DOC_COMMAND);
    for (const id of FINDINGS_CATALOGUE.keys())
      expect(generated.split(`\n### \`${id}\`\n`), id).toHaveLength(2);
    for (const { label } of KNOWLEDGE_TABLES) expect(generated).toContain(`\n## ${label}\n`);
    // A problem shows its severity, its fix and its source.
    const openRelay = generated.slice(generated.indexOf('### `relay.open`'));
    const section = openRelay.slice(0, openRelay.indexOf('\n### ', 1));
    expect(section).toContain('**Severity:** critical · **Score area:** Abuse protection');
    expect(section).toMatch(/\*\*Fix:\*\*\n\n1\. /);
    expect(section).toMatch(/\*\*References:\*\* \[RFC \d+/);
    expect(generated).not.toMatch(/undefined|NaN|\[object Object\]/);
  });
});
