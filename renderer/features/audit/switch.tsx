/**
 * An on/off switch with its label and a one-line reason: a real checkbox (so Space toggles it and forms
 * tools understand it) announced as a switch.
 */
import { strings } from '../../strings';

export interface SwitchProps {
  readonly id: string;
  readonly label: string;
  readonly reason: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
  /** Why the switch is off and cannot be changed right now. */
  readonly note?: string | undefined;
}

export function Switch({ id, label, reason, checked, onChange, disabled = false, note }: SwitchProps) {
  const describedBy = note === undefined ? `${id}-reason` : `${id}-reason ${id}-note`;
  return (
    <div className={`switch-row${disabled ? ' switch-row--disabled' : ''}`}>
      <div className="switch-row__text">
        <label className="switch-row__label" htmlFor={id}>
          {label}
        </label>
        <p className="switch-row__reason" id={`${id}-reason`}>
          {reason}
        </p>
        {note !== undefined && (
          <p className="switch-row__note" id={`${id}-note`}>
            {note}
          </p>
        )}
      </div>
      <span className="switch">
        <input
          type="checkbox"
          role="switch"
          className="switch__input"
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__state" aria-hidden="true">
          {checked ? strings.audit.plan.on : strings.audit.plan.off}
        </span>
      </span>
    </div>
  );
}
