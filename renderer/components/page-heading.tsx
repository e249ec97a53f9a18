/**
 * A screen's h1. When the screen was reached by an action, focus moves here so keyboard and
 * screen-reader users start at the top of the new screen instead of on a button that vanished.
 */
import { useEffect, useRef } from 'react';

export interface PageHeadingProps {
  readonly children: string;
  readonly focusOnMount: boolean;
  readonly id?: string;
}

export function PageHeading({ children, focusOnMount, id }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 className="page-title" tabIndex={-1} ref={ref} id={id}>
      {children}
    </h1>
  );
}
