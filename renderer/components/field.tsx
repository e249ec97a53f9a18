/**
 * Label, hint, error and control, tied together for assistive technology.
 *
 * The error sits between the hint and the control and is referenced by `aria-describedby`, and the
 * control carries `aria-invalid`, so a screen reader reads the message when the field is focused.
 */
import type { ReactNode } from 'react';
import { strings } from '../strings';

export interface FieldShellProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly optional?: boolean;
  readonly children: ReactNode;
}

/** The ids a control should list in `aria-describedby`, or undefined when there are none. */
export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(
    (value): value is string => value !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function FieldShell({ id, label, hint, error, optional = false, children }: FieldShellProps) {
  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> ({strings.forms.optional})</span>}
      </label>
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && <FieldErrorText id={`${id}-error`} message={error} />}
      {children}
    </div>
  );
}

export function FieldErrorText({ id, message }: { readonly id: string; readonly message: string }) {
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{strings.forms.errorPrefix} </span>
      {message}
    </p>
  );
}

export interface TextFieldProps extends Omit<FieldShellProps, 'children'> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'email' | 'password';
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'email' | 'numeric' | 'url';
  readonly placeholder?: string | undefined;
  readonly size?: 'full' | 'short';
  /** Values the browser offers while typing (a <datalist>), e.g. the client names already in use. */
  readonly suggestions?: readonly string[];
}

export function TextField(props: TextFieldProps) {
  const {
    id,
    hint,
    error,
    value,
    onChange,
    type = 'text',
    autoComplete = 'off',
    inputMode,
    placeholder,
    suggestions,
  } = props;
  const listId = suggestions === undefined || suggestions.length === 0 ? undefined : `${id}-suggestions`;
  return (
    <FieldShell {...props}>
      {listId !== undefined && (
        <datalist id={listId}>
          {suggestions?.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      )}
      <input
        id={id}
        name={id}
        className={props.size === 'short' ? 'input input--short' : 'input'}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        list={listId}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldShell>
  );
}
