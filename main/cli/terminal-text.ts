/**
 * Text from outside (DNS records, account labels, server replies) printed safely on a terminal.
 *
 * Control characters, including ESC, could rewrite the screen or hide text (terminal escape
 * injection), so they are shown as visible \xNN escapes instead of being sent to the terminal.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (char) => `\\x${char.codePointAt(0)?.toString(16).padStart(2, '0') ?? ''}`,
  );
}

/** Lays out rows as aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((row) => row.map(terminalSafe));
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
