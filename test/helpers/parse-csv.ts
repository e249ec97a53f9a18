/** A strict RFC 4180 reader (section 2), written independently of the renderers, to read their output back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted field at ${String(i)}`);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '\n' || char === '\r') throw new Error(`bare line break at ${String(i)}`);
    else cell += char;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

/**
 * How a spreadsheet whose locale's list separator is `separator` (";" in much of Europe) splits a file:
 * a quote is special only at the start of a cell; after a closing quote, text runs on literally until the
 * next separator. A comma-separated file read this way starts new cells wherever a ";" stands outside a
 * cell-opening quote, which is how formula injection reaches those users.
 */
export function readCsvAsSpreadsheet(text: string, separator: string): string[][] {
  return text
    .split(/\r\n/)
    .filter((line) => line !== '')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let atStart = true;
      let quoted = false;
      for (let i = 0; i < line.length; i += 1) {
        const char = line.charAt(i);
        if (quoted) {
          if (char === '"' && line[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else if (char === '"') quoted = false;
          else cell += char;
        } else if (char === separator) {
          cells.push(cell);
          cell = '';
          atStart = true;
          continue;
        } else if (char === '"' && atStart) quoted = true;
        else cell += char;
        atStart = false;
      }
      cells.push(cell);
      return cells;
    });
}
