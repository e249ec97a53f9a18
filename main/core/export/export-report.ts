/**
 * Saves a report where the user chooses, in any export format: the HTML, Markdown, JSON and CSV
 * renderers' text as it is, or the HTML report printed to PDF.
 *
 * Cancelling the save dialog is an answer, not an error: nothing is written and `{ saved: false }`
 * comes back. The file is replaced atomically, so an existing file is never left half-written.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import type { ExportFormat, PaperSize } from '../../../preload/contract/export';
import type { HistoryEntry } from '../../../preload/contract/history';
import type { AnalysisEntry, AnalysisRecord } from '../../../preload/contract/message-check';
import type { ProofEntry, ProofRecord } from '../../../preload/contract/proof';
import { MailwardenError } from '../errors/mailwarden-error';
import { buildClientReport, type ClientReport } from '../report/client-report';
import { renderClientHtml } from '../report/render-client-html';
import { renderClientReport } from '../report/render-client-report';
import { renderAnalysisReport } from '../report/render-analysis-report';
import { renderHtml } from '../report/render-html';
import { renderProofReport } from '../report/render-proof-report';
import { renderReport } from '../report/render-report';
import type { PdfPrinter, ReportFileWriter, SaveTarget } from './export-ports';

export type ExportOutcome =
  { readonly saved: true; readonly path: string; readonly fileName: string } | { readonly saved: false };

export interface ReportExporter {
  /** Exports a stored run (NOT_FOUND when there is none with that id). */
  exportRun(runId: string, format: ExportFormat, paper?: PaperSize): Promise<ExportOutcome>;
  exportReport(report: AuditReport, format: ExportFormat, paper?: PaperSize): Promise<ExportOutcome>;
  /** Exports a checked message's stored analysis (NOT_FOUND when there is none with that id). */
  exportAnalysis(runId: string, format: ExportFormat, paper?: PaperSize): Promise<ExportOutcome>;
  /** Exports a stored test message run (NOT_FOUND when there is none with that id). */
  exportProof(runId: string, format: ExportFormat, paper?: PaperSize): Promise<ExportOutcome>;
  /**
   * Exports one client report for these stored runs, in the order given: every run is read from the
   * history first (NOT_FOUND for an unknown id), so nothing is asked or written for a bad list.
   */
  exportClient(
    client: string,
    runIds: readonly string[],
    format: ExportFormat,
    paper?: PaperSize,
  ): Promise<ExportOutcome>;
}

export interface ReportExporterDeps {
  readonly history: {
    get(runId: string): Promise<HistoryEntry>;
    getAnalysis(runId: string): Promise<AnalysisEntry>;
    getProof(runId: string): Promise<ProofEntry>;
  };
  /** Absent where there is no one to ask (the CLI has --out instead). */
  readonly saveTarget?: SaveTarget | undefined;
  readonly pdfPrinter?: PdfPrinter | undefined;
  readonly writeFile: ReportFileWriter;
  /** When a client report was made; the system clock when absent. */
  readonly clock?: { now(): Date } | undefined;
}

/** Most of the world prints on A4 (ISO 216); the user picks Letter where that is the norm. */
export const DEFAULT_PAPER: PaperSize = 'A4';
/** Keeps suggested names readable in a save dialog and far below every file system's limit. */
const MAX_NAME_PART_LENGTH = 60;

