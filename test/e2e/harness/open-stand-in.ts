/**
 * A stand-in for the open dialog the app gets from Electron ("Open a message file"): it answers with the
 * paths the test queued, or Cancel, and counts how often it was asked. The real main-process code then
 * reads the chosen file (main/adapters/message-file.ts), size cap and all. A spec installs it with
 * `test.use({ openPorts: opening.ports })`.
 */
import type { OpenPorts } from './app-fixture';

export interface OpenStandIn {
  readonly ports: OpenPorts;
  /** What the open dialog answers next: a full path, or null for Cancel (also when nothing is queued). */
  readonly answers: (string | null)[];
  /** How many times the dialog was shown. */
  asked(): number;
  /** beforeEach: no queued answers, never asked. */
  reset(): void;
}

export function createOpenStandIn(): OpenStandIn {
  const answers: (string | null)[] = [];
  let asked = 0;
  return {
    answers,
    asked: () => asked,
    ports: {
      openTarget: {
        chooseMessageFile() {
          asked += 1;
          return Promise.resolve(answers.shift() ?? null);
        },
      },
    },
    reset() {
      answers.length = 0;
      asked = 0;
    },
  };
}
