import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, isReportFormat, renderReport } from '../../../../main/core/report/render-report';
import { sampleReport } from '../../../helpers/report-samples';

describe('renderReport', () => {
  const report = sampleReport();

  it('writes the report itself as JSON, readable back unchanged', () => {
    const text = renderReport(report, 'json');
    expect(JSON.parse(text)).toEqual(report);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives each format its own kind of file', () => {
    expect(renderReport(report, 'html')).toMatch(/^<!doctype html>/);
    expect(renderReport(report, 'md')).toMatch(/^# Mail security report: /);
    expect(renderReport(report, 'csv')).toMatch(/^"id","checkId","severity",/);
  });

  it('knows exactly its formats', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'md', 'html', 'csv']);
    expect(isReportFormat('html')).toBe(true);
    expect(isReportFormat('text')).toBe(false);
    expect(isReportFormat('pdf')).toBe(false);
  });
});
