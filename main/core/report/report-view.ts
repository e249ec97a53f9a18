/**
 * What every report format shows, decided once: finding groups in severity order, evidence as short
 * key/value text, safe links, readable times and the score when the report has one.
 *
 * Everything here treats server and DNS text as hostile: control and bidi-override characters become
 * visible ⟨U+XXXX⟩ marks (preload/contract/untrusted-text.ts), and long values are cut.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { SEVERITIES, type Evidence, type Finding, type Severity } from '../../../preload/contract/findings';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';

/** Longest evidence value a human report prints; the JSON report keeps the whole value. */
export const EVIDENCE_VALUE_MAX_CHARS = 400;

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Information',
  pass: 'Passed',
};

/** Worst first: the order a reader should act in. */
export const SEVERITIES_WORST_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

export interface SeverityGroup {
  readonly severity: Severity;
  readonly label: string;
  readonly findings: readonly Finding[];
}

/** Findings grouped by severity, worst first; empty groups left out. */
export function groupBySeverity(findings: readonly Finding[]): SeverityGroup[] {
  return SEVERITIES_WORST_FIRST.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

/** Counts per severity, worst first, including zeros (for the summary table). */
export function severityCounts(findings: readonly Finding[]): { severity: Severity; count: number }[] {
  return SEVERITIES_WORST_FIRST.map((severity) => ({
    severity,
    count: findings.filter((finding) => finding.severity === severity).length,
  }));
}

export interface EvidenceEntry {
  readonly key: string;
  readonly value: string;
}

/** Evidence as one line of text per top-level key: scalars printed, lists of scalars joined, the rest as JSON. */
export function evidenceEntries(evidence: Evidence): EvidenceEntry[] {
  return Object.entries(evidence).map(([key, value]) => ({
    key: plainText(key),
    value: cut(plainText(valueText(value))),
  }));
}

function valueText(value: unknown): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.length === 0 ? '(none)' : value.join(', ');
  return JSON.stringify(value);
}

function cut(text: string): string {
  if (text.length <= EVIDENCE_VALUE_MAX_CHARS) return text;
  const rest = text.length - EVIDENCE_VALUE_MAX_CHARS;
  return `${text.slice(0, EVIDENCE_VALUE_MAX_CHARS)}… (${String(rest)} more characters in the JSON report)`;
}

/** http(s) with only URL characters that need no quoting in HTML or Markdown (RFC 3986 minus parentheses). */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~:/?#@!$&*+,;=%-]+$/i;

/** Only web links become links; anything else (javascript:, data:, file:) is shown as text, never followed. */
export function safeLinkUrl(url: string): string | null {
  return SAFE_URL.test(url) ? url : null;
}

/** "2026-11-27 23:33:12 UTC" from an ISO time; the input unchanged (but made plain) when it is not one. */
export function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return match === null ? plainText(iso) : `${match[1] ?? ''} ${match[2] ?? ''} UTC`;
}

/** The audit's duration in words, e.g. "1.4 s"; null when the times cannot be read. */
export function durationText(report: AuditReport): string | null {
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return ms < 1_000 ? `${String(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** The target in one line: "smtp.example.com:587 (starttls)" or the domain. */
export function targetText(report: AuditReport): string {
  const { target } = report;
  const server =
    target.host === null
      ? null
      : `${target.host}${target.port === null ? '' : `:${String(target.port)}`}${target.security === null ? '' : ` (${target.security})`}`;
  const parts = [target.label, server, target.domain === null ? null : `domain ${target.domain}`];
  const unique = parts.filter(
    (part, index): part is string => part !== null && parts.indexOf(part) === index,
  );
  return plainText(unique.join(', '));
}

/** Findings that need action (not pass, not info). */
export function problemCount(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.severity !== 'pass' && finding.severity !== 'info').length;
}
