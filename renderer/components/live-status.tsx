/**
 * A polite live region that is always in the page, so screen readers announce each new message.
 *
 * A region created together with its text is often not announced; this one exists from the start
 * and only its text changes.
 */
export interface LiveStatusProps {
  readonly message: string;
  /** Visible status text for everyone, not only for screen readers. */
  readonly visible?: boolean;
}

export function LiveStatus({ message, visible = true }: LiveStatusProps) {
  return (
    <p role="status" aria-live="polite" className={visible ? 'live-status' : 'visually-hidden'}>
      {message}
    </p>
  );
}
