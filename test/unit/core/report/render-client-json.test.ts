import { describe, expect, it } from 'vitest';
import { renderClientJson } from '../../../../main/core/report/render-client-json';
import { parseAuditReport } from '../../../../main/core/report/report-schema';
import { GENERATED_AT, HOSTILE_CLIENT, sampleClientReport } from '../../../helpers/client-report-samples';

describe('renderClientJson', () => {
  const report = sampleClientReport();
  const parsed = JSON.parse(renderClientJson(report)) as {
    schemaVersion: number;
    kind: string;
    client: string;
    generatedAt: string;
    accounts: { runId: string; label: string; grade: string | null; cancelled: boolean; report: unknown }[];
  };

  it('is a versioned envelope naming the client, as given', () => {
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.kind).toBe('mailwarden-client-report');
    expect(parsed.client).toBe(HOSTILE_CLIENT);
    expect(parsed.generatedAt).toBe(GENERATED_AT);
  });

  it('holds each account’s summary and its report, which validates as a single-run report', () => {
    expect(parsed.accounts.map((account) => [account.runId, account.grade, account.cancelled])).toEqual([
      ['run-one', 'F', false],
      ['run-two', null, true],
    ]);
    parsed.accounts.forEach((account, index) => {
      // The schema in docs/report-schema.json is generated from this one (report-schema.test.ts proves it).
      expect(parseAuditReport(account.report)).toEqual(report.accounts[index]?.report);
      expect(account).toMatchObject(JSON.parse(JSON.stringify(report.accounts[index]?.summary)) as object);
    });
  });
});
