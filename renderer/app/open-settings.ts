/**
 * Opening Settings from deep inside a screen (a results banner's "DNS settings" button) without passing
 * a callback through every screen between App and the button.
 */
import { createContext, useContext } from 'react';

export const OpenSettingsContext = createContext<(() => void) | null>(null);

/** The way to open Settings, or null where the app provides none (tests rendering a screen alone). */
export function useOpenSettings(): (() => void) | null {
  return useContext(OpenSettingsContext);
}
