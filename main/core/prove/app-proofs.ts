/**
 * "Send a test message" in the app: runs started from the window, each pushed as ProofEvents to the page
 * that asked, cancellable by id, and kept in the history beside the audits when they finish.
 *
 * What crosses to the page is the progress (addresses, host names, the queue id), the stored record
 * (proof-record.ts: no body, no subject) or a plain message: never the password, token or the message.
 */
import {
  isProofAddress,
  PROOF_WAIT_SECONDS,
  type ProofEvent,
  type ProofStartRequest,
} from '../../../preload/contract/proof';
import { MailwardenError } from '../errors/mailwarden-error';
import type { IdSource } from '../ports';
import { keepProof } from './keep-proof';
import type { ProofService } from './proof-service';
import type { ProofEntry } from '../../../preload/contract/proof';

export interface AppProofsDeps {
  readonly proofs: ProofService;
  readonly history: { saveProof(entry: ProofEntry): Promise<void> };
  /** The trusted CAs saved in Settings, as every audit started in the app uses them. */
  readonly extraCaPem: () => Promise<string | undefined>;
  readonly ids: IdSource;
  /** The app's wait for the message; PROOF_WAIT_SECONDS unless a test shortens it. */
  readonly waitSeconds?: number;
}

export interface AppProofs {
  /** Refuses a bad request (no IMAP server, no password, a malformed address) before anything is sent. */
  start(request: ProofStartRequest, onEvent: (event: ProofEvent) => void): Promise<{ proofId: string }>;
  cancel(proofId: string): { readonly cancelled: boolean };
}

export function createAppProofs(deps: AppProofsDeps): AppProofs {
  const running = new Map<string, AbortController>();
  const waitSeconds = deps.waitSeconds ?? PROOF_WAIT_SECONDS;

  return {
    async start(request, onEvent) {
      if (request.to !== undefined && !isProofAddress(request.to))
        throw new MailwardenError('INVALID_INPUT', 'Type one email address to send the test message to.', [
          { field: 'to', message: 'Type one email address, like name@example.com.' },
        ]);
      const proofId = deps.ids.newId();
      const controller = new AbortController();
      let sent = false;
      const prepared = await deps.proofs.prepare({
        account: request.accountId,
        to: request.to,
        keep: false,
        timeoutMs: waitSeconds * 1000,
        extraCaPem: await deps.extraCaPem(),
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.step === 'sent') sent = true;
          if (!controller.signal.aborted) onEvent({ kind: 'progress', proofId, progress });
        },
      });
      running.set(proofId, controller);
      void prepared
        .run()
        .then(
          async (result) => {
            // A run stopped from the window is not judged: what it saw was cut short on purpose.
            if (controller.signal.aborted) {
              onEvent({ kind: 'cancelled', proofId, sent });
              return;
            }
            const kept = await keepProof(deps.history, deps.ids, result, prepared.accountId);
            onEvent({
              kind: 'finished',
              proofId,
              entry: kept.entry,
              history: kept.outcome.saved ? { saved: true } : { saved: false, message: kept.outcome.message },
            });
          },
          (error: unknown) => {
            if (controller.signal.aborted) onEvent({ kind: 'cancelled', proofId, sent });
            else
              onEvent({
                kind: 'failed',
                proofId,
                // Only our own errors carry a message meant for the user; others may echo a server.
                message:
                  error instanceof MailwardenError
                    ? error.message
                    : 'The test stopped unexpectedly. Nothing more was sent.',
              });
          },
        )
        .finally(() => running.delete(proofId));
      return { proofId };
    },

    cancel(proofId) {
      const controller = running.get(proofId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
