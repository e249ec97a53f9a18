/** A set of radio buttons with a legend and a sentence under each choice, for choices that need words. */
import type { ReactNode } from 'react';
import { describedBy, FieldErrorText } from './field';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly description?: string;
}

export interface ChoiceGroupProps<T extends string> {
  readonly id: string;
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly layout?: 'stacked' | 'inline';
  readonly children?: ReactNode;
}

export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { id, legend, choices, value, onChange, error, hint, layout = 'stacked' } = props;
  const invalid = error !== undefined;
  return (
    <fieldset
      className={`choices choices--${layout}${invalid ? ' field--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={invalid || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && <FieldErrorText id={`${id}-error`} message={error} />}
      <div className="choices__options">
        {choices.map((choice) => {
          const optionId = `${id}-${choice.value}`;
          return (
            <div className="choice" key={choice.value}>
              <input
                type="radio"
                className="choice__input"
                id={optionId}
                name={id}
                value={choice.value}
                checked={value === choice.value}
                aria-describedby={choice.description === undefined ? undefined : `${optionId}-desc`}
                onChange={() => {
                  onChange(choice.value);
                }}
              />
              <label className="choice__label" htmlFor={optionId}>
                {choice.label}
              </label>
              {choice.description !== undefined && (
                <p className="choice__description" id={`${optionId}-desc`}>
                  {choice.description}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {props.children}
    </fieldset>
  );
}
