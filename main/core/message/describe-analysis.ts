/**
 * A message analysis as sections of plain lines, shared by the text and Markdown outputs so both say
 * the same. Lines are untrusted (they quote the message); each output applies its own escaping.
 */
import { SEVERITIES, severityRank, type Finding } from '../../../preload/contract/findings';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import type { MessageAnalysis } from './message-analysis';
import type { ReceivedHop } from './received-chain';
import type { DkimOutcome, DkimSignatureVerdict } from './verify-authentication';

export interface AnalysisSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/**
 * The verdict main worded (message-verdict.ts), first in every output: the sentence, then what could
 * not be checked, in the same words as the app.
 */
export function describeVerdict(verdict: MessageVerdict): AnalysisSection[] {
  return [
    { heading: 'Verdict', lines: [verdict.sentence] },
    ...(verdict.couldNotCheck.length === 0
      ? []
      : [{ heading: 'What could not be checked', lines: verdict.couldNotCheck }]),
  ];
}

export function describeAnalysis(analysis: MessageAnalysis): AnalysisSection[] {
  const sections: AnalysisSection[] = [];
  const message = analysis.message;
  if (message !== null) {
    sections.push({
      heading: 'Message',
      lines: [
        `From: ${message.from ?? '(none)'}`,
        `To: ${message.to ?? '(none)'}`,
        `Subject: ${message.subject ?? '(none)'}`,
        `Date: ${message.date ?? '(none)'}`,
        `Size: ${String(message.bytes)} bytes, ${String(message.headerFields)} header fields${message.hasBody ? '' : ', header only (no body)'}`,
        `DNS: ${analysis.dns ?? 'off (--no-dns): only what the message itself says was judged'}`,
      ],
    });
  }
  const auth = analysis.authentication;
  if (auth !== null) {
    sections.push({
      heading: 'Authentication (Mailwarden’s verdict)',
      lines: [
        ...(auth.dkim.length === 0 ? ['DKIM: not signed'] : auth.dkim.map(dkimLine)),
        auth.spf === null
          ? `SPF: not judged (${analysis.dns === null ? 'no DNS' : 'no outside server in the Received lines'})`
          : `SPF: ${auth.spf.outcome} (${auth.spf.ip} for ${auth.spf.domain})`,
        auth.dmarc === null
          ? `DMARC: not judged (${analysis.dns === null ? 'no DNS' : 'no From domain'})`
          : `DMARC: ${auth.dmarc.outcome} for ${auth.dmarc.fromDomain} (policy ${auth.dmarc.policy ?? 'none'}${auth.dmarc.alignedBy.length > 0 ? `, aligned by ${auth.dmarc.alignedBy.join(' and ')}` : ''})`,
        auth.arc === null
          ? 'ARC: none in the message'
          : `ARC: ${auth.arc.outcome === 'not-verified' ? 'not verified without DNS' : auth.arc.outcome} (${String(auth.arc.sets ?? '?')} sets)`,
      ],
    });
  }
  if (analysis.receiver !== null) {
    sections.push({
      heading: `What the receiver said (${analysis.receiver.authservId})`,
      lines:
        analysis.receiver.verdicts.length === 0
          ? ['No DKIM, SPF, DMARC or ARC results in its Authentication-Results.']
          : analysis.receiver.verdicts.map(
              (verdict) =>
                `${verdict.method.toUpperCase()}: ${verdict.result}${verdict.subject === null ? '' : ` (${verdict.subject})`}`,
            ),
    });
  }
  if (analysis.received.hops.length > 0) {
    sections.push({
      heading: `Path (${String(analysis.received.total)} Received ${analysis.received.total === 1 ? 'line' : 'lines'}, the last hop first)`,
      lines: analysis.received.hops.map(hopLine),
    });
  }
  return sections;
}

/** Each DKIM outcome in words, for the summary lines. */
const DKIM_WORDS: Record<DkimOutcome, string> = {
  pass: 'valid',
  'body-hash-failed': 'body changed after signing',
  'signature-failed': 'signature does not verify',
  'key-missing': 'no key in DNS',
  'key-too-weak': 'key too short',
  'key-invalid': 'key unusable',
  expired: 'expired',
  'dns-failed': 'key lookup failed',
  'not-verified-offline': 'not verified (no DNS)',
  'not-verified-no-body': 'not verified (no body)',
};

function dkimLine(signature: DkimSignatureVerdict): string {
  const key = signature.keyBits === null ? '' : `, ${String(signature.keyBits)}-bit key`;
  const body =
    signature.bodyHashMatches === null
      ? 'body not given'
      : signature.bodyHashMatches
        ? 'body hash matches'
        : 'body hash does not match';
  return `DKIM: ${DKIM_WORDS[signature.outcome]} (d=${signature.signingDomain}, s=${signature.selector}, ${signature.algorithm}${key}; ${body}; ${signature.aligned ? 'aligned with From' : 'not aligned with From'})`;
}

function hopLine(hop: ReceivedHop): string {
  const tls =
    hop.tlsVersion === null ? '' : ` ${hop.tlsVersion}${hop.tlsCipher === null ? '' : ` ${hop.tlsCipher}`}`;
  const delay =
    hop.delaySeconds === null
      ? ''
      : hop.delaySeconds < 0
        ? `, ${duration(-hop.delaySeconds)} before the hop below (a server's clock is wrong)`
        : `, ${duration(hop.delaySeconds)} after the hop below`;
  return `${String(hop.index)}. by ${hop.by ?? '?'} from ${hop.from ?? '?'} [${hop.fromIp ?? 'no address'}] with ${hop.protocol ?? '?'}${tls}${hop.at === null ? '' : ` at ${hop.at}`}${delay}`;
}

/** "45 s", "12 min", "5 h", "3 days". */
function duration(seconds: number): string {
  if (seconds < 120) return `${String(seconds)} s`;
  if (seconds < 7_200) return `${String(Math.round(seconds / 60))} min`;
  if (seconds < 172_800) return `${String(Math.round(seconds / 3_600))} h`;
  return `${String(Math.round(seconds / 86_400))} days`;
}

/** Findings worst first; passes last. */
export function findingsWorstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/** "Findings: 1 high, 2 info". */
export function findingCounts(findings: readonly Finding[]): string {
  const counts = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${String(count)} ${severity}`);
  return `Findings: ${counts.length === 0 ? 'none' : counts.join(', ')}`;
}
