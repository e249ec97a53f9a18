import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../preload/contract/export';
import { PRIVATE_FILE_MODE } from '../../../../main/adapters/atomic-file';
import { renderReport } from '../../../../main/core/report/render-report';
import { renderHtml } from '../../../../main/core/report/render-html';
import { parseAuditReport } from '../../../../main/core/report/report-schema';
import type { SaveTarget } from '../../../../main/core/export/export-ports';
import { startChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../../helpers/chromium-pdf-printer';
import { startKnot } from '../../../helpers/knot-server';
import { A4_POINTS, allPagesAre, LETTER_POINTS } from '../../../helpers/pdf-page-sizes';
import { makeTempDir } from '../../../helpers/temp-dir';
import { createTestServices, type TestServices } from '../../../helpers/test-services';

const DOMAIN = 'shop.test';
const ZONE = [
  '@ IN MX 10 mx.shop.test.',
  'mx IN A 192.0.2.10',
  '@ IN TXT "v=spf1 mx ~all"',
  '_dmarc IN TXT "v=DMARC1; p=none"',
];
/** A real one-page report printed is tens of kilobytes; an empty page is about one. */
const MIN_PDF_BYTES = 5_000;
const SUGGESTED_NAME = /^mailwarden-shop\.test-\d{4}-\d{2}-\d{2}\.(html|pdf|md|json|csv)$/;

/** Stands in for the save dialog: answers with the queued choices (a path, or null for Cancel). */
function scriptedSaveTarget(): SaveTarget & {
  answers: (string | null)[];
  asked: { suggestedName: string; format: ExportFormat }[];
} {
  const answers: (string | null)[] = [];
  const asked: { suggestedName: string; format: ExportFormat }[] = [];
  return {
    answers,
    asked,
    chooseFile(request) {
      asked.push({ ...request });
      return Promise.resolve(answers.shift() ?? null);
    },
  };
}

describe('exporting a stored run', () => {
  let env: TestServices;
  let printer: ChromiumPdfPrinter;
  let saveTarget: ReturnType<typeof scriptedSaveTarget>;
  let outDir: string;
  let runId: string;
  let report: AuditReport;

  beforeAll(async () => {
    printer = await startChromiumPdfPrinter();
    saveTarget = scriptedSaveTarget();
    outDir = await makeTempDir();
    const knot = await startKnot({ [DOMAIN]: ZONE.join('\n') });
    try {
      env = await createTestServices({ dnsServer: knot.server, saveTarget, pdfPrinter: printer });
      const savedIds: string[] = [];
      await env.services.audits.run(
        { kind: 'domain', domain: DOMAIN },
        {},
        {
          onHistory: (outcome) => {
            if (outcome.saved) savedIds.push(outcome.runId);
          },
        },
      );
      expect(savedIds).toHaveLength(1);
      runId = savedIds[0] ?? '';
      report = (await env.services.history.get(runId)).report;
    } finally {
      await knot.stop();
    }
  });
  afterAll(async () => {
    await printer.close();
    await env.cleanup();
    await rm(outDir, { recursive: true, force: true });
  });

  it('saves every format where the user chose, suggesting a safe dated name, readable only by the owner', async () => {
    for (const format of EXPORT_FORMATS) {
      const path = join(outDir, `chosen-${format}.${format}`);
      saveTarget.answers.push(path);
      const outcome = await env.services.exports.exportRun(runId, format);
      expect(outcome).toEqual({ saved: true, path, fileName: `chosen-${format}.${format}` });
      expect(saveTarget.asked.at(-1)?.format).toBe(format);
      expect(saveTarget.asked.at(-1)?.suggestedName).toMatch(SUGGESTED_NAME);
      expect(
        saveTarget.asked.at(-1)?.suggestedName.endsWith(`-${report.startedAt.slice(0, 10)}.${format}`),
      ).toBe(true);
      expect((await stat(path)).mode & 0o777).toBe(PRIVATE_FILE_MODE);
    }
    const read = (format: ExportFormat) => readFile(join(outDir, `chosen-${format}.${format}`), 'utf8');
    expect(await read('html')).toBe(renderHtml(report));
    expect(await read('md')).toBe(renderReport(report, 'md'));
    expect(await read('csv')).toBe(renderReport(report, 'csv'));
    expect(JSON.parse(await read('json'))).toEqual(report);
    expect(await read('md')).toContain(DOMAIN);

    const pdf = await readFile(join(outDir, 'chosen-pdf.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(MIN_PDF_BYTES);
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    // No temporary file was left beside the exports.
    expect((await readdir(outDir)).sort()).toEqual(EXPORT_FORMATS.map((f) => `chosen-${f}.${f}`).sort());
  });

  it('lays the PDF out on A4 by default and on Letter when asked', async () => {
    const a4 = join(outDir, 'a4.pdf');
    const letter = join(outDir, 'letter.pdf');
    saveTarget.answers.push(a4, letter);
    await env.services.exports.exportRun(runId, 'pdf');
    await env.services.exports.exportRun(runId, 'pdf', 'Letter');
    expect(allPagesAre(await readFile(a4), A4_POINTS)).toBe(true);
    expect(allPagesAre(await readFile(letter), LETTER_POINTS)).toBe(true);
    expect(allPagesAre(await readFile(a4), LETTER_POINTS)).toBe(false);
  });

  it('writes nothing when the user cancels the save dialog, and says so without an error', async () => {
    const before = (await readdir(outDir)).sort();
    saveTarget.answers.push(null);
    await expect(env.services.exports.exportRun(runId, 'pdf')).resolves.toEqual({ saved: false });
    saveTarget.answers.push(null);
    await expect(env.services.exports.exportRun(runId, 'csv')).resolves.toEqual({ saved: false });
    expect((await readdir(outDir)).sort()).toEqual(before);
    expect(saveTarget.asked.slice(-2).map((request) => request.format)).toEqual(['pdf', 'csv']);
  });

  it('replaces an existing file the user chose to overwrite', async () => {
    const path = join(outDir, 'existing.csv');
    await writeFile(path, 'old contents\n', { mode: 0o644 });
    saveTarget.answers.push(path);
    await env.services.exports.exportRun(runId, 'csv');
    expect(await readFile(path, 'utf8')).toBe(renderReport(report, 'csv'));
    expect((await stat(path)).mode & 0o777).toBe(PRIVATE_FILE_MODE);
  });

  it('refuses an unknown run id as NOT_FOUND without asking where to save', async () => {
    const asked = saveTarget.asked.length;
    await expect(env.services.exports.exportRun('0000-no-such-run', 'html')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(env.services.exports.exportRun('../../etc/passwd', 'html')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(saveTarget.asked.length).toBe(asked);
  });

  it('suggests a name with no path separators or odd characters, whatever the target is called', async () => {
    const hostile: AuditReport = {
      ...report,
      target: { ...report.target, label: '../../Évil\\na:me<>|?*  ' },
    };
    saveTarget.answers.push(null);
    await env.services.exports.exportReport(hostile, 'md');
    expect(saveTarget.asked.at(-1)?.suggestedName).toBe(
      `mailwarden-evil-na-me-${report.startedAt.slice(0, 10)}.md`,
    );
  });

  it('says the file could not be saved when the chosen folder cannot be written, and leaves nothing', async () => {
    const blocked = join(outDir, 'not-a-folder');
    await writeFile(blocked, 'a file, not a folder\n');
    saveTarget.answers.push(join(blocked, 'report.html'));
    await expect(env.services.exports.exportRun(runId, 'html')).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    expect(await readFile(blocked, 'utf8')).toBe('a file, not a folder\n');
  });
});

describe('exporting a client’s stored runs as one report', () => {
  const OTHER_DOMAIN = 'bakery.test';
  let env: TestServices;
  let printer: ChromiumPdfPrinter;
  let saveTarget: ReturnType<typeof scriptedSaveTarget>;
  let outDir: string;
  let runIds: string[];
  let reports: AuditReport[];

  beforeAll(async () => {
    printer = await startChromiumPdfPrinter();
    saveTarget = scriptedSaveTarget();
    outDir = await makeTempDir();
    const knot = await startKnot({ [DOMAIN]: ZONE.join('\n'), [OTHER_DOMAIN]: ZONE.join('\n') });
    try {
      env = await createTestServices({ dnsServer: knot.server, saveTarget, pdfPrinter: printer });
      runIds = [];
      for (const domain of [DOMAIN, OTHER_DOMAIN]) {
        await env.services.audits.run(
          { kind: 'domain', domain },
          {},
          {
            onHistory: (outcome) => {
              if (outcome.saved) runIds.push(outcome.runId);
            },
          },
        );
      }
      expect(runIds).toHaveLength(2);
      reports = await Promise.all(runIds.map(async (id) => (await env.services.history.get(id)).report));
    } finally {
      await knot.stop();
    }
  });
  afterAll(async () => {
    await printer.close();
    await env.cleanup();
    await rm(outDir, { recursive: true, force: true });
  });

  it('reads every run from the history and saves one file per format for the whole client', async () => {
    for (const format of EXPORT_FORMATS) {
      const path = join(outDir, `client.${format}`);
      saveTarget.answers.push(path);
      const outcome = await env.services.exports.exportClient('Ann’s Bäckerei / Nord', runIds, format);
      expect(outcome).toEqual({ saved: true, path, fileName: `client.${format}` });
      expect(saveTarget.asked.at(-1)?.suggestedName).toMatch(
        new RegExp(`^mailwarden-client-ann-s-backerei-nord-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
      );
      expect((await stat(path)).mode & 0o777).toBe(PRIVATE_FILE_MODE);
    }
    const read = (format: ExportFormat) => readFile(join(outDir, `client.${format}`), 'utf8');

    const json = JSON.parse(await read('json')) as {
      kind: string;
      client: string;
      accounts: { runId: string; report: unknown }[];
    };
    expect(json.kind).toBe('mailwarden-client-report');
    expect(json.client).toBe('Ann’s Bäckerei / Nord');
    expect(json.accounts.map((account) => account.runId)).toEqual(runIds);
    expect(json.accounts.map((account) => parseAuditReport(account.report))).toEqual(reports);

    const html = await read('html');
    expect(html.match(/<section class="client-account"/g)).toHaveLength(2);
    for (const domain of [DOMAIN, OTHER_DOMAIN]) {
      expect(html).toContain(domain);
      expect(await read('md')).toContain(domain);
    }
    const csvLines = (await read('csv')).split('\r\n').filter((line) => line !== '');
    expect(csvLines).toHaveLength(1 + reports.reduce((sum, report) => sum + report.findings.length, 0));

    // The PDF is that HTML printed: one account per page at least, so more pages than one.
    const pdf = await readFile(join(outDir, 'client.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(MIN_PDF_BYTES);
    expect(allPagesAre(pdf, A4_POINTS)).toBe(true);
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown run id as NOT_FOUND before asking where to save, and writes nothing', async () => {
    const asked = saveTarget.asked.length;
    const before = await readdir(outDir);
    await expect(
      env.services.exports.exportClient('Bakery', [runIds[0] ?? '', '0000-no-such-run'], 'html'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(saveTarget.asked.length).toBe(asked);
    expect(await readdir(outDir)).toEqual(before);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const before = await readdir(outDir);
    saveTarget.answers.push(null);
    await expect(env.services.exports.exportClient('Bakery', runIds, 'pdf', 'Letter')).resolves.toEqual({
      saved: false,
    });
    expect(await readdir(outDir)).toEqual(before);
  });
});
