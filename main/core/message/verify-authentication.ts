/**
 * DKIM, SPF, DMARC and ARC for one message, judged with mailauth over the bounded resolver.
 *
 * mailauth's results are turned into plain outcomes here, so the findings and the reports never carry
 * its result codes or comments as prose. What cannot be judged is said as such: offline (no key, no
 * policy), a header paste (no body to hash), no connecting address (no SPF).
 */
import { arc } from 'mailauth/lib/arc/index.js';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { dmarc } from 'mailauth/lib/dmarc/index.js';
import { spf } from 'mailauth/lib/spf/index.js';
import type { DKIMResult, DMARCResult, DNSResolver } from 'mailauth';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { OFFLINE_CODE, type BoundedMailauthResolver } from './bounded-mailauth-resolver';

const MAX_DNS_NAME_CHARS = 253;

export type DkimOutcome =
  | 'pass'
  | 'body-hash-failed'
  | 'signature-failed'
  | 'key-missing'
  | 'key-too-weak'
  | 'key-invalid'
  | 'expired'
  | 'dns-failed'
  | 'not-verified-offline'
  | 'not-verified-no-body';

export interface DkimSignatureVerdict {
  readonly signingDomain: string;
  readonly selector: string;
  readonly algorithm: string;
  /** Bits of the public key, when it was fetched. */
  readonly keyBits: number | null;
  /** Whether the body hash the signature carries matches the body; null without a body. */
  readonly bodyHashMatches: boolean | null;
  /** The l= tag: how many body bytes the signature covers, or null when it covers the whole body. */
  readonly bodyLengthLimit: number | null;
  /** Body bytes after the l= limit, which the signature does not cover (RFC 6376 section 8.2). */
  readonly unsignedBodyBytes: number | null;
  /** Relaxed alignment of d= with the From domain (RFC 7489 section 3.1.1, RFC 9989). */
  readonly aligned: boolean;
  readonly outcome: DkimOutcome;
}

export type SpfOutcome = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';

export interface SpfVerdict {
  readonly ip: string;
  /** The domain SPF was checked for (the envelope sender's, else the HELO name's). */
  readonly domain: string;
  readonly outcome: SpfOutcome;
}

export interface DmarcVerdict {
  readonly fromDomain: string;
  readonly outcome: 'pass' | 'fail' | 'none' | 'temperror';
  /** The policy that applies to this From domain (p=, or sp= for a subdomain). */
  readonly policy: string | null;
  readonly alignedBy: readonly ('dkim' | 'spf')[];
}

export interface ArcVerdict {
  readonly outcome: 'pass' | 'fail' | 'not-verified';
  /** The number of sets (i=) in the chain, when it could be read. */
  readonly sets: number | null;
}

export interface AuthenticationVerdicts {
  readonly fromDomain: string | null;
  readonly dkim: readonly DkimSignatureVerdict[];
  /** null: no connecting address was known, or DNS is off. */
  readonly spf: SpfVerdict | null;
  /** null: DNS is off, or the message has no From domain. */
  readonly dmarc: DmarcVerdict | null;
  /** null: no ARC sets in the message. */
  readonly arc: ArcVerdict | null;
}

export interface VerifyInput {
  readonly message: Uint8Array;
  readonly hasBody: boolean;
  readonly online: boolean;
  readonly resolver: BoundedMailauthResolver;
  /** The connecting address of the first external hop, and the name it greeted with. */
  readonly client: { readonly ip: string; readonly helo: string | null } | null;
  readonly now: Date;
}

export async function verifyAuthentication(input: VerifyInput): Promise<AuthenticationVerdicts> {
  // mailauth's type says string arrays; it also reads MX objects, which is what the adapter returns for MX.
  const resolver = input.resolver.resolve as DNSResolver;
  const dkimResult = await dkimVerify(asMessage(input.message, input.hasBody), {
    resolver,
    curTime: input.now,
  });
  const fromDomain = dkimResult.headerFrom.at(-1)?.split('@').pop()?.toLowerCase() ?? null;
  const signed = dkimResult.results.filter((result) => typeof result.signingDomain === 'string');
  const dkim = signed.map((result) => dkimVerdict(result, input));

  const sender = dkimResult.envelopeFrom === false ? undefined : dkimResult.envelopeFrom;
  const spfVerdict =
    input.online && input.client !== null ? await verifySpf(input.client, sender, resolver) : null;

  const arcData = dkimResult.arc;
  const arcChain = arcData?.chain === false ? [] : (arcData?.chain ?? []);
  const arcResult =
    arcData === undefined || arcChain.length === 0
      ? null
      : await arc({ ...arcData, chain: arcChain }, { resolver }).catch(() => null);
  const arcVerdict: ArcVerdict | null =
    arcResult === null
      ? null
      : {
          outcome: !input.online ? 'not-verified' : arcResult.status.result === 'pass' ? 'pass' : 'fail',
          sets: typeof arcResult.i === 'number' ? arcResult.i : arcChain.length,
        };

  let dmarcVerdict: DmarcVerdict | null = null;
  if (input.online && fromDomain !== null) {
    const answer = await dmarc({
      headerFrom: dkimResult.headerFrom,
      spfDomains: spfVerdict?.outcome === 'pass' ? [spfVerdict.domain] : [],
      dkimDomains: signed
        .filter((result) => result.status.result === 'pass')
        .map((result) => ({ domain: result.signingDomain, aligned: result.status.aligned === true })),
      resolver,
      ...(arcResult === null ? {} : { arcResult }),
    }).catch(() => false as const);
    if (answer !== false) dmarcVerdict = dmarcOf(fromDomain, answer);
  }
  return { fromDomain, dkim, spf: spfVerdict, dmarc: dmarcVerdict, arc: arcVerdict };
}

