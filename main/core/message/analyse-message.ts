/**
 * Judges one message: reads it within limits, verifies its authentication (DKIM, SPF, DMARC, ARC) with
 * mailauth over the user's resolver (or offline), reads its path and the receiver's own verdicts, and
 * returns the findings. Never throws for what the message contains: a hostile message is a finding.
 */
import type { Finding } from '../../../preload/contract/findings';
import { excerpt, visibleLine } from '../../../preload/contract/untrusted-text';
import { deadlineSignal } from '../deadline-signal';
import { findingFactory } from '../findings/finding-factory';
import { MESSAGE_KNOWLEDGE } from '../knowledge/message-knowledge';
import type { Clock, DnsResolver } from '../ports';
import { readAuthenticationResults } from './authentication-results';
import { authenticationFindings, receiverFindings } from './authentication-findings';
import { boundedMailauthResolver } from './bounded-mailauth-resolver';
import {
  MESSAGE_ANALYSIS_SCHEMA_VERSION,
  type MessageAnalysis,
  type MessageSummary,
} from './message-analysis';
import {
  MAX_BODY_LINE_BYTES,
  MAX_EVIDENCE_CHARS,
  MAX_HEADER_FIELD_CHARS,
  MAX_HEADER_FIELDS,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGE_DNS_LOOKUPS,
  MAX_MIME_DEPTH,
  MAX_RECEIVED_JUDGED,
  MESSAGE_DEADLINE_MS,
} from './message-limits';
import { longestLine } from './body-lines';
import { decodeEncodedWords } from './encoded-words';
import { measureMimeDepth } from './mime-depth';
import { allFields, firstField, readMessage, type ReadHeader } from './read-message';
import { firstExternalHop, isInternalAddress, readReceivedChain, type ReceivedChain } from './received-chain';
import { verifyAuthentication, type AuthenticationVerdicts } from './verify-authentication';

const finding = findingFactory(MESSAGE_KNOWLEDGE);

export interface AnalyseMessageInput {
  /** The message, or 'too-large' when the reader stopped at MAX_MESSAGE_BYTES without reading it all. */
  readonly bytes: Uint8Array | 'too-large';
  /** null: offline (--no-dns), no lookup is made. */
  readonly resolver: DnsResolver | null;
  readonly clock: Clock;
  readonly toolVersion: string;
  /** Overridable for tests of the deadline; MESSAGE_DEADLINE_MS otherwise. */
  readonly deadlineMs?: number;
}

/** Fields a mail program shows its reader, where hidden characters can mislead (UTR 36 section 2.4). */
const SHOWN_FIELDS = ['from', 'sender', 'reply-to', 'to', 'subject'] as const;

export async function analyseMessage(input: AnalyseMessageInput): Promise<MessageAnalysis> {
  const analysedAt = input.clock.now().toISOString();
  const base = {
    schemaVersion: MESSAGE_ANALYSIS_SCHEMA_VERSION,
    kind: 'message-analysis',
    toolVersion: input.toolVersion,
    analysedAt,
    dns: input.resolver?.description ?? null,
  } as const;
  const empty: ReceivedChain = { hops: [], total: 0 };
  const bytes = input.bytes;
  const read = bytes === 'too-large' ? null : readMessage(bytes);
  if (bytes === 'too-large' || read === null || read.kind === 'too-large')
    return {
      ...base,
      message: null,
      authentication: null,
      receiver: null,
      received: empty,
      findings: [finding('message.input.too-large', 'analyse:input', { maxBytes: MAX_MESSAGE_BYTES })],
    };
  if (read.kind === 'no-header')
    return {
      ...base,
      message: null,
      authentication: null,
      receiver: null,
      received: empty,
      findings: [finding('message.input.not-a-message', 'analyse:input', {})],
    };

  const findings: Finding[] = inputFindings(read, bytes);
  // A body line far past RFC 5322's limit is not hashed (see MAX_BODY_LINE_BYTES): judged as a header alone.
  const bodyReadable =
    read.hasBody && longestLine(bytes, read.bodyOffset, MAX_BODY_LINE_BYTES) <= MAX_BODY_LINE_BYTES;
  if (read.hasBody && !bodyReadable)
    findings.push(
      finding('message.body.line-too-long', 'analyse:input', { maxLineBytes: MAX_BODY_LINE_BYTES }),
    );
  const receivedValues = allFields(read.fields, 'received');
  const received = readReceivedChain(receivedValues, receivedValues.length);
  findings.push(...receivedFindings(received));

  // A header read only in part cannot be verified: a signature over it would prove nothing either way.
  const trusted = read.fieldCount <= MAX_HEADER_FIELDS && read.oversizedFields.length === 0;
  let authentication: AuthenticationVerdicts | null = null;
  if (trusted) {
    if (input.resolver === null) findings.push(finding('message.dns.off', 'analyse:dns', {}));
    authentication = await judge(
      input,
      bodyReadable ? bytes : bytes.subarray(0, read.bodyOffset),
      bodyReadable,
      received,
      findings,
    );
  }
  const receiver = readAuthenticationResults(firstField(read.fields, 'authentication-results'));
  findings.push(...receiverFindings(receiver, authentication));
  return {
    ...base,
    message: summary(read, bytes.length),
    authentication,
    receiver,
    received,
    findings,
  };
}

