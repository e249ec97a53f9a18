/**
 * Terminal tables. Text from outside (DNS records, account labels, server replies) goes through the
 * terminal policy of preload/contract/untrusted-text.ts: control characters, including ESC, could rewrite
 * the screen or hide text (terminal escape injection), so they are shown as visible ⟨U+XXXX⟩ marks.
 */
import { terminalText } from '../../preload/contract/untrusted-text';

/** Lays out rows as aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((row) => row.map(terminalText));
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
