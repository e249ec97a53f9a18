/** The run while it goes: each step so far (sent, waiting N of 120 s, arrived where), and Stop. */
import type { ProofProgress as Step } from '../../../preload/contract/proof';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { strings } from '../../strings';
import { progressLine } from './proof-model';

export interface ProofProgressProps {
  readonly steps: readonly Step[];
  readonly stopping: boolean;
  readonly onStop: () => void;
}

export function ProofProgress({ steps, stopping, onStop }: ProofProgressProps) {
  const text = strings.sendTest;
  // "Waiting" replaces the waiting line before it: one line per kind of step, in order.
  const shown = steps.filter(
    (step, index) =>
      step.step !== 'waiting' || steps.slice(index + 1).every((later) => later.step !== 'waiting'),
  );
  const latest = steps.at(-1);
  return (
    <section className="audit__section send-progress" aria-labelledby="send-progress-title">
      <h2 id="send-progress-title" className="section-title">
        {text.progressTitle}
      </h2>
      <ol className="check-list">
        {shown.map((step, index) => (
          <li className="check-row" key={`${step.step}-${String(index)}`} data-step={step.step}>
            <span className="check-row__title">{progressLine(step)}</span>
          </li>
        ))}
      </ol>
      <LiveStatus message={latest === undefined ? '' : progressLine(latest)} visible={false} />
      <div className="actions">
        <Button variant="secondary" busy={stopping} busyLabel={text.stop} onClick={onStop}>
          {text.stop}
        </Button>
      </div>
    </section>
  );
}