async function judge(
  input: AnalyseMessageInput,
  bytes: Uint8Array,
  hasBody: boolean,
  received: ReceivedChain,
  findings: Finding[],
): Promise<AuthenticationVerdicts> {
  const deadline = deadlineSignal(input.deadlineMs ?? MESSAGE_DEADLINE_MS);
  const resolver = boundedMailauthResolver(input.resolver, {
    maxLookups: MAX_MESSAGE_DNS_LOOKUPS,
    signal: deadline.signal,
  });
  try {
    const externalIp = firstExternalHop(received);
    const verdicts = await verifyAuthentication({
      message: bytes,
      hasBody,
      online: input.resolver !== null,
      resolver,
      client:
        externalIp?.fromIp === undefined || externalIp.fromIp === null
          ? null
          : { ip: externalIp.fromIp, helo: externalIp.from },
      now: input.clock.now(),
    });
    findings.push(...authenticationFindings(verdicts));
    if (input.resolver !== null && verdicts.spf === null)
      findings.push(finding('message.spf.not-judged', 'analyse:spf', {}));
    if (resolver.refused() > 0)
      findings.push(
        finding('message.dns.budget-exhausted', 'analyse:dns', {
          maxLookups: MAX_MESSAGE_DNS_LOOKUPS,
          refused: resolver.refused(),
        }),
      );
    return verdicts;
  } finally {
    deadline.clear();
  }
}

function inputFindings(read: ReadHeader, bytes: Uint8Array): Finding[] {
  const checkId = 'analyse:input';
  const findings: Finding[] = [];
  if (read.fieldCount > MAX_HEADER_FIELDS)
    findings.push(
      finding('message.header.too-many-fields', checkId, {
        fieldCount: read.fieldCount,
        maxFields: MAX_HEADER_FIELDS,
      }),
    );
  if (read.malformedLines.length > 0)
    findings.push(finding('message.header.malformed-lines', checkId, { lines: [...read.malformedLines] }));
  if (read.longLineFields.length > 0)
    findings.push(finding('message.header.long-lines', checkId, { fields: [...read.longLineFields] }));
  if (read.oversizedFields.length > 0)
    findings.push(
      finding('message.header.oversized-field', checkId, {
        fields: [...read.oversizedFields],
        maxChars: MAX_HEADER_FIELD_CHARS,
      }),
    );
  const shownValues = (name: string): string[] => allFields(read.fields, name).map(decodeEncodedWords);
  const hidden = SHOWN_FIELDS.filter((name) =>
    shownValues(name).some((value) => visibleLine(value) !== value),
  );
  if (hidden.length > 0) {
    const sample = shownValues(hidden[0] ?? '').find((value) => visibleLine(value) !== value) ?? '';
    findings.push(
      finding('message.header.hidden-characters', checkId, {
        fields: hidden.map(displayName),
        example: /⟨U\+[0-9A-F]+⟩/.exec(visibleLine(sample))?.[0] ?? '',
        values: hidden.map((name) => excerpt(shownValues(name)[0] ?? '', MAX_EVIDENCE_CHARS)),
      }),
    );
  }
  if (read.hasBody) {
    const body = Buffer.from(
      bytes.buffer,
      bytes.byteOffset + read.bodyOffset,
      bytes.length - read.bodyOffset,
    );
    const mime = measureMimeDepth(firstField(read.fields, 'content-type'), body.toString('latin1'));
    if (mime.tooDeep) findings.push(finding('message.mime.too-deep', checkId, { maxDepth: MAX_MIME_DEPTH }));
  } else {
    findings.push(finding('message.body.missing', checkId, {}));
  }
  return findings;
}

function receivedFindings(chain: ReceivedChain): Finding[] {
  const checkId = 'analyse:received';
  const findings: Finding[] = [];
  if (chain.hops.length > 0)
    findings.push(
      finding('message.received.chain', checkId, {
        hopCount: chain.hops.length,
        hops: chain.hops.map((hop) => ({
          index: hop.index,
          by: excerptOrNull(hop.by),
          from: excerptOrNull(hop.from),
          fromIp: hop.fromIp,
          protocol: excerptOrNull(hop.protocol),
          tlsVersion: hop.tlsVersion,
          tlsCipher: hop.tlsCipher,
          at: hop.at,
          delaySeconds: hop.delaySeconds,
        })),
      }),
    );
  // Only hops from outside: a submission from 127.0.0.1 or a LAN needs no TLS on the wire.
  const plain = chain.hops.filter(
    (hop) => hop.encrypted === false && hop.fromIp !== null && !isInternalAddress(hop.fromIp),
  );
  if (plain.length > 0)
    findings.push(
      finding('message.received.unencrypted-hop', checkId, {
        hops: plain.map((hop) => `${excerpt(hop.by ?? '?', 100)} (from ${hop.fromIp ?? '?'})`),
      }),
    );
  if (chain.total > MAX_RECEIVED_JUDGED)
    findings.push(
      finding('message.received.too-many', checkId, { total: chain.total, judged: MAX_RECEIVED_JUDGED }),
    );
  return findings;
}

function summary(read: ReadHeader, bytes: number): MessageSummary {
  const shown = (name: string): string | null => {
    const value = firstField(read.fields, name);
    return excerptOrNull(value === undefined ? null : decodeEncodedWords(value));
  };
  return {
    bytes,
    headerFields: read.fieldCount,
    hasBody: read.hasBody,
    from: shown('from'),
    to: shown('to'),
    subject: shown('subject'),
    date: shown('date'),
    messageId: shown('message-id'),
  };
}

function excerptOrNull(value: string | null): string | null {
  return value === null ? null : excerpt(value, MAX_EVIDENCE_CHARS);
}

function displayName(field: string): string {
  return field.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`,
  );
}
