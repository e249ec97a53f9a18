/** Provider presets from main, loaded once per visit to the form. */
import { useEffect, useState } from 'react';
import type { ProviderPreset } from '../../../preload/contract/providers';
import { bridge } from '../../lib/bridge';

export type PresetsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly presets: readonly ProviderPreset[] };

export function usePresets(): PresetsState {
  const [state, setState] = useState<PresetsState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    void bridge()
      .presets.list()
      .then((outcome) => {
        if (!current) return;
        setState(
          outcome.ok
            ? { kind: 'loaded', presets: outcome.value }
            : { kind: 'failed', message: outcome.error.message },
        );
      });
    return () => {
      current = false;
    };
  }, []);
  return state;
}

export function findPreset(state: PresetsState, id: string | null | undefined): ProviderPreset | null {
  if (state.kind !== 'loaded' || id === null || id === undefined) return null;
  return state.presets.find((preset) => preset.id === id) ?? null;
}
