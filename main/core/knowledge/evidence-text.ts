/**
 * Reads evidence values back as text for the wording of a finding.
 *
 * Evidence is JSON data; a knowledge entry quoting it must cope with a missing or odd value rather than
 * print "undefined" or "[object Object]".
 */
import type { Evidence, JsonValue } from '../../../preload/contract/findings';

/**
 * The value at `key` as text: strings as is, numbers and booleans printed, lists joined with ", ".
 *
 * For a finding whose evidence is typed (defineKnowledge), `key` must be one of its fields; the reader
 * still copes with a value that is missing at run time.
 */
export function evidenceText<E extends Evidence>(evidence: E, key: keyof E & string, fallback = '?'): string {
  return asText(evidence[key], fallback);
}

/** The value at `key` as a list of texts (a single value becomes a list of one). */
export function evidenceList<E extends Evidence>(evidence: E, key: keyof E & string): string[] {
  // Typed evidence promises the field; a report from elsewhere may still lack it.
  const value: JsonValue | undefined = evidence[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item) => asText(item, '?'));
  return [asText(value, '?')];
}

function asText(value: JsonValue | undefined, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return (value as readonly JsonValue[]).map((item) => asText(item, fallback)).join(', ');
  return fallback;
}

/** The value at `key` as a list of records (objects); anything else in the list is left out. */
export function evidenceRecords(evidence: Evidence, key: string): Evidence[] {
  const value = evidence[key];
  if (!Array.isArray(value)) return [];
  return (value as readonly JsonValue[]).filter(
    (item): item is Evidence => typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}

/**
 * True only for a real `true`. A typed boolean field may still hold text at run time: the catalogue words
 * evidence from stored reports, and docs/findings.md words every entry with placeholder text.
 */
export function isTrue(value: unknown): boolean {
  return value === true;
}
