import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../../../main/core/report/render-report';
import { renderClientReport } from '../../../../main/core/report/render-client-report';
import { sampleClientReport } from '../../../helpers/client-report-samples';

describe('renderClientReport', () => {
  it('renders every text format the way its reader expects it to begin', () => {
    const report = sampleClientReport('Bakery');
    const starts: Record<(typeof REPORT_FORMATS)[number], RegExp> = {
      json: /^\{\n {2}"schemaVersion": 1,\n {2}"kind": "mailwarden-client-report"/,
      md: /^# Client mail security report: Bakery\n/,
      html: /^<!doctype html>\n<html lang="en">/,
      csv: /^"account","grade","id","checkId",/,
    };
    for (const format of REPORT_FORMATS) expect(renderClientReport(report, format)).toMatch(starts[format]);
  });
});
