/**
 * A whole-number input with its unit shown after it ("15 seconds"), tied to its label, hint and error
 * like every other field. The unit is also in the hint, so a screen reader hears it.
 */
import { describedBy, FieldShell, type FieldShellProps } from './field';

export interface NumberFieldProps extends Omit<FieldShellProps, 'children'> {
  /** The text as typed, so a half-typed or emptied field is kept as the person left it. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
}

export function NumberField(props: NumberFieldProps) {
  const { id, hint, error, value, onChange, unit, min, max } = props;
  return (
    <FieldShell {...props}>
      <span className="number-field">
        <input
          id={id}
          name={id}
          className="input input--number"
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          max={max}
          value={value}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        <span className="number-field__unit" aria-hidden="true">
          {unit}
        </span>
      </span>
    </FieldShell>
  );
}
