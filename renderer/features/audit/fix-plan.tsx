/**
 * The fix plan: one action per root cause, most important first, each saying who acts, where it was
 * seen, the exact change once, and "Copy a message for them": plain text ready to email to a DNS host or
 * IT provider. Built in main (main/core/plan); shown here as it is.
 */
import { useId, useRef, useState } from 'react';
import { ACTOR_LABELS, type FixPlan, type PlanAction } from '../../../preload/contract/plan';
import { Button } from '../../components/button';
import { copyFromTextArea } from '../../lib/copy-text';
import { strings } from '../../strings';
import { RecordCopy } from './record-copy';

export function FixPlanSection({ plan }: { readonly plan: FixPlan }) {
  const text = strings.audit.results;
  return (
    <section className="audit__section fix-plan" aria-labelledby="fix-plan-title">
      <h2 id="fix-plan-title" className="section-title">
        {text.planTitle}
      </h2>
      {plan.actions.length === 0 ? (
        <p>{plan.verdict.tone === 'incomplete' ? text.planEmptyIncomplete : text.planEmpty}</p>
      ) : (
        <>
          <p className="fix-plan__lead">{text.planLead}</p>
          <ol className="action-list">
            {plan.actions.map((action) => (
              <ActionItem key={action.id} action={action} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** One action; also a test message's short plan (send-test/proof-results.tsx). */
export function ActionItem({ action }: { readonly action: PlanAction }) {
  const text = strings.audit.results;
  const id = useId();
  const who = ACTOR_LABELS[action.who];
  return (
    <li
      className={`action action--${action.severity}`}
      data-action={action.id}
      aria-labelledby={`${id}-title`}
    >
      <p className="action__head">
        <span className={`severity severity--${action.severity}`}>
          {strings.audit.severity[action.severity]}
        </span>
        <span className="action__title" id={`${id}-title`}>
          {action.title}
        </span>
      </p>
      <p className="action__meta">
        <span className="action__who">{who}</span>
        {action.where.length > 0 && <span>{text.where(action.where.join(', '))}</span>}
        {action.findings.length > 1 && <span>{text.fixes(action.findings.length)}</span>}
      </p>
      <ol className="fix-steps">
        {action.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {action.record !== undefined && <RecordCopy id={`${id}-rec`} record={action.record} />}
      <MessageCopy id={`${id}-msg`} who={who} message={action.message} />
    </li>
  );
}

type CopyState = 'idle' | 'copied' | 'manual';

function MessageCopy({
  id,
  who,
  message,
}: {
  readonly id: string;
  readonly who: string;
  readonly message: string;
}) {
  const text = strings.audit.results;
  const area = useRef<HTMLTextAreaElement>(null);
  const fold = useRef<HTMLDetailsElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    if (area.current === null) return;
    // Open the fold first: a hidden textarea cannot be selected for the fallback copy, and the person
    // sees exactly what was copied.
    if (fold.current !== null) fold.current.open = true;
    setState((await copyFromTextArea(area.current)) ? 'copied' : 'manual');
  };
  return (
    <div className="message-copy">
      <Button onClick={() => void copy()}>{text.copyMessage}</Button>
      <details className="message-copy__fold" ref={fold}>
        <summary>{text.messageFor(who)}</summary>
        <label className="visually-hidden" htmlFor={id}>
          {text.messageFor(who)}
        </label>
        <textarea
          ref={area}
          id={id}
          className="message-copy__text"
          readOnly
          rows={Math.min(16, message.split('\n').length)}
          spellCheck={false}
          value={message}
        />
      </details>
      <p className="message-copy__status" role="status" aria-live="polite">
        {state === 'copied' ? text.messageCopied : state === 'manual' ? text.messageCopyManual : ''}
      </p>
    </div>
  );
}
