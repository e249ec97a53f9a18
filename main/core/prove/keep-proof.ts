/**
 * A finished proof run goes to the history beside the audits and checked messages (issue 13 section 3),
 * for the CLI and the app alike. A failure to save is reported, never thrown: the verdict is shown anyway.
 */
import type { ProofEntry } from '../../../preload/contract/proof';
import type { HistorySaveOutcome } from '../history/history-port';
import type { IdSource } from '../ports';
import type { ProofResult } from './proof-result';
import { proofRecord } from './proof-record';

export async function keepProof(
  history: { saveProof(entry: ProofEntry): Promise<void> },
  ids: IdSource,
  result: ProofResult,
  accountId: string,
): Promise<{ readonly entry: ProofEntry; readonly outcome: HistorySaveOutcome }> {
  const entry: ProofEntry = { runId: ids.newId(), accountId, proof: proofRecord(result) };
  try {
    await history.saveProof(entry);
    return { entry, outcome: { saved: true, runId: entry.runId } };
  } catch (error) {
    return {
      entry,
      outcome: {
        saved: false,
        runId: entry.runId,
        message: error instanceof Error ? error.message : 'the history could not be written',
      },
    };
  }
}
