/**
 * Waiting times: how long to wait for a server at each step, and how long one whole test may take.
 * The inputs carry main's bounds; main checks them again and answers with a message per field.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import { DEFAULT_TIMEOUTS, TIMEOUT_BOUNDS, type AuditTimeouts } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { NumberField } from '../../components/number-field';
import { strings } from '../../strings';
import { SectionFooter } from './section-footer';
import { useSectionSave } from './use-section-save';

const WAIT_ID = 'settings-server-wait';
const LIMIT_ID = 'settings-audit-limit';

export interface TimeoutsFormProps {
  readonly initial: AuditTimeouts;
}

/** A whole number typed in the field, or null when it is empty or not one. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function TimeoutsForm({ initial }: TimeoutsFormProps) {
  const text = strings.timeouts;
  const [wait, setWait] = useState(String(initial.serverWaitSeconds));
  const [limit, setLimit] = useState(String(initial.auditLimitSeconds));
  const section = useSectionSave(text.title);
  const { problem } = section;

  useEffect(() => {
    if (problem === null) return;
    const first = problem.fields['serverWaitSeconds'] !== undefined ? WAIT_ID : LIMIT_ID;
    if (Object.keys(problem.fields).length > 0) document.getElementById(first)?.focus();
  }, [problem]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const serverWaitSeconds = wholeNumber(wait);
    const auditLimitSeconds = wholeNumber(limit);
    if (serverWaitSeconds === null || auditLimitSeconds === null) {
      section.fail({
        fields: {
          ...(serverWaitSeconds === null ? { serverWaitSeconds: text.wholeNumber } : {}),
          ...(auditLimitSeconds === null ? { auditLimitSeconds: text.wholeNumber } : {}),
        },
      });
      return;
    }
    await section.save(
      { timeouts: { serverWaitSeconds, auditLimitSeconds } },
      (view) =>
        text.saved(view.settings.timeouts.serverWaitSeconds, view.settings.timeouts.auditLimitSeconds),
      (view) => {
        setWait(String(view.settings.timeouts.serverWaitSeconds));
        setLimit(String(view.settings.timeouts.auditLimitSeconds));
      },
    );
  };

  const bounds = TIMEOUT_BOUNDS;
  return (
    <form
      className="form settings__section"
      noValidate
      aria-labelledby="timeouts-title"
      onSubmit={(e) => void submit(e)}
    >
      <section className="form-section" aria-labelledby="timeouts-title">
        <h2 className="section-title" id="timeouts-title">
          {text.title}
        </h2>
        <p className="muted">{text.intro}</p>
        <div className="settings__numbers">
          <NumberField
            id={WAIT_ID}
            label={text.serverWait}
            hint={text.serverWaitHint(
              bounds.serverWaitSeconds.min,
              bounds.serverWaitSeconds.max,
              DEFAULT_TIMEOUTS.serverWaitSeconds,
            )}
            error={problem?.fields['serverWaitSeconds']}
            unit={text.seconds}
            min={bounds.serverWaitSeconds.min}
            max={bounds.serverWaitSeconds.max}
            value={wait}
            onChange={(value) => {
              setWait(value);
              section.edited();
            }}
          />
          <NumberField
            id={LIMIT_ID}
            label={text.auditLimit}
            hint={text.auditLimitHint(
              bounds.auditLimitSeconds.min,
              bounds.auditLimitSeconds.max,
              DEFAULT_TIMEOUTS.auditLimitSeconds,
            )}
            error={problem?.fields['auditLimitSeconds']}
            unit={text.seconds}
            min={bounds.auditLimitSeconds.min}
            max={bounds.auditLimitSeconds.max}
            value={limit}
            onChange={(value) => {
              setLimit(value);
              section.edited();
            }}
          />
        </div>
      </section>
      <SectionFooter state={section}>
        <Button type="submit" variant="primary" busy={section.saving} busyLabel={strings.settings.saving}>
          {text.save}
        </Button>
      </SectionFooter>
    </form>
  );
}
