/** The test messages sent through this account ("Send a test message"), newest first, beside its tests. */
import type { ProofRunSummary } from '../../../preload/contract/proof';
import { strings } from '../../strings';
import { formatWhen } from './history-model';

export function ProofList({ proofs }: { readonly proofs: readonly ProofRunSummary[] }) {
  const text = strings.sendTest.history;
  if (proofs.length === 0) return null;
  return (
    <section className="audit__section" aria-labelledby="history-proofs-title">
      <h2 id="history-proofs-title" className="section-title">
        {text.title}
      </h2>
      <ul className="check-list">
        {proofs.map((proof) => (
          <li className="check-row" key={proof.runId} data-proof-run={proof.runId}>
            <span className="check-row__title">
              {text.line(
                formatWhen(proof.provedAt),
                proof.to,
                proof.landing === null ? text.notArrived : text.landed[proof.landing],
              )}
            </span>
            {proof.worst !== null && <span className="check-row__detail"> {proof.worst.title}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
