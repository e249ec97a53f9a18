/**
 * Preset quirks that rest on an unconfirmed fact end in UNCONFIRMED_MARK (from the IPC contract); the
 * form shows it as a visible tag instead of a bracket at the end of a sentence.
 */
import { UNCONFIRMED_MARK } from '../../preload/contract/providers';

export function splitUnconfirmed(sentence: string): { readonly text: string; readonly unconfirmed: boolean } {
  const trimmed = sentence.trimEnd();
  return trimmed.endsWith(UNCONFIRMED_MARK)
    ? { text: trimmed.slice(0, -UNCONFIRMED_MARK.length).trimEnd(), unconfirmed: true }
    : { text: trimmed, unconfirmed: false };
}
