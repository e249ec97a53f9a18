import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_REPORT_SCHEMA,
  REPORT_SCHEMA_DOC_PATH,
  parseAuditReport,
  reportJsonSchema,
} from '../../../../main/core/report/report-schema';
import { sampleReport } from '../../../helpers/report-samples';

describe('the JSON report schema', () => {
  it('accepts a full report and gives it back unchanged', () => {
    const report = sampleReport();
    expect(parseAuditReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it.each([
    ['an unknown severity', { findings: [{ ...sampleReport().findings[0], severity: 'urgent' }] }],
    ['another schema version', { schemaVersion: 1 }],
    ['a field this version does not write', { extra: true }],
    ['a time that is not ISO 8601', { startedAt: 'yesterday' }],
    ['a port out of range', { target: { ...sampleReport().target, port: 70_000 } }],
  ])('rejects %s', (_name, change) => {
    expect(AUDIT_REPORT_SCHEMA.safeParse({ ...sampleReport(), ...change }).success).toBe(false);
  });

  it('is committed in docs/ exactly as the code generates it (node --import tsx scripts/generate-report-schema.mjs)', async () => {
    const committed: unknown = JSON.parse(await readFile(REPORT_SCHEMA_DOC_PATH, 'utf8'));
    expect(committed).toEqual(reportJsonSchema());
  });

  it('is JSON Schema draft 2020-12 with a versioned id and closed objects', () => {
    const schema = reportJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:mailwarden:audit-report:2');
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual([
      'schemaVersion',
      'tool',
      'target',
      'startedAt',
      'finishedAt',
      'cancelled',
      'findings',
      'transcript',
      'coverage',
      'score',
      'plan',
    ]);
  });
});
