/**
 * The end of a Settings section: a message that is not about one field, the confirmation (in a live
 * region that is always in the page, so it is announced), and the section's buttons.
 */
import type { ReactNode } from 'react';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import type { SectionSave } from './use-section-save';

export interface SectionFooterProps {
  readonly state: SectionSave;
  readonly children: ReactNode;
}

export function SectionFooter({ state, children }: SectionFooterProps) {
  return (
    <div className="settings__footer">
      {state.problem?.form !== undefined && (
        <Notice tone="error" role="alert">
          {state.problem.form}
        </Notice>
      )}
      <div role="status" aria-live="polite" className="settings__status">
        {state.saving && <span className="visually-hidden">{strings.settings.saving}</span>}
        {state.saved !== null && <Notice tone="success">{state.saved}</Notice>}
      </div>
      <div className="actions actions--form">{children}</div>
    </div>
  );
}
