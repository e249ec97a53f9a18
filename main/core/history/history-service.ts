/**
 * Stored runs for the app and the CLI: list, open, compare and delete by run id.
 *
 * A missing run is NOT_FOUND (the user named it), so both front ends say the same thing the same way.
 */
import type {
  HistoryEntry,
  HistoryListing,
  HistoryTarget,
  RunComparison,
} from '../../../preload/contract/history';
import type { AnalysisEntry } from '../../../preload/contract/message-check';
import type { ProofEntry } from '../../../preload/contract/proof';
import { MailwardenError } from '../errors/mailwarden-error';
import { compareRuns } from './compare-runs';
import { RUN_ID_PATTERN } from './history-document';
import type { HistoryStore } from './history-port';

export interface HistoryService {
  list(target?: HistoryTarget): Promise<HistoryListing>;
  get(runId: string): Promise<HistoryEntry>;
  /** A checked message's stored analysis (NOT_FOUND when there is none with that id). */
  getAnalysis(runId: string): Promise<AnalysisEntry>;
  saveAnalysis(entry: AnalysisEntry): Promise<void>;
  /** A test message's stored proof run (NOT_FOUND when there is none with that id). */
  getProof(runId: string): Promise<ProofEntry>;
  saveProof(entry: ProofEntry): Promise<void>;
  /** Compares in time order whatever order the ids come in: "fixed" always means fixed since the older run. */
  compare(runIdA: string, runIdB: string): Promise<RunComparison>;
  delete(runId: string): Promise<{ readonly deleted: true }>;
}

export function createHistoryService(store: HistoryStore): HistoryService {
  async function get(runId: string): Promise<HistoryEntry> {
    checkRunId(runId);
    const entry = await store.get(runId);
    if (entry === null) throw notFound(runId);
    return entry;
  }

  return {
    list: (target) => store.list({ target }),
    get,
    async getAnalysis(runId) {
      checkRunId(runId);
      const entry = await store.getAnalysis(runId);
      if (entry === null) throw notFound(runId);
      return entry;
    },
    saveAnalysis: (entry) => store.saveAnalysis(entry),
    async getProof(runId) {
      checkRunId(runId);
      const entry = await store.getProof(runId);
      if (entry === null) throw notFound(runId);
      return entry;
    },
    saveProof: (entry) => store.saveProof(entry),
    async compare(runIdA, runIdB) {
      const a = await get(runIdA);
      const b = await get(runIdB);
      return a.report.startedAt <= b.report.startedAt ? compareRuns(a, b) : compareRuns(b, a);
    },
    async delete(runId) {
      checkRunId(runId);
      if (!(await store.delete(runId))) throw notFound(runId);
      return { deleted: true };
    },
  };
}

/** Refuses ids that are not ours before they reach a message or a path (they may hold anything). */
function checkRunId(runId: string): void {
  if (!RUN_ID_PATTERN.test(runId))
    throw new MailwardenError(
      'INVALID_INPUT',
      'That is not a run id: run ids are letters, digits and dashes.',
      [{ field: 'runId', message: 'Not a run id.' }],
    );
}

function notFound(runId: string): MailwardenError {
  return new MailwardenError('NOT_FOUND', `There is no stored run "${runId}" in the history.`, [
    { field: 'runId', message: 'No stored run has this id.' },
  ]);
}
