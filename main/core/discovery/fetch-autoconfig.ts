/**
 * Fetches a domain's own mail autoconfig file over HTTPS and says, per address tried, what happened.
 *
 * Where: Thunderbird looks at https://autoconfig.<domain>/mail/config-v1.1.xml and then
 * https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml (Thunderbird:Autoconfiguration, "Mechanisms").
 * Only HTTPS with a certificate that verifies: over plain HTTP anyone on the path could send the user to
 * their own server. Each fetch has a deadline and a byte cap (the HttpsFetcher port). A redirect is followed
 * once and only to the same host over HTTPS; a redirect to another host would let whoever controls the first
 * host hand the account to a third party, so it is refused with a reason.
 */
import type { HttpsFetcher, HttpsFetchResult } from '../checks/mta-sts/https-fetcher-port';
import { deadlineSignal } from '../deadline-signal';
import { parseAutoconfigFile, type AutoconfigFile } from './autoconfig-file';
import { AUTOCONFIG_XML_LIMITS } from './bounded-xml';

/** The two addresses Thunderbird tries on the domain itself, in its order. */
export function defaultAutoconfigUrls(domain: string): readonly string[] {
  return [
    `https://autoconfig.${domain}/mail/config-v1.1.xml`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

export interface AutoconfigAttempt {
  readonly url: string;
  /** What happened, in words ("Found 1 outgoing and 2 incoming servers.", "Refused: ..."). */
  readonly outcome: string;
}

export type AutoconfigLookup =
  | {
      readonly found: true;
      /** The address the file was read from. */
      readonly url: string;
      readonly file: AutoconfigFile;
      readonly attempts: readonly AutoconfigAttempt[];
    }
  | { readonly found: false; readonly attempts: readonly AutoconfigAttempt[] };

export interface AutoconfigDeps {
  readonly fetcher: HttpsFetcher;
  /** Domain to addresses; injectable so tests can serve the file from loopback. */
  readonly urlsFor?: (domain: string) => readonly string[];
  /** Deadline of each fetch (the addresses are fetched at once, so this is also the total). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Look for the autoconfig file of `domain` (ASCII); never throws for network trouble. */
export async function fetchAutoconfig(domain: string, deps: AutoconfigDeps): Promise<AutoconfigLookup> {
  const urls = (deps.urlsFor ?? defaultAutoconfigUrls)(domain);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Both addresses at once: an unreachable first host then costs one deadline, not two.
  const results = await Promise.all(urls.map((url) => fetchOne(url, domain, deps.fetcher, timeoutMs)));
  const attempts = results.map((result) => result.attempt);
  const hit = results.find((result) => result.file !== null);
  if (hit === undefined || hit.file === null) return { found: false, attempts };
  // Later addresses were fetched too but not needed: say so rather than show their outcome as a choice.
  const used = results.indexOf(hit);
  return {
    found: true,
    url: hit.attempt.url,
    file: hit.file,
    attempts: attempts.slice(0, used + 1),
  };
}

interface OneResult {
  readonly attempt: AutoconfigAttempt;
  readonly file: AutoconfigFile | null;
}

async function fetchOne(
  url: string,
  domain: string,
  fetcher: HttpsFetcher,
  timeoutMs: number,
): Promise<OneResult> {
  const started = Date.now();
  const miss = (outcome: string): OneResult => ({ attempt: { url, outcome }, file: null });
  let address = url;
  for (let hop = 0; hop < 2; hop += 1) {
    const remaining = timeoutMs - (Date.now() - started);
    if (remaining <= 0) return miss('No answer within the deadline.');
    const answer = await withinDeadline(
      fetcher.fetchText({
        url: address,
        maxBytes: AUTOCONFIG_XML_LIMITS.maxChars,
        timeoutMs: remaining,
        purpose: 'autoconfig',
      }),
      remaining,
    );
    if (!answer.ok) {
      return miss(
        answer.code === 'TOO_LARGE'
          ? `Refused: the file is larger than ${String(AUTOCONFIG_XML_LIMITS.maxChars / 1_024)} KB. ${answer.message}`
          : answer.code === 'CERTIFICATE'
            ? `Refused: ${answer.message}`
            : answer.message,
      );
    }
    if (REDIRECT_STATUSES.has(answer.status)) {
      const next = redirectTarget(address, answer.location);
      if (!next.ok) return miss(`Refused: ${next.reason}`);
      if (hop > 0) return miss('Refused: it redirects more than once.');
      address = next.url;
      continue;
    }
    if (answer.status !== 200) return miss(`The server answered HTTP ${String(answer.status)}.`);
    const parsed = parseAutoconfigFile(answer.body, domain);
    if (!parsed.ok) return miss(`Refused: ${parsed.reason}`);
    const { outgoing, incoming } = parsed.file;
    const via = address === url ? '' : ` (after a redirect to ${address})`;
    return {
      attempt: {
        url,
        outcome: `Found ${count(outgoing.length, 'outgoing server')} and ${count(incoming.length, 'incoming server')}${via}.`,
      },
      file: parsed.file,
    };
  }
  return miss('Refused: it redirects more than once.');
}

/**
 * The fetcher's own deadline starts after the host name is resolved; a silent DNS server would otherwise
 * add its lookups on top. So the whole fetch, lookup included, is raced against the deadline here.
 */
async function withinDeadline(fetch: Promise<HttpsFetchResult>, ms: number): Promise<HttpsFetchResult> {
  const deadline = deadlineSignal(ms);
  const expired = new Promise<HttpsFetchResult>((resolve) => {
    deadline.signal.addEventListener(
      'abort',
      () => {
        resolve({ ok: false, code: 'TIMEOUT', message: `No answer within ${String(ms / 1_000)} s.` });
      },
      { once: true },
    );
  });
  try {
    return await Promise.race([fetch, expired]);
  } finally {
    deadline.clear();
  }
}

function redirectTarget(
  from: string,
  location: string | null,
): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string } {
  if (location === null || location === '') return { ok: false, reason: 'it redirects without a Location.' };
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { ok: false, reason: 'it redirects to an address that is not a URL.' };
  }
  const origin = new URL(from);
  if (target.protocol !== 'https:') {
    return { ok: false, reason: `it redirects to ${target.protocol} instead of https:; not followed.` };
  }
  if (target.hostname !== origin.hostname) {
    return {
      ok: false,
      reason: `it redirects to another host (${target.hostname.slice(0, 80)}); not followed.`,
    };
  }
  return { ok: true, url: target.href };
}

function count(n: number, what: string): string {
  return `${String(n)} ${what}${n === 1 ? '' : 's'}`;
}
