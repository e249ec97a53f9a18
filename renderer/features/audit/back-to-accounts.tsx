/** The quiet way back to the account list, above each audit screen's heading. */
import { Button } from '../../components/button';
import { strings } from '../../strings';

export function BackToAccounts({ onBack }: { readonly onBack: () => void }) {
  return (
    <div className="audit__back">
      <Button variant="quiet" onClick={onBack}>
        <span className="audit__arrow" aria-hidden="true">
          ←
        </span>
        {strings.audit.back}
      </Button>
    </div>
  );
}
