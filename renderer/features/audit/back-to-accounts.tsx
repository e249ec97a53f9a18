/** The quiet way back to the account list, above each audit screen's heading. */
import { Button } from '../../components/button';
import { strings } from '../../strings';

export function BackToAccounts({
  onBack,
  label,
}: {
  readonly onBack: () => void;
  /** Another way back than to the account list (History's run list). */
  readonly label?: string | undefined;
}) {
  return (
    <div className="audit__back">
      <Button variant="quiet" onClick={onBack}>
        <span className="audit__arrow" aria-hidden="true">
          ←
        </span>
        {label ?? strings.audit.back}
      </Button>
    </div>
  );
}
