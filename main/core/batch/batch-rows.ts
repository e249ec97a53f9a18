/**
 * CSV records to typed batch rows: one account, server or domain per row, or the reason the row cannot
 * run, always with its line number so the consultant can find it in the spreadsheet.
 *
 * Columns are found by their header names, so a spreadsheet with the columns in another order still
 * works; the values are checked with the same rules as adding an account by hand.
 */
import { excerpt } from '../../../preload/contract/untrusted-text';
import { SECURITY_MODES, type SecurityMode } from '../../../preload/contract/accounts';
import { toAsciiDomain, validateHostOrIp } from '../accounts/domain-name';
import { validateAccountInput } from '../accounts/validation';
import { parseCsv, type CsvRecord, type CsvRecordError } from './csv-parse';

export const BATCH_COLUMNS = ['client', 'target', 'host', 'port', 'security', 'user'] as const;
/** The incoming (IMAP/POP3) server: optional columns, all four or none in the header. */
export const INCOMING_BATCH_COLUMNS = [
  'incomingProtocol',
  'incomingHost',
  'incomingPort',
  'incomingSecurity',
] as const;
export type BatchColumn = (typeof BATCH_COLUMNS)[number] | (typeof INCOMING_BATCH_COLUMNS)[number];
const ALL_COLUMNS: readonly BatchColumn[] = [...BATCH_COLUMNS, ...INCOMING_BATCH_COLUMNS];

/** Header spellings people use for each column (compared lower-case, spaces and _ folded). */
const HEADER_NAMES: Readonly<Record<BatchColumn, readonly string[]>> = {
  client: ['client', 'customer'],
  target: ['email or domain', 'email/domain', 'target', 'email', 'domain', 'address'],
  host: ['host', 'server', 'smtp host'],
  port: ['port'],
  security: ['security', 'tls'],
  user: ['user', 'username', 'login'],
  incomingProtocol: ['incoming protocol', 'imap or pop3'],
  incomingHost: ['incoming host', 'imap host', 'pop3 host'],
  incomingPort: ['incoming port'],
  incomingSecurity: ['incoming security'],
};

export const EXPECTED_HEADER = 'client,email or domain,host,port,security,user';
/** Added after EXPECTED_HEADER to audit each row's incoming server too. */
export const INCOMING_HEADER = 'incoming protocol,incoming host,incoming port,incoming security';

const PORT_MIN = 1;
const PORT_MAX = 65_535;
const PORT_DIGITS = /^[0-9]{1,5}$/;
/** Client names and usernames: the same bounds as the account form. */
const CLIENT_MAX_CHARS = 200;
const USER_MAX_CHARS = 320;
const QUOTE_MAX_CHARS = 60;
const CONTROL_CHARACTER = /\p{Cc}/u;

export type BatchTarget =
  | { readonly kind: 'email'; readonly email: string; readonly domain: string }
  | { readonly kind: 'domain'; readonly domain: string };

export interface BatchServer {
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
}

export interface BatchIncoming extends BatchServer {
  readonly protocol: 'imap' | 'pop3';
}

export interface BatchRow {
  readonly kind: 'row';
  readonly line: number;
  readonly client: string;
  readonly target: BatchTarget;
  /** Null when host, port and security are all empty (a saved account or a bare domain). */
  readonly server: BatchServer | null;
  /** Empty when the column is empty. */
  readonly user: string;
  /** Null when the incoming columns are absent or all empty. */
  readonly incoming: BatchIncoming | null;
}

export interface BatchRowProblem {
  readonly kind: 'problem';
  readonly line: number;
  /** As written in the file (for the index), possibly empty. */
  readonly client: string;
  readonly target: string;
  readonly reason: string;
}

export type HeaderResult =
  | {
      readonly ok: true;
      readonly columns: Readonly<Partial<Record<BatchColumn, number>>>;
      readonly width: number;
    }
  | { readonly ok: false; readonly message: string };

function fold(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
}

