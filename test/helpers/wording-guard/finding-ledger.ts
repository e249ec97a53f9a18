/**
 * What one test worker saw of the findings made while its integration test file ran: the ids it produced
 * (for the catalogue coverage check at the end of the run) and the empty slots not yet reported.
 *
 * The setup file wraps findingFactory so every finding a real check makes passes through `observe`.
 */
import type { Finding } from '../../../preload/contract/findings';
import { emptySlotsOf, type EmptySlot } from './finding-wording';

const producedIds = new Set<string>();
let pendingSlots: EmptySlot[] = [];

export function observeFinding(finding: Finding): void {
  producedIds.add(finding.id);
  pendingSlots.push(...emptySlotsOf(finding));
}

/** The empty slots seen since the last call, each once. */
export function takeEmptySlots(): EmptySlot[] {
  const seen = new Set<string>();
  const slots = pendingSlots.filter((slot) => {
    const key = `${slot.findingId}\u0000${slot.part}\u0000${slot.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  pendingSlots = [];
  return slots;
}

export function producedFindingIds(): string[] {
  return [...producedIds].sort();
}
