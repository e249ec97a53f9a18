/**
 * Turns what a person typed for an account into the normalised fields Mailwarden stores, or into one
 * message per problem, each tied to the field it is about so the form can show it in place.
 *
 * The IPC schemas (preload/contract/schemas.ts) already capped sizes and types; this decides meaning.
 * Messages never quote the username (for some providers it is an API token).
 */
import { excerpt } from '../../../preload/contract/untrusted-text';
import {
  SECURITY_MODES,
  type Account,
  type AccountInput,
  type SecurityMode,
} from '../../../preload/contract/accounts';
import { checkIncomingServer } from './incoming-validation';
import { checkSignInMethod } from '../oauth/sign-in-validation';
import type { FieldError } from '../../../preload/contract/outcome';
import { MAX_NAME_OCTETS, toAsciiDomain, toAsciiRelativeName, validateHostOrIp } from './domain-name';
import { findPresetById } from './provider-presets';

/** An account without its identity and timestamps: what the account service stores after validation. */
export type ValidAccountFields = Omit<Account, 'id' | 'createdAt' | 'updatedAt'>;

export type AccountValidation =
  | { readonly ok: true; readonly value: ValidAccountFields }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** RFC 5321 section 4.5.3.1.1: a local part is at most 64 octets. */
const LOCAL_PART_MAX_OCTETS = 64;
/** RFC 5321 section 4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
const ADDRESS_MAX_OCTETS = 254;
const PORT_MIN = 1;
const PORT_MAX = 65_535;
/** Same limits as the IPC schema, so a form never passes one check and fails the other. */
const LABEL_MAX_CHARS = 200;
const CLIENT_GROUP_MAX_CHARS = 200;
const USERNAME_MAX_CHARS = 320;
/** How much of a value a message quotes back. */
const QUOTE_MAX_CHARS = 60;
/** `<selector>._domainkey.<domain>` is where a DKIM key lives (RFC 6376 section 3.6.2.1). */
const DKIM_SUBDOMAIN = '._domainkey.';

const CONTROL_CHARACTER = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * The first character that is neither a dot nor RFC 5322 section 3.2.3 atext, where atext also takes any
 * non-ASCII character (RFC 6531 section 3.3).
 */
const NOT_DOT_ATOM = /[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.\P{ASCII}]/u;
/** RFC 5321 section 4.1.2 quoted-pairSMTP: a backslash before a printable ASCII character or space. */
const QUOTED_PAIR_TARGET = /^[\x20-\x7e]$/;

const SECURITY_MESSAGE =
  'Security must be one of: tls (implicit TLS, usually port 465), starttls (usually 587), none.';

const encoder = new TextEncoder();
const octets = (text: string): number => encoder.encode(text).length;

/** A short, printable excerpt of user input for a message. */
function quote(text: string): string {
  return `"${excerpt(text, QUOTE_MAX_CHARS)}"`;
}

function isSecurityMode(value: string): value is SecurityMode {
  return (SECURITY_MODES as readonly string[]).includes(value);
}

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const bad = <T>(message: string): Checked<T> => ({ ok: false, message });

/** Splits an address at its one `@` outside quotes (RFC 5321 section 4.1.2 Mailbox = Local-part "@" Domain). */
function splitAddress(
  text: string,
): Checked<{ readonly local: string; readonly domain: string; readonly quoted: boolean }> {
  if (!text.startsWith('"')) {
    const at = text.indexOf('@');
    if (at === -1)
      return bad('Email address needs an @ between the name and the domain, such as name@example.com.');
    return { ok: true, value: { local: text.slice(0, at), domain: text.slice(at + 1), quoted: false } };
  }
  // RFC 5321 section 4.1.2 Quoted-string: qtextSMTP and backslash pairs between double quotes.
  for (let index = 1; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\') {
      if (!QUOTED_PAIR_TARGET.test(text.charAt(index + 1))) {
        return bad(
          'Email address has a backslash inside quotes that is not followed by a printable character.',
        );
      }
      index += 1;
    } else if (char === '"') {
      if (text.charAt(index + 1) !== '@')
        return bad('Email address: a quoted name must be followed directly by @ and the domain.');
      return {
        ok: true,
        value: { local: text.slice(0, index + 1), domain: text.slice(index + 2), quoted: true },
      };
    }
  }
  return bad('Email address opens a quote before the @ but never closes it.');
}

/** RFC 5322 section 3.4.1 dot-atom local part: atext runs separated by single dots. */
function dotAtomProblem(local: string): string | null {
  if (local.includes(' '))
    return 'Email address contains a space before the @; spaces are only allowed inside a quoted name.';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'Email address: the part before the @ cannot start or end with a dot or have two dots in a row.';
  }
  const odd = NOT_DOT_ATOM.exec(local);
  return odd === null
    ? null
    : `Email address contains ${quote(odd[0])} before the @, which is only allowed inside a quoted name.`;
}

