/**
 * Which Settings sections hold edits not saved yet, so leaving Settings can ask first instead of
 * dropping them. Each section reports itself by its title; the screen keeps the set.
 */
import { createContext, useCallback, useContext } from 'react';

export interface UnsavedRegistry {
  mark(section: string, unsaved: boolean): void;
}

export const UnsavedContext = createContext<UnsavedRegistry | null>(null);

export interface UnsavedMarker {
  /** The person changed something in this section. */
  readonly edited: () => void;
  /** The section was saved: nothing of it is left unsaved. */
  readonly saved: () => void;
}

export function useUnsavedMarker(section: string): UnsavedMarker {
  const registry = useContext(UnsavedContext);
  const edited = useCallback(() => {
    registry?.mark(section, true);
  }, [registry, section]);
  const saved = useCallback(() => {
    registry?.mark(section, false);
  }, [registry, section]);
  return { edited, saved };
}
