/**
 * Choosing a provider fills the server fields from its preferred endpoint (or the one chosen) and
 * shows its quirks. Facts nobody has confirmed are marked, so people check them.
 */
import { useState } from 'react';
import type { ProviderPreset, SubmissionEndpoint } from '../../../preload/contract/providers';
import { FieldShell } from '../../components/field';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import { EndpointChooser } from './endpoint-chooser';
import { PresetDetails } from './preset-details';
import type { PresetsState } from './use-presets';

export interface PresetPickerProps {
  readonly state: PresetsState;
  readonly selected: ProviderPreset | null;
  readonly onChoose: (preset: ProviderPreset, endpoint: SubmissionEndpoint) => void;
}

export function PresetPicker({ state, selected, onChoose }: PresetPickerProps) {
  const text = strings.presets;
  const [endpointIndex, setEndpointIndex] = useState(0);

  if (state.kind === 'loading') return <p className="muted">{text.loading}</p>;
  if (state.kind === 'failed') return <Notice tone="warning">{text.loadFailed}</Notice>;

  const choose = (preset: ProviderPreset, index: number) => {
    const endpoint = preset.endpoints[index];
    if (endpoint === undefined) return;
    setEndpointIndex(index);
    onChoose(preset, endpoint);
  };

  return (
    <div className="method-panel">
      <FieldShell id="account-preset" label={text.label}>
        <select
          id="account-preset"
          className="input select"
          value={selected?.id ?? ''}
          onChange={(event) => {
            const preset = state.presets.find((candidate) => candidate.id === event.target.value);
            if (preset !== undefined) choose(preset, 0);
          }}
        >
          <option value="" disabled>
            {text.placeholder}
          </option>
          {state.presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
      </FieldShell>
      {selected !== null && (
        <EndpointChooser
          endpoints={selected.endpoints}
          index={endpointIndex}
          onChoose={(index) => {
            choose(selected, index);
          }}
        />
      )}
      {selected !== null && <PresetDetails preset={selected} />}
    </div>
  );
}