/**
 * mailauth reads header fields only once an empty line ends them (RFC 5322 section 2.1), so a header
 * paste gets one; its empty body then fails every body hash, which dkimOutcome reports as "no body".
 */
function asMessage(message: Uint8Array, hasBody: boolean): Buffer {
  const bytes = Buffer.from(message);
  if (hasBody) return bytes;
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end -= 1;
  return Buffer.concat([bytes.subarray(0, end), Buffer.from('\r\n\r\n')]);
}

function dkimVerdict(result: DKIMResult, input: VerifyInput): DkimSignatureVerdict {
  const status = result.status;
  const details = result as DKIMResult & {
    bodyHash?: string;
    bodyHashExpecting?: string;
    modulusLength?: number;
    algo?: string;
    canonBodyLengthLimit?: number;
    canonBodyLengthTotal?: number;
    canonBodyLength?: number;
  };
  const limit = typeof details.canonBodyLengthLimit === 'number' ? details.canonBodyLengthLimit : null;
  const bodyHashMatches = input.hasBody ? details.bodyHash === details.bodyHashExpecting : null;
  return {
    signingDomain: shown(result.signingDomain),
    selector: shown(result.selector ?? ''),
    algorithm: shown(details.algo ?? ''),
    keyBits: keyBitsOf(details.algo, details.modulusLength),
    bodyHashMatches,
    bodyLengthLimit: limit,
    unsignedBodyBytes:
      limit === null ||
      typeof details.canonBodyLengthTotal !== 'number' ||
      typeof details.canonBodyLength !== 'number'
        ? null
        : Math.max(0, details.canonBodyLengthTotal - details.canonBodyLength),
    // mailauth puts the aligned domain here (a string) or false.
    aligned: Boolean(status.aligned),
    outcome: dkimOutcome(status.result, status.comment ?? '', bodyHashMatches, status.policy),
  };
}

/** Names the message chose, cut to a DNS name's length (RFC 1035 section 2.3.4) with controls visible. */
function shown(text: string): string {
  return excerpt(text, MAX_DNS_NAME_CHARS);
}

/** Ed25519 keys are always 256 bits (RFC 8463 section 3); mailauth reports RSA's modulus. */
function keyBitsOf(algorithm: string | undefined, modulusLength: number | undefined): number | null {
  if (algorithm?.startsWith('ed25519') === true) return 256;
  return typeof modulusLength === 'number' ? modulusLength : null;
}

function dkimOutcome(
  result: string,
  comment: string,
  bodyHashMatches: boolean | null,
  policy: unknown,
): DkimOutcome {
  if (bodyHashMatches === null) return 'not-verified-no-body';
  if (!bodyHashMatches) return 'body-hash-failed';
  if (result === 'pass') return 'pass';
  if (result === 'fail') return 'signature-failed';
  if (result === 'policy' && JSON.stringify(policy ?? {}).includes('weak-key')) return 'key-too-weak';
  if (comment.includes(OFFLINE_CODE)) return 'not-verified-offline';
  if (result === 'temperror') return 'dns-failed';
  if (comment === 'no key') return 'key-missing';
  if (comment === 'expired' || comment === 'invalid expiration') return 'expired';
  return 'key-invalid';
}

async function verifySpf(
  client: { readonly ip: string; readonly helo: string | null },
  sender: string | undefined,
  resolver: DNSResolver,
): Promise<SpfVerdict> {
  const answer = await spf({
    ip: client.ip,
    ...(sender === undefined ? {} : { sender }),
    ...(client.helo === null ? {} : { helo: client.helo }),
    mta: 'mailwarden',
    resolver,
  }).catch(() => null);
  // mailauth throws on input it cannot evaluate at all (an address that is not one): no verdict either way.
  if (answer === null) return { ip: client.ip, domain: sender?.split('@').pop() ?? '', outcome: 'permerror' };
  const result = answer.status.result;
  const known: readonly SpfOutcome[] = [
    'pass',
    'fail',
    'softfail',
    'neutral',
    'none',
    'temperror',
    'permerror',
  ];
  const outcome = known.find((candidate) => candidate === result) ?? 'temperror';
  return { ip: client.ip, domain: answer.domain, outcome };
}

function dmarcOf(fromDomain: string, answer: DMARCResult): DmarcVerdict {
  // mailauth's type promises the alignment object; a "none" or temperror answer has none, so it is read loosely.
  const details = answer as unknown as {
    alignment?: { dkim?: { result?: unknown }; spf?: { result?: unknown } };
  };
  const result = answer.status.result;
  const outcome: DmarcVerdict['outcome'] =
    result === 'pass' || result === 'fail' || result === 'none' ? result : 'temperror';
  const alignedBy: ('dkim' | 'spf')[] = [];
  if (typeof details.alignment?.dkim?.result === 'string') alignedBy.push('dkim');
  if (typeof details.alignment?.spf?.result === 'string') alignedBy.push('spf');
  return {
    fromDomain,
    outcome,
    policy: typeof answer.policy === 'string' && answer.policy !== '' ? answer.policy : null,
    alignedBy,
  };
}