/** Checks an address and returns it with its domain in lower-case ASCII (the local part is case-sensitive). */
function checkEmail(raw: string): Checked<{ readonly email: string; readonly domain: string }> {
  const text = raw.trim();
  if (text === '') return bad('Email address is required, such as name@example.com.');
  // RFC 5321 section 4.1.2 allows no control characters anywhere, not even quoted.
  if (CONTROL_CHARACTER.test(text) || LONE_SURROGATE.test(text)) {
    return bad(
      'Email address contains a control character (such as a tab or line break) or a broken character; remove it.',
    );
  }
  const parts = splitAddress(text);
  if (!parts.ok) return parts;
  const { local, domain, quoted } = parts.value;
  if (domain.includes('@')) {
    return bad(
      'Email address has more than one @; an address has exactly one (an @ in the name part must be inside quotes).',
    );
  }
  if (local === '') return bad('Email address has nothing before the @.');
  const localProblem = quoted ? null : dotAtomProblem(local);
  if (localProblem !== null) return bad(localProblem);
  if (octets(local) > LOCAL_PART_MAX_OCTETS) {
    return bad(
      `Email address: the part before the @ is ${octets(local)} bytes long; the limit is ${LOCAL_PART_MAX_OCTETS} (accented letters count as two or more).`,
    );
  }
  if (domain === '')
    return bad('Email address has nothing after the @; add the domain, such as example.com.');
  if (domain.startsWith('['))
    return bad('Email address must have a domain name after the @, not an IP address in brackets.');
  const asciiDomain = toAsciiDomain(domain);
  if (!asciiDomain.ok)
    return bad(`Email address domain ${quote(domain)} is not valid: ${asciiDomain.reason}.`);
  const email = `${local}@${asciiDomain.value}`;
  if (octets(email) > ADDRESS_MAX_OCTETS) {
    return bad(`Email address is ${octets(email)} bytes long; the limit is ${ADDRESS_MAX_OCTETS}.`);
  }
  return { ok: true, value: { email, domain: asciiDomain.value } };
}

function checkPort(port: unknown): Checked<number> {
  const expected = `Port must be a whole number from ${PORT_MIN} to ${PORT_MAX}`;
  if (typeof port !== 'number' || Number.isNaN(port))
    return bad(`${expected}; the value given is not a number.`);
  if (!Number.isInteger(port)) return bad(`${expected}; ${port} is not a whole number.`);
  if (port < PORT_MIN) return bad(`${expected}; ${port} is too low.`);
  if (port > PORT_MAX) return bad(`${expected}; ${port} is too high.`);
  return { ok: true, value: port };
}

function checkSecurity(security: string): Checked<SecurityMode> {
  if (isSecurityMode(security)) return { ok: true, value: security };
  const hint = security.trim().toLowerCase() === 'ssl' ? ' What other apps call SSL is tls here.' : '';
  return bad(`${SECURITY_MESSAGE} ${quote(security)} is not one of them.${hint}`);
}

/** Free text shown in lists: trimmed, no control characters, bounded. Empty stays empty for the caller to default. */
/**
 * A client group's name on its own (renaming a client): trimmed, no control characters, not empty.
 * Returns the name as it will be saved, or a sentence for the field.
 */
export function checkClientGroupName(raw: string): Checked<string> {
  const checked = checkText('Client name', raw, CLIENT_GROUP_MAX_CHARS);
  if (checked.ok && checked.value === '') return bad('Client name is empty; type the name to use.');
  return checked;
}

function checkText(name: string, raw: string | undefined, maxChars: number): Checked<string> {
  const text = (raw ?? '').trim();
  if (CONTROL_CHARACTER.test(text))
    return bad(`${name} contains a control character (such as a tab or line break); remove it.`);
  if (text.length > maxChars)
    return bad(`${name} is ${text.length} characters long; the limit is ${maxChars}.`);
  return { ok: true, value: text };
}

/** DKIM selectors (RFC 6376 section 3.1: dot-separated labels), lower-cased, duplicates dropped. */
function checkSelectors(
  raw: readonly string[],
  domain: string | null,
): { selectors: string[]; messages: string[] } {
  const selectors: string[] = [];
  const messages: string[] = [];
  raw.forEach((entry, index) => {
    const position = `DKIM selector ${index + 1}`;
    if (entry.trim() === '') {
      messages.push(
        `${position} is empty; enter a selector such as "google" or "selector1", or remove the entry.`,
      );
      return;
    }
    const name = toAsciiRelativeName(entry, { allowUnderscore: true });
    if (!name.ok) {
      messages.push(
        `${position} ${quote(entry)} is not valid: ${name.reason}. A selector is one or more labels separated by dots, such as "s1" or "2024.mail".`,
      );
      return;
    }
    const keyName = domain === null ? '' : `${name.value}${DKIM_SUBDOMAIN}${domain}`;
    if (keyName.length > MAX_NAME_OCTETS) {
      messages.push(
        `${position} ${quote(entry)} is too long: ${quote(keyName)} would be ${keyName.length} characters; DNS names have at most ${MAX_NAME_OCTETS}.`,
      );
      return;
    }
    if (!selectors.includes(name.value)) selectors.push(name.value);
  });
  return { selectors, messages };
}

