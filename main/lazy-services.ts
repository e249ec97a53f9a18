/**
 * Stand-ins that load a service's code on first use and then forward to it, so `MainServices` keeps
 * its shape while its heavy parts load only when a command or screen needs them.
 */
import type { AuditService } from './core/audit/audit-service';
import type { ReportExporter } from './core/export/export-report';

/**
 * Runs `load` once and shares its promise. A failed load is forgotten, so the next use tries again
 * instead of repeating a stale error for the rest of the session.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export function lazyAuditService(load: () => Promise<AuditService>): AuditService {
  let loaded: AuditService | undefined;
  const service = loadOnce(async () => (loaded = await load()));
  return {
    run: async (request, settings, options) => (await service()).run(request, settings, options),
    start: async (request, settings, onEvent) => (await service()).start(request, settings, onEvent),
    // Before the code has loaded no run can have started, so there is nothing to cancel.
    cancel: (runId) => loaded?.cancel(runId) ?? false,
  };
}

export function lazyReportExporter(load: () => Promise<ReportExporter>): ReportExporter {
  const exporter = loadOnce(load);
  return {
    exportRun: async (runId, format, paper) => (await exporter()).exportRun(runId, format, paper),
    exportReport: async (report, format, paper) => (await exporter()).exportReport(report, format, paper),
    exportAnalysis: async (runId, format, paper) => (await exporter()).exportAnalysis(runId, format, paper),
    exportProof: async (runId, format, paper) => (await exporter()).exportProof(runId, format, paper),
    exportClient: async (client, runIds, format, paper) =>
      (await exporter()).exportClient(client, runIds, format, paper),
  };
}
