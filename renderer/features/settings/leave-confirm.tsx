/** Asked before Settings closes with edits not saved: keep editing (the safe choice) or leave. */
import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { strings } from '../../strings';

export interface LeaveConfirmProps {
  /** The titles of the sections with unsaved edits. */
  readonly sections: readonly string[];
  readonly onStay: () => void;
  readonly onLeave: () => void;
}

export function LeaveConfirm({ sections, onStay, onLeave }: LeaveConfirmProps) {
  const text = strings.settings.leave;
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    stayRef.current?.focus();
  }, []);
  return (
    <div
      className="inline-panel inline-panel--danger"
      role="alertdialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-body"
    >
      <p className="inline-panel__title" id="leave-title">
        {text.title}
      </p>
      <p id="leave-body">{text.body(sections)}</p>
      <div className="actions actions--compact">
        <Button variant="primary" ref={stayRef} onClick={onStay}>
          {text.stay}
        </Button>
        <Button variant="danger" onClick={onLeave}>
          {text.leave}
        </Button>
      </div>
    </div>
  );
}
