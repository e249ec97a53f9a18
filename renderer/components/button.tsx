/** The app's one button: a few visual weights, and a busy state that keeps focus where it was. */
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  readonly variant?: ButtonVariant;
  /**
   * While true the button ignores presses and shows `busyLabel`. It stays focusable (never `disabled`),
   * so focus is not lost; `aria-disabled` makes it ignore presses the same way.
   */
  readonly busy?: boolean;
  readonly busyLabel?: string;
  readonly children: ReactNode;
  readonly ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  busy = false,
  busyLabel,
  children,
  onClick,
  type,
  ...rest
}: ButtonProps) {
  const inert = busy || rest['aria-disabled'] === true;
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={`button button--${variant}`}
      aria-disabled={inert || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        if (inert) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
