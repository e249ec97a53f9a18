/**
 * Saving a checked message's stored analysis as a report, in every export format, through the save
 * dialog's port: RFC 8463's signed message judged with its keys served by Knot.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../../preload/contract/export';
import type { AnalysisEntry, AnalysisRecord } from '../../../../preload/contract/message-check';
import type { SaveTarget } from '../../../../main/core/export/export-ports';
import { CSV_COLUMNS } from '../../../../main/core/report/render-csv';
import { startChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../../helpers/chromium-pdf-printer';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { parseCsv } from '../../../helpers/parse-csv';
import { makeTempDir } from '../../../helpers/temp-dir';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { zoneTxt } from '../../../helpers/zone-txt';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/messages');
const RFC8463 = readFileSync(join(FIXTURES, 'rfc8463-appendix-a.eml'), 'latin1');
const SUGGESTED = /^mailwarden-message-football\.example\.com-\d{4}-\d{2}-\d{2}\.(html|pdf|md|json|csv)$/;

describe('exporting a checked message', () => {
  let knot: KnotServer;
  let env: TestServices;
  let printer: ChromiumPdfPrinter;
  let outDir: string;
  let entry: AnalysisEntry;
  const answers: string[] = [];
  const asked: { suggestedName: string; format: ExportFormat }[] = [];
  const saveTarget: SaveTarget = {
    chooseFile(request) {
      asked.push({ ...request });
      return Promise.resolve(answers.shift() ?? null);
    },
  };

  beforeAll(async () => {
    const keys = JSON.parse(readFileSync(join(FIXTURES, 'rfc8463-keys.json'), 'utf8')) as Record<
      string,
      string
    >;
    knot = await startKnot({
      'football.example.com': Object.entries(keys)
        .map(([name, value]) => `${name.replace('.football.example.com', '')} IN TXT ${zoneTxt(value)}`)
        .join('\n'),
    });
    printer = await startChromiumPdfPrinter();
    outDir = await makeTempDir();
    env = await createTestServices({ dnsServer: knot.server, saveTarget, pdfPrinter: printer });
    const result = await env.services.messages.check({
      source: { kind: 'paste', text: RFC8463 },
      offline: false,
    });
    if (result.kind !== 'analysed') throw new Error('not analysed');
    entry = result.entry;
  });
  afterAll(async () => {
    await printer.close();
    await knot.stop();
    await env.cleanup();
    await rm(outDir, { recursive: true, force: true });
  });

  async function exported(format: ExportFormat): Promise<Buffer> {
    const path = join(outDir, `analysis.${format}`);
    answers.push(path);
    const outcome = await env.services.exports.exportAnalysis(entry.runId, format);
    expect(outcome).toEqual({ saved: true, path, fileName: `analysis.${format}` });
    expect(asked.at(-1)).toEqual({ format, suggestedName: expect.stringMatching(SUGGESTED) as string });
    return readFile(path);
  }

  it('judges both RFC 8463 signatures valid and aligned, as the RFC states', () => {
    expect(
      entry.analysis.authentication?.dkim.map((signature) => [
        signature.selector,
        signature.outcome,
        signature.aligned,
      ]),
    ).toEqual([
      ['brisbane', 'pass', true],
      ['test', 'pass', true],
    ]);
  });

  it('saves JSON that is the stored record', async () => {
    const record = JSON.parse((await exported('json')).toString('utf8')) as AnalysisRecord;
    expect(record).toEqual(entry.analysis);
  });

  it('saves Markdown and HTML that name the signatures and keep the subject out', async () => {
    const markdown = (await exported('md')).toString('utf8');
    expect(markdown).toContain('- From domain: football.example.com');
    expect(markdown).toMatch(/DKIM: valid \(d=football\.example\.com, s=brisbane, ed25519-sha256/);
    const html = (await exported('html')).toString('utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(html).toContain('<h1>Message analysis: football.example.com</h1>');
    expect(html).toContain('s=test, rsa-sha256');
    for (const text of [markdown, html]) expect(text).not.toContain('Is dinner ready');
  });

  it('saves one CSV row per finding under the audit columns', async () => {
    const rows = parseCsv((await exported('csv')).toString('utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(entry.analysis.findings.map((finding) => finding.id));
    expect(rows.slice(1).every((row) => row[4] === 'football.example.com')).toBe(true);
  });

  it('prints the HTML to a PDF', async () => {
    const pdf = await exported('pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });

  it('asks nothing and writes nothing for an id that is not stored', async () => {
    const before = asked.length;
    await expect(env.services.exports.exportAnalysis('no-such-run', 'md')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(asked).toHaveLength(before);
  });
});
