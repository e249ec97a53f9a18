/**
 * "Check a message" in the app: the message comes from the open dialog (read here, in main) or from a
 * paste, is judged like `mailwarden analyse` judges it, is kept in the history as a verdict, and goes
 * back to the page as a display-safe record. The message itself never goes back.
 */
import type {
  AnalysisEntry,
  MessageCheckRequest,
  MessageCheckResult,
} from '../../../preload/contract/message-check';
import { MailwardenError } from '../errors/mailwarden-error';
import type { Clock, DnsResolver, IdSource } from '../ports';
import { analyseMessage } from './analyse-message';
import { analysisRecord } from './analysis-record';
import type { MessageFileReader, OpenTarget } from './message-file-port';
import { MAX_MESSAGE_BYTES } from './message-limits';

export interface MessageCheckerDeps {
  /** Absent where there is no one to ask (the CLI names its file). */
  readonly openTarget?: OpenTarget | undefined;
  readonly readFile: MessageFileReader;
  /** The resolver in force (Settings, else the system's); not asked when the check is offline. */
  readonly resolver: () => Promise<DnsResolver>;
  readonly history: { saveAnalysis(entry: AnalysisEntry): Promise<void> };
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly toolVersion: string;
}

export interface MessageChecker {
  check(request: MessageCheckRequest): Promise<MessageCheckResult>;
}

export function createMessageChecker(deps: MessageCheckerDeps): MessageChecker {
  async function messageBytes(request: MessageCheckRequest): Promise<Uint8Array | 'too-large' | 'cancelled'> {
    if (request.source.kind === 'paste') {
      const bytes = Buffer.from(request.source.text, 'utf8');
      return bytes.length > MAX_MESSAGE_BYTES ? 'too-large' : bytes;
    }
    if (deps.openTarget === undefined)
      throw new MailwardenError(
        'INTERNAL',
        'Opening a message file is not available here. Use the desktop app, or `mailwarden analyse FILE`.',
      );
    const path = await deps.openTarget.chooseMessageFile();
    return path === null ? 'cancelled' : deps.readFile(path);
  }

  return {
    async check(request) {
      const bytes = await messageBytes(request);
      if (bytes === 'cancelled') return { kind: 'cancelled' };
      const resolver = request.offline ? null : await deps.resolver();
      const analysis = await analyseMessage({
        bytes,
        resolver,
        clock: deps.clock,
        toolVersion: deps.toolVersion,
      });
      const entry = {
        runId: deps.ids.newId(),
        analysis: analysisRecord(analysis, request.source.kind),
      };
      try {
        await deps.history.saveAnalysis(entry);
        return { kind: 'analysed', entry, history: { saved: true } };
      } catch (error) {
        // The verdict is still worth showing: only the stored copy is missing, and the page says so.
        const message =
          error instanceof MailwardenError ? error.message : 'Mailwarden could not save it to the history.';
        return { kind: 'analysed', entry, history: { saved: false, message } };
      }
    },
  };
}