export function createReportExporter(deps: ReportExporterDeps): ReportExporter {
  async function exportReport(
    report: AuditReport,
    format: ExportFormat,
    paper: PaperSize = DEFAULT_PAPER,
  ): Promise<ExportOutcome> {
    const saveTarget = deps.saveTarget;
    if (saveTarget === undefined) throw unavailable();
    // Render first: a report that cannot be rendered should not make the user pick a place for it.
    const content = await contentOf(report, format, paper);
    return save(saveTarget, content, suggestedFileName(report, format), format);
  }

  async function save(
    saveTarget: SaveTarget,
    content: string | Uint8Array,
    suggestedName: string,
    format: ExportFormat,
  ): Promise<ExportOutcome> {
    const path = await saveTarget.chooseFile({ suggestedName, format });
    if (path === null) return { saved: false };
    try {
      await deps.writeFile(path, content);
    } catch {
      throw new MailwardenError(
        'STORAGE_FAILED',
        'Mailwarden could not save the report there. Check that the folder exists and you may write to it, or choose another.',
      );
    }
    return { saved: true, path, fileName: baseName(path) };
  }

  async function contentOf(
    report: AuditReport,
    format: ExportFormat,
    paper: PaperSize,
  ): Promise<string | Uint8Array> {
    if (format !== 'pdf') return renderReport(report, format);
    if (deps.pdfPrinter === undefined) throw unavailable();
    return deps.pdfPrinter.print(renderHtml(report), paper);
  }

  async function clientContentOf(
    report: ClientReport,
    format: ExportFormat,
    paper: PaperSize,
  ): Promise<string | Uint8Array> {
    if (format !== 'pdf') return renderClientReport(report, format);
    if (deps.pdfPrinter === undefined) throw unavailable();
    return deps.pdfPrinter.print(renderClientHtml(report), paper);
  }

  async function analysisContentOf(
    record: AnalysisRecord,
    format: ExportFormat,
    paper: PaperSize,
  ): Promise<string | Uint8Array> {
    if (format !== 'pdf') return renderAnalysisReport(record, format);
    if (deps.pdfPrinter === undefined) throw unavailable();
    return deps.pdfPrinter.print(renderAnalysisReport(record, 'html'), paper);
  }

  async function proofContentOf(
    record: ProofRecord,
    format: ExportFormat,
    paper: PaperSize,
  ): Promise<string | Uint8Array> {
    if (format !== 'pdf') return renderProofReport(record, format);
    if (deps.pdfPrinter === undefined) throw unavailable();
    return deps.pdfPrinter.print(renderProofReport(record, 'html'), paper);
  }

  return {
    exportReport,
    async exportProof(runId, format, paper = DEFAULT_PAPER) {
      const { proof } = await deps.history.getProof(runId);
      const saveTarget = deps.saveTarget;
      if (saveTarget === undefined) throw unavailable();
      const content = await proofContentOf(proof, format, paper);
      return save(saveTarget, content, suggestedProofFileName(proof, format), format);
    },
    async exportAnalysis(runId, format, paper = DEFAULT_PAPER) {
      const { analysis } = await deps.history.getAnalysis(runId);
      const saveTarget = deps.saveTarget;
      if (saveTarget === undefined) throw unavailable();
      const content = await analysisContentOf(analysis, format, paper);
      return save(saveTarget, content, suggestedAnalysisFileName(analysis, format), format);
    },
    async exportRun(runId, format, paper) {
      const entry = await deps.history.get(runId);
      return exportReport(entry.report, format, paper);
    },
    async exportClient(client, runIds, format, paper = DEFAULT_PAPER) {
      const entries = [];
      // One at a time: each read is a file, and the list is a client's accounts (a handful).
      for (const runId of runIds) entries.push(await deps.history.get(runId));
      const saveTarget = deps.saveTarget;
      if (saveTarget === undefined) throw unavailable();
      const generatedAt = (deps.clock?.now() ?? new Date()).toISOString();
      const report = buildClientReport(client, entries, generatedAt);
      const content = await clientContentOf(report, format, paper);
      return save(saveTarget, content, suggestedClientFileName(client, generatedAt, format), format);
    },
  };
}

/** `mailwarden-<target>-<YYYY-MM-DD>.<ext>`, safe on every file system whatever the target's label holds. */
export function suggestedFileName(report: AuditReport, format: ExportFormat): string {
  return `mailwarden-${safeNamePart(report.target.label)}-${report.startedAt.slice(0, 10)}.${format}`;
}

/** `mailwarden-client-<client>-<YYYY-MM-DD>.<ext>`, with the same safe name part as a single report. */
export function suggestedClientFileName(client: string, generatedAt: string, format: ExportFormat): string {
  return `mailwarden-client-${safeNamePart(client)}-${generatedAt.slice(0, 10)}.${format}`;
}

/** `mailwarden-message-<From domain>-<YYYY-MM-DD>.<ext>`, with the same safe name part. */
export function suggestedAnalysisFileName(analysis: AnalysisRecord, format: ExportFormat): string {
  const from = analysis.authentication?.fromDomain ?? 'message';
  return `mailwarden-message-${safeNamePart(from)}-${analysis.analysedAt.slice(0, 10)}.${format}`;
}

/** `mailwarden-test-message-<account address>-<YYYY-MM-DD>.<ext>`, with the same safe name part. */
export function suggestedProofFileName(proof: ProofRecord, format: ExportFormat): string {
  return `mailwarden-test-message-${safeNamePart(proof.account.email)}-${proof.provedAt.slice(0, 10)}.${format}`;
}

/** Letters, digits, dots and dashes only: no separators, no control or reserved characters, no "..". */
function safeNamePart(label: string): string {
  const part = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .slice(0, MAX_NAME_PART_LENGTH)
    .replace(/^[-.]+|[-.]+$/g, '');
  return part === '' ? 'report' : part;
}

/** The last path segment, for POSIX and Windows paths alike. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function unavailable(): MailwardenError {
  return new MailwardenError(
    'INTERNAL',
    'Saving reports from here is not available. Use the desktop app, or the command line’s --out.',
  );
}