/**
 * Validates and normalises an account. Every problem is reported, each naming its field.
 *
 * Defaults: label -> the email address; username -> the preset's fixed username, else the email address;
 * domain -> the email address's domain; empty client group and preset -> null.
 */
export function validateAccountInput(input: AccountInput): AccountValidation {
  const presetId = (input.presetId ?? '').trim();
  const preset = presetId === '' ? undefined : findPresetById(presetId);
  // Reported in form order: each check below appends its own messages.
  const errors: FieldError[] = [];
  const report = (field: keyof AccountInput, message: string): void => {
    errors.push({ field, message });
  };

  const label = checkText('Label', input.label, LABEL_MAX_CHARS);
  if (!label.ok) report('label', label.message);

  const email = checkEmail(input.email);
  if (!email.ok) report('email', email.message);

  let domain: string | null = email.ok ? email.value.domain : null;
  if (input.domain !== undefined && input.domain.trim() !== '') {
    const given = toAsciiDomain(input.domain);
    domain = given.ok ? given.value : null;
    if (!given.ok)
      report(
        'domain',
        `Domain ${quote(input.domain)} is not valid: ${given.reason}. Enter a domain such as example.com, or leave it empty to use the email address's domain.`,
      );
  }

  const host = validateHostOrIp(input.host);
  if (!host.ok) {
    const shown =
      input.host.trim() === ''
        ? 'Server host is required'
        : `Server host ${quote(input.host)} is not valid: ${host.reason}`;
    report('host', `${shown}. Enter a server name such as smtp.example.com, or an IP address.`);
  }

  const port = checkPort(input.port);
  if (!port.ok) report('port', port.message);

  const security = checkSecurity(input.security);
  if (!security.ok) report('security', security.message);

  const username = checkText('Username', input.username, USERNAME_MAX_CHARS);
  if (!username.ok) report('username', username.message);
  const fixedUsername = preset?.fixedUsername;
  if (
    username.ok &&
    fixedUsername !== undefined &&
    username.value !== '' &&
    username.value !== fixedUsername
  ) {
    report(
      'username',
      `${preset?.name ?? 'This provider'} needs the username ${fixedUsername}; enter it, or leave Username empty to fill it in.`,
    );
  }

  const selectors = checkSelectors(input.dkimSelectors ?? [], domain);
  for (const message of selectors.messages) report('dkimSelectors', message);

  const clientGroup = checkText('Client group', input.clientGroup, CLIENT_GROUP_MAX_CHARS);
  if (!clientGroup.ok) report('clientGroup', clientGroup.message);

  if (presetId !== '' && preset === undefined) {
    report(
      'presetId',
      `Provider preset ${quote(presetId)} is not known; choose one from the list or leave it empty.`,
    );
  }

  const incoming =
    input.incoming === undefined || input.incoming === null
      ? ({ ok: true, value: null } as const)
      : checkIncomingServer(input.incoming, {
          checkPort,
          checkSecurity,
          checkUsername: (raw) => checkText('Incoming username', raw, USERNAME_MAX_CHARS),
        });
  if (!incoming.ok) for (const message of incoming.messages) report('incoming', message);

  const signIn = checkSignInMethod(input.signIn);
  if (!signIn.ok) for (const message of signIn.messages) report('signIn', message);

  if (
    errors.length > 0 ||
    !incoming.ok ||
    !signIn.ok ||
    !label.ok ||
    !email.ok ||
    domain === null ||
    !host.ok ||
    !port.ok ||
    !security.ok ||
    !username.ok ||
    !clientGroup.ok
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      label: label.value === '' ? email.value.email : label.value,
      email: email.value.email,
      domain,
      host: host.value,
      port: port.value,
      security: security.value,
      username: username.value === '' ? (fixedUsername ?? email.value.email) : username.value,
      dkimSelectors: selectors.selectors,
      clientGroup: clientGroup.value === '' ? null : clientGroup.value,
      presetId: preset === undefined ? null : preset.id,
      incoming:
        incoming.value === null
          ? null
          : {
              ...incoming.value,
              // Reading usually signs in with the same name as sending (RFC 6186 section 3.1 shares it too).
              username:
                incoming.value.username === ''
                  ? username.value === ''
                    ? (fixedUsername ?? email.value.email)
                    : username.value
                  : incoming.value.username,
            },
      signIn: signIn.value,
    },
  };
}
