/**
 * The one place port results cross into and out of the report's JSON evidence.
 *
 * The core's port results are plain data (strings, numbers, booleans, null, arrays, objects), so a JSON
 * round trip copies them faithfully; copying also freezes what was judged at the moment it was judged.
 */
import type { EvidenceJson } from '../../../preload/contract/evidence';

/** A deep, JSON-safe copy of a port result, to store as evidence. */
export function toEvidenceJson(value: unknown): EvidenceJson {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as EvidenceJson;
}

/**
 * Reads a recorded port result back as the type the port returns.
 *
 * The evidence was written by `toEvidenceJson` from a value of type T; a hand-edited report can break
 * that promise, which is why `reevaluate` checks the evidence's shape before replaying it.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the one deliberate cast back to T
export function fromEvidenceJson<T>(json: EvidenceJson): T {
  return json as unknown as T;
}
