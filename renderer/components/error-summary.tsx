/**
 * The list of problems at the top of a form after a failed save. It takes focus so the person hears
 * it at once, and each entry moves focus to the field it is about.
 */
import { useEffect, useRef } from 'react';
import { strings } from '../strings';

export interface SummaryItem {
  /** id of the input to focus. */
  readonly fieldId: string;
  readonly message: string;
}

export interface ErrorSummaryProps {
  readonly message: string;
  readonly items: readonly SummaryItem[];
  /** Changes on every failed attempt, so focus returns here each time. */
  readonly attempt: number;
}

export function ErrorSummary({ message, items, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  return (
    <div
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <span className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        <p className="notice__title" id="error-summary-title">
          {items.length > 0 ? strings.forms.summaryTitle : message}
        </p>
        {/* With field messages, main's overall message only repeats them; each one links to its field. */}
        {items.length > 0 && (
          <ul className="error-summary__list">
            {items.map((item) => (
              <li key={item.fieldId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    document.getElementById(item.fieldId)?.focus();
                  }}
                >
                  {item.message}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
