/** A boxed message: warnings and errors the user must see, and confirmations of what just happened. */
import type { ReactNode, Ref } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  readonly tone: NoticeTone;
  readonly title?: string;
  /** `alert` interrupts a screen reader; use it only for something that just went wrong. */
  readonly role?: 'alert' | 'status';
  readonly children?: ReactNode;
  readonly ref?: Ref<HTMLDivElement>;
  readonly focusable?: boolean;
  readonly className?: string;
}

export function Notice({ tone, title, role, children, ref, focusable = false, className }: NoticeProps) {
  return (
    <div
      ref={ref}
      role={role}
      tabIndex={focusable ? -1 : undefined}
      className={`notice notice--${tone}${className === undefined ? '' : ` ${className}`}`}
    >
      <span className="notice__icon" aria-hidden="true" />
      <div className="notice__body">
        {title !== undefined && <p className="notice__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
