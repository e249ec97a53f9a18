/**
 * Findings: what every check reports, as the renderer, the CLI and the reports see it.
 *
 * Evidence is data (the SMTP reply, the DNS record, the certificate fields), never prose; the words a
 * person reads (title, explanation, fix) come from main/core/knowledge, keyed by the finding's id.
 */

export const SEVERITIES = ['pass', 'info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type Evidence = { readonly [key: string]: JsonValue };

export interface Reference {
  /** e.g. "RFC 8996 section 5". */
  readonly label: string;
  readonly url: string;
}

/** A DNS record to publish, shown with a copy button. */
export interface RecordToPublish {
  readonly type: 'TXT' | 'MX' | 'CNAME' | 'TLSA' | 'SRV';
  readonly name: string;
  readonly value: string;
}

export interface Fix {
  /** Numbered steps in plain words. Empty for a passing check. */
  readonly steps: readonly string[];
  readonly record?: RecordToPublish;
  /** Provider-specific steps, keyed by provider preset id. */
  readonly providerSteps?: { readonly [presetId: string]: readonly string[] };
}

export interface Finding {
  /** Stable id, e.g. "tls.protocol.tls1_0-accepted"; the key into the knowledge catalogue. */
  readonly id: string;
  /** Which check produced it and on what, e.g. "tls:smtp.example.com:587". */
  readonly checkId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly evidence: Evidence;
  readonly explanation: string;
  readonly fix: Fix;
  readonly references: readonly Reference[];
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** How many findings of each severity; every severity present, zero when none. */
export type SeverityCounts = { readonly [S in Severity]: number };

export function countBySeverity(findings: readonly { readonly severity: Severity }[]): SeverityCounts {
  const counts = { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
