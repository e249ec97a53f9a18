/**
 * Reads evidence values back as text for the wording of a finding.
 *
 * Evidence is JSON data; a knowledge entry quoting it must cope with a missing or odd value rather than
 * print "undefined" or "[object Object]".
 */
import type { Evidence, JsonValue } from '../../../preload/contract/findings';

/** The value at `key` as text: strings as is, numbers and booleans printed, lists joined with ", ". */
export function evidenceText(evidence: Evidence, key: string, fallback = '?'): string {
  return asText(evidence[key], fallback);
}

/** The value at `key` as a list of texts (a single value becomes a list of one). */
export function evidenceList(evidence: Evidence, key: string): string[] {
  const value = evidence[key];
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
