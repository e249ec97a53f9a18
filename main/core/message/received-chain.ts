/**
 * The path a message took, from its Received lines (RFC 5321 section 4.4), top (last hop) first.
 *
 * Each receiving server prepends one line: who handed it the message (from, with the address it saw
 * in brackets), itself (by), the protocol (with: RFC 3848 says ESMTPS means TLS was used, ESMTPA a login,
 * ESMTPSA both), and after the last ";" the time it took the message. TLS versions and suites are not
 * standardised; the notations of Postfix, Exim, Gmail and Microsoft 365 are read.
 */
import { MAX_RECEIVED_JUDGED } from './message-limits';

export interface ReceivedHop {
  /** 1 is the top line, added by the final receiver. */
  readonly index: number;
  readonly from: string | null;
  readonly fromIp: string | null;
  readonly by: string | null;
  readonly protocol: string | null;
  readonly tlsVersion: string | null;
  readonly tlsCipher: string | null;
  /** Whether the protocol or a recorded TLS version says the hop was encrypted; null when it does not say. */
  readonly encrypted: boolean | null;
  /** ISO time from after the last ";", or null when missing or unreadable. */
  readonly at: string | null;
  /** Seconds since the hop below stamped the message; negative means a server's clock is wrong. */
  readonly delaySeconds: number | null;
}

export interface ReceivedChain {
  readonly hops: readonly ReceivedHop[];
  /** Received lines in the message, judged or not. */
  readonly total: number;
}

const IP_IN_BRACKETS = /\[(?:IPv6:)?([0-9a-fA-F:.]{2,45})\]/i;
const TLS_PATTERNS: readonly RegExp[] = [
  // Postfix: (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
  /\busing (TLSv1(?:\.[0-3])?|SSLv3) with cipher ([A-Za-z0-9_-]+)/,
  // Gmail, Microsoft 365: (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128) / (version=TLS1_2, cipher=...)
  /\bversion=(TLS1_[0-3]|TLSv1(?:\.[0-3])?)[ ,]+cipher=([A-Za-z0-9_-]+)/,
  // Exim: (TLS1.3) tls TLS_AES_256_GCM_SHA384, or X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256
  /\(?(TLS1\.[0-3])\)?\s*(?:tls |:)([A-Za-z0-9_-]+)/,
];

export function readReceivedChain(values: readonly string[], receivedTotal: number): ReceivedChain {
  const judged = values.slice(0, MAX_RECEIVED_JUDGED);
  const times = judged.map(timeOf);
  const hops = judged.map((value, i): ReceivedHop => {
    const clauses = value.slice(0, lastSemicolon(value));
    // Comments may hold words of their own ("using TLSv1.3 with cipher ..."): "by" and "with" are read
    // outside them. The from clause keeps its comment, where the address in brackets is.
    const bare = withoutComments(clauses);
    const fromPart = /^\s*from\s+([\s\S]*?)(?=\s\bby\s|$)/i.exec(clauses)?.[1] ?? null;
    const protocol = /\bwith\s+([A-Za-z0-9_-]+)/i.exec(bare)?.[1] ?? null;
    const tls = tlsOf(clauses);
    const below = times[i + 1];
    const here = times[i];
    return {
      index: i + 1,
      from: fromPart === null ? null : (/^([^\s()]+)/.exec(fromPart)?.[1] ?? null),
      fromIp: fromPart === null ? null : (IP_IN_BRACKETS.exec(fromPart)?.[1] ?? null),
      by: /\bby\s+([^\s;()]+)/i.exec(bare)?.[1] ?? null,
      protocol,
      tlsVersion: tls?.version ?? null,
      tlsCipher: tls?.cipher ?? null,
      encrypted: encryptedBy(protocol, tls !== null),
      at: here === undefined || here === null ? null : new Date(here).toISOString(),
      delaySeconds:
        here === undefined || here === null || below === undefined || below === null
          ? null
          : Math.round((here - below) / 1000),
    };
  });
  return { hops, total: receivedTotal };
}

/**
 * The clauses with their comments (RFC 5322 section 3.2.2: parenthesised, nestable, with quoted-pairs)
 * replaced by a space. An unclosed comment runs to the end, as a reader of the standard would take it.
 */
function withoutComments(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (depth > 0 && char === '\\') i += 1;
    else if (char === '(') {
      if (depth === 0) out += ' ';
      depth += 1;
    } else if (char === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += char;
  }
  return out;
}

function lastSemicolon(value: string): number {
  const at = value.lastIndexOf(';');
  return at === -1 ? value.length : at;
}

function timeOf(value: string): number | null {
  const at = value.lastIndexOf(';');
  if (at === -1) return null;
  // RFC 5322 section 3.3 date-time, possibly with a trailing comment such as "(PDT)".
  const parsed = Date.parse(
    value
      .slice(at + 1)
      .replace(/\([^)]*\)/g, '')
      .trim(),
  );
  return Number.isNaN(parsed) ? null : parsed;
}

function tlsOf(clauses: string): { version: string; cipher: string } | null {
  for (const pattern of TLS_PATTERNS) {
    const match = pattern.exec(clauses);
    if (match?.[1] !== undefined && match[2] !== undefined)
      return { version: normaliseTlsVersion(match[1]), cipher: match[2] };
  }
  return null;
}

/** "TLS1_3", "TLS1.3" and "TLSv1.3" all become "TLSv1.3"; "TLSv1" stays. */
function normaliseTlsVersion(text: string): string {
  return text.replace(/^TLS(?:v)?1[._]/i, 'TLSv1.');
}

/** RFC 3848 section 1: the "S" in ESMTPS, ESMTPSA, LMTPS, UTF8SMTPS marks a TLS-protected hop. */
function encryptedBy(protocol: string | null, tlsRecorded: boolean): boolean | null {
  if (tlsRecorded) return true;
  if (protocol === null) return null;
  const upper = protocol.toUpperCase();
  if (/^(?:UTF8)?(?:E?SMTP|LMTP)S/.test(upper)) return true;
  if (/^(?:UTF8)?(?:E?SMTP|LMTP)A?$/.test(upper)) return false;
  return null; // HTTP, "local", Microsoft's "Microsoft SMTP Server" without version: not said
}

/** Loopback, private, link-local and shared addresses (RFC 1918, RFC 6598, RFC 4193, RFC 4291). */
export function isInternalAddress(ip: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(ip);
  if (v4 !== null) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/**
 * The address that handed the message to the receiving organisation: the top hop from outside.
 *
 * A hop recorded as an authenticated submission (RFC 3848: ESMTPA, ESMTPSA) is a mail program logging in,
 * not a server relaying, and SPF (RFC 7208 section 2.1) is about servers: a message saved from the Sent
 * folder has only that hop, and judging the sender's home address against SPF would be wrong.
 */
export function firstExternalHop(chain: ReceivedChain): ReceivedHop | null {
  return (
    chain.hops.find(
      (hop) =>
        hop.fromIp !== null && !isInternalAddress(hop.fromIp) && !isAuthenticatedSubmission(hop.protocol),
    ) ?? null
  );
}

function isAuthenticatedSubmission(protocol: string | null): boolean {
  return protocol !== null && /^(?:UTF8)?(?:E?SMTP|LMTP)S?A$/i.test(protocol);
}