function quote(text: string): string {
  return `"${excerpt(text, QUOTE_MAX_CHARS)}"`;
}

/** Finds each column in the header row; every column must be there exactly once. */
export function readHeader(record: CsvRecord | CsvRecordError | undefined): HeaderResult {
  const expected = `The first line must be the header ${EXPECTED_HEADER}`;
  if (record === undefined) return { ok: false, message: `The file is empty. ${expected}.` };
  if (record.kind === 'error')
    return { ok: false, message: `Line ${String(record.line)} (the header): ${record.message}.` };
  const columns: Partial<Record<BatchColumn, number>> = {};
  const unknown: string[] = [];
  for (const [position, raw] of record.fields.entries()) {
    const name = fold(raw);
    const column = ALL_COLUMNS.find((c) => HEADER_NAMES[c].includes(name));
    if (column === undefined) unknown.push(quote(raw));
    else if (columns[column] !== undefined)
      return { ok: false, message: `The header names the ${column} column twice. ${expected}.` };
    else columns[column] = position;
  }
  const incomingGiven = INCOMING_BATCH_COLUMNS.filter((c) => columns[c] !== undefined);
  const missing = [
    ...BATCH_COLUMNS.filter((c) => columns[c] === undefined),
    ...(incomingGiven.length > 0 ? INCOMING_BATCH_COLUMNS.filter((c) => columns[c] === undefined) : []),
  ];
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...(unknown.length > 0 ? [`unknown column ${unknown.join(', ')}`] : []),
      ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ];
    return { ok: false, message: `${expected} (${parts.join('; ')}).` };
  }
  return { ok: true, columns, width: record.fields.length };
}

export type BatchFile =
  | { readonly ok: true; readonly rows: readonly (BatchRow | BatchRowProblem)[] }
  | { readonly ok: false; readonly message: string };

/** The whole file: header first, then one row or problem per record, in file order. */
export function readBatchFile(text: string): BatchFile {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [first, ...rest] = parsed.records;
  const header = readHeader(first);
  if (!header.ok) return header;
  if (rest.length === 0)
    return { ok: false, message: 'The file has a header but no rows: add one row per account or domain.' };
  return { ok: true, rows: rest.map((record) => readRow(record, header.columns, header.width)) };
}

/** One data record to a row, or to the first problem that stops it from running. */
export function readRow(
  record: CsvRecord | CsvRecordError,
  columns: Readonly<Partial<Record<BatchColumn, number>>>,
  width: number = BATCH_COLUMNS.length,
): BatchRow | BatchRowProblem {
  if (record.kind === 'error')
    return { kind: 'problem', line: record.line, client: '', target: '', reason: record.message };
  const cell = (column: BatchColumn): string => {
    const position = columns[column];
    return position === undefined ? '' : (record.fields[position] ?? '').trim();
  };
  const client = cell('client');
  const targetText = cell('target');
  const problem = (reason: string): BatchRowProblem => ({
    kind: 'problem',
    line: record.line,
    client,
    target: targetText,
    reason,
  });
  if (record.fields.length !== width) {
    return problem(
      `it has ${String(record.fields.length)} fields where the header has ${String(width)} (${EXPECTED_HEADER}); a comma inside a value needs the value in double quotes`,
    );
  }
  const clientProblem = textProblem('the client name', client, CLIENT_MAX_CHARS);
  if (clientProblem !== null) return problem(clientProblem);
  const user = cell('user');
  const userProblem = textProblem('the user', user, USER_MAX_CHARS);
  if (userProblem !== null) return problem(userProblem);
  if (targetText === '') return problem('the email or domain is empty');

  const server = readServer(cell('host'), cell('port'), cell('security'));
  if (!server.ok) return problem(server.message);
  const target = readTarget(targetText, server.value);
  if (!target.ok) return problem(target.message);
  const incoming = readIncoming(
    cell('incomingProtocol'),
    cell('incomingHost'),
    cell('incomingPort'),
    cell('incomingSecurity'),
  );
  if (!incoming.ok) return problem(incoming.message);
  if (incoming.value !== null && target.value.kind === 'domain')
    return problem('an incoming server needs an email address in the email or domain column, not a domain');
  return {
    kind: 'row',
    line: record.line,
    client,
    target: target.value,
    server: server.value,
    user,
    incoming: incoming.value,
  };
}

