/** Pure helpers for History: how a run's date reads, and which two runs are chosen for comparing. */

/** Seconds too: two tests of one account can finish within the same minute. */
const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
/** Two runs at most are compared: the older choice gives way to a third. */
const MAX_SELECTED = 2;

/** A run's finish time in the person's own locale and time zone. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, DATE_FORMAT);
}

/** The new selection after a checkbox changed; choosing a third run drops the first one chosen. */
export function toggleSelection(selected: readonly string[], runId: string, on: boolean): string[] {
  const rest = selected.filter((id) => id !== runId);
  if (!on) return rest;
  return [...rest, runId].slice(-MAX_SELECTED);
}
