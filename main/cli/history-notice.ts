/** What `mailwarden audit` says on stderr about the history: the run id to reopen it, or why it was not kept. */
import type { HistorySaveOutcome } from '../core/history/history-port';
import { writeLine, type CliIo } from './cli-io';

export function historyNotice(io: CliIo): (outcome: HistorySaveOutcome) => void {
  return (outcome) => {
    if (outcome.saved)
      writeLine(io.stderr, `Saved as run ${outcome.runId} (see "mailwarden history show ${outcome.runId}").`);
    // The report itself still goes to stdout / --out: only the stored copy is missing.
    else writeLine(io.stderr, `Warning: this run was not saved to the history: ${outcome.message}`);
  };
}
