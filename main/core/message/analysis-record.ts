/**
 * A message analysis as it leaves main (to the app) and as the history keeps it: the verdict only,
 * every text in it display-safe.
 *
 * Left out on purpose: the subject, the recipients, the sender's address, the date and the Message-ID
 * (MessageSummary): they say what the message was about and to whom, and no verdict needs them; the
 * From domain the verdict is about stays (in `authentication`). Every string the message chose (host
 * names, selectors, the receiver's results) is cut short and has its hidden and control characters
 * shown as ⟨U+XXXX⟩ (UTR 36 section 2.4: bidi overrides can make one name read as another).
 */
import type { Finding } from '../../../preload/contract/findings';
import type {
  AnalysisRecord,
  AuthenticationView,
  MessageSource,
  ReceivedChainView,
  ReceiverView,
} from '../../../preload/contract/message-check';
import { excerpt, visibleText } from '../../../preload/contract/untrusted-text';
import type { MessageAnalysis } from './message-analysis';
import { MAX_EVIDENCE_CHARS } from './message-limits';
import { messageVerdict } from './message-verdict';

export function analysisRecord(analysis: MessageAnalysis, source: MessageSource): AnalysisRecord {
  // Typed against the contract, so a change in the analysis that the contract does not follow fails here.
  const authentication: AuthenticationView | null = analysis.authentication;
  const receiver: ReceiverView | null = analysis.receiver;
  const received: ReceivedChainView = analysis.received;
  const record: Omit<AnalysisRecord, 'verdict'> = {
    kind: 'message-analysis',
    toolVersion: analysis.toolVersion,
    analysedAt: analysis.analysedAt,
    source,
    dns: analysis.dns,
    message:
      analysis.message === null
        ? null
        : {
            bytes: analysis.message.bytes,
            headerFields: analysis.message.headerFields,
            hasBody: analysis.message.hasBody,
          },
    authentication: authentication === null ? null : safeStrings(authentication),
    receiver: receiver === null ? null : safeStrings(receiver),
    received: safeStrings(received),
    findings: analysis.findings.map(safeFinding),
  };
  // Worded from the display-safe fields, so the sentence quotes titles as the app shows them.
  return { ...record, verdict: messageVerdict(record) };
}

/** Every string in a verdict cut to an excerpt with hidden characters visible; numbers and flags kept. */
function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return excerpt(value, MAX_EVIDENCE_CHARS) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeStrings(item)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, safeStrings(item as unknown)]),
    ) as T;
  return value;
}

/**
 * Findings are worded by the catalogue, but their titles and evidence quote the message (a signing
 * domain, a header value): hidden characters are made visible there too, line breaks kept.
 */
export function safeFinding(finding: Finding): Finding {
  const visible = <T>(value: T): T => {
    if (typeof value === 'string') return visibleText(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => visible(item)) as T;
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, visible(item as unknown)]),
      ) as T;
    return value;
  };
  return visible(finding);
}
