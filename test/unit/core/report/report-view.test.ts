import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_VALUE_MAX_CHARS,
  durationText,
  evidenceEntries,
  groupBySeverity,
  readableTime,
  safeLinkUrl,
  targetText,
} from '../../../../main/core/report/report-view';
import { sampleReport } from '../../../helpers/report-samples';

describe('report-view', () => {
  it('groups findings worst first and leaves empty severities out', () => {
    const groups = groupBySeverity(sampleReport().findings);
    expect(groups.map((group) => group.label)).toEqual([
      'Critical',
      'High',
      'Medium',
      'Low',
      'Information',
      'Passed',
    ]);
    expect(groupBySeverity(sampleReport().findings.slice(0, 1)).map((group) => group.severity)).toEqual([
      'critical',
    ]);
  });

  it('turns evidence into one line per key and cuts very long values, pointing to the JSON report', () => {
    const entries = evidenceEntries({
      list: ['a', 'b'],
      empty: [],
      nested: { a: [1, { b: 2 }] },
      long: 'x'.repeat(1_000),
    });
    expect(entries.slice(0, 3)).toEqual([
      { key: 'list', value: 'a, b' },
      { key: 'empty', value: '(none)' },
      { key: 'nested', value: '{"a":[1,{"b":2}]}' },
    ]);
    expect(entries[3]?.value).toBe(
      `${'x'.repeat(EVIDENCE_VALUE_MAX_CHARS)}… (600 more characters in the JSON report)`,
    );
  });

  it('links only plain http(s) URLs', () => {
    expect(safeLinkUrl('https://www.rfc-editor.org/rfc/rfc7489#section-6.3')).toBe(
      'https://www.rfc-editor.org/rfc/rfc7489#section-6.3',
    );
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'https://x.example/a b',
      'https://x.example/(x)',
      'https://x.example/"><b>',
    ])
      expect(safeLinkUrl(url)).toBeNull();
  });

  it('reads times and durations, and says what was tested in one line', () => {
    expect(readableTime('2026-11-27T10:00:01.400Z')).toBe('2026-11-27 10:00:01 UTC');
    expect(readableTime('not a time\u001b')).toBe('not a time⟨U+001B⟩');
    expect(durationText(sampleReport())).toBe('1.4 s');
    expect(durationText(sampleReport({ finishedAt: '2026-11-27T10:00:00.250Z' }))).toBe('250 ms');
    expect(targetText(sampleReport())).toBe(
      'ann@example.com, smtp.example.com:587 (starttls), domain example.com',
    );
    expect(
      targetText(
        sampleReport({
          target: {
            kind: 'domain',
            label: 'example.com',
            domain: 'example.com',
            host: null,
            port: null,
            security: null,
          },
        }),
      ),
    ).toBe('example.com, domain example.com');
  });
});