/** The incoming columns: all four, or all empty; the same rules as the sending server's. */
function readIncoming(
  protocol: string,
  host: string,
  port: string,
  security: string,
): Checked<BatchIncoming | null> {
  if (protocol === '' && host === '' && port === '' && security === '') return { ok: true, value: null };
  const name = protocol.toLowerCase();
  if (name !== 'imap' && name !== 'pop3')
    return {
      ok: false,
      message: `the incoming protocol ${quote(protocol)} is unknown; use imap or pop3 (or leave the four incoming columns empty)`,
    };
  const server = readServer(host, port, security);
  if (!server.ok) return { ok: false, message: `incoming server: ${server.message}` };
  if (server.value === null)
    return { ok: false, message: 'incoming server: give its host, port and security with its protocol' };
  return { ok: true, value: { ...server.value, protocol: name } };
}

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function textProblem(name: string, text: string, maxChars: number): string | null {
  if (CONTROL_CHARACTER.test(text))
    return `${name} contains a control character (such as a tab or line break)`;
  if (text.length > maxChars)
    return `${name} is ${String(text.length)} characters long; the limit is ${String(maxChars)}`;
  return null;
}

function readServer(host: string, port: string, security: string): Checked<BatchServer | null> {
  if (host === '' && port === '' && security === '') return { ok: true, value: null };
  if (host === '' || port === '' || security === '') {
    return {
      ok: false,
      message:
        'give host, port and security together, or leave all three empty (for a saved account or a domain-only audit)',
    };
  }
  const checkedHost = validateHostOrIp(host);
  if (!checkedHost.ok)
    return { ok: false, message: `the host ${quote(host)} is not valid: ${checkedHost.reason}` };
  const portNumber = PORT_DIGITS.test(port) ? Number(port) : Number.NaN;
  if (!Number.isInteger(portNumber) || portNumber < PORT_MIN || portNumber > PORT_MAX) {
    return {
      ok: false,
      message: `the port must be a whole number from ${String(PORT_MIN)} to ${String(PORT_MAX)}, not ${quote(port)}`,
    };
  }
  const mode = security.toLowerCase();
  if (!isSecurityMode(mode)) {
    const hint = mode === 'ssl' ? ' (what other apps call SSL is tls here)' : '';
    return {
      ok: false,
      message: `the security mode ${quote(security)} is unknown; use tls, starttls or none${hint}`,
    };
  }
  return { ok: true, value: { host: checkedHost.value, port: portNumber, security: mode } };
}

function readTarget(text: string, server: BatchServer | null): Checked<BatchTarget> {
  if (!text.includes('@')) {
    const domain = toAsciiDomain(text);
    return domain.ok
      ? { ok: true, value: { kind: 'domain', domain: domain.value } }
      : { ok: false, message: `the domain ${quote(text)} is not valid: ${domain.reason}` };
  }
  // The account form's own rules decide what an address is; the server fields are checked above.
  const checked = validateAccountInput({
    email: text,
    host: server?.host ?? 'smtp.example.com',
    port: server?.port ?? PORT_MIN,
    security: server?.security ?? 'tls',
  });
  if (checked.ok)
    return { ok: true, value: { kind: 'email', email: checked.value.email, domain: checked.value.domain } };
  const message =
    checked.errors.find((error) => error.field === 'email')?.message ?? checked.errors[0]?.message;
  return { ok: false, message: message ?? `the email address ${quote(text)} is not valid` };
}

function isSecurityMode(value: string): value is SecurityMode {
  return (SECURITY_MODES as readonly string[]).includes(value);
}
