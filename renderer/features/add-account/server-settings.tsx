/**
 * Where the account sends mail: pick a provider, let Mailwarden look the domain up, or type it in.
 * Whichever way, the host, port and security fields stay visible and editable.
 */
import { useState } from 'react';
import { SECURITY_MODES, type SecurityMode } from '../../../preload/contract/accounts';
import type { ProviderPreset, SubmissionEndpoint } from '../../../preload/contract/providers';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/field';
import type { FieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { type AccountFormValues, shownDomain, withEndpoint } from './account-form-state';
import { DiscoveryPanel } from './discovery-panel';
import { PresetPicker } from './preset-picker';
import { findPreset, type PresetsState } from './use-presets';

export type Method = 'preset' | 'discover' | 'manual';

export interface ServerSettingsProps {
  readonly values: AccountFormValues;
  readonly errors: FieldMessages;
  readonly presets: PresetsState;
  readonly initialMethod: Method;
  readonly update: (change: (values: AccountFormValues) => AccountFormValues) => void;
}

export function ServerSettings({ values, errors, presets, initialMethod, update }: ServerSettingsProps) {
  const text = strings.addAccount;
  const [method, setMethod] = useState<Method>(initialMethod);
  const set = (patch: Partial<AccountFormValues>) => {
    update((previous) => ({ ...previous, ...patch }));
  };
  const applyEndpoint = (
    endpoint: Pick<SubmissionEndpoint, 'host' | 'port' | 'security'>,
    preset: ProviderPreset | null,
  ) => {
    update((previous) => withEndpoint(previous, endpoint, preset, findPreset(presets, previous.presetId)));
  };

  return (
    <section className="form-section" aria-labelledby="section-server">
      <h2 className="section-title" id="section-server">
        {text.sectionServer}
      </h2>
      <ChoiceGroup<Method>
        id="account-method"
        legend={strings.method.legend}
        layout="inline"
        value={method}
        choices={[
          { value: 'preset', label: strings.method.preset },
          { value: 'discover', label: strings.method.discover },
          { value: 'manual', label: strings.method.manual },
        ]}
        onChange={setMethod}
      />
      {method === 'preset' && (
        <PresetPicker
          state={presets}
          selected={findPreset(presets, values.presetId)}
          onChoose={(preset, endpoint) => {
            applyEndpoint(endpoint, preset);
          }}
        />
      )}
      {method === 'discover' && (
        <DiscoveryPanel
          domain={shownDomain(values)}
          presets={presets}
          onUse={(candidate, preset) => {
            applyEndpoint(candidate, preset);
          }}
        />
      )}
      <TextField
        id="account-host"
        label={text.host}
        hint={text.hostHint}
        error={errors.host}
        value={values.host}
        onChange={(host) => {
          set({ host });
        }}
      />
      <TextField
        id="account-port"
        label={text.port}
        hint={text.portHint}
        error={errors.port}
        inputMode="numeric"
        size="short"
        value={values.port}
        onChange={(port) => {
          set({ port });
        }}
      />
      <ChoiceGroup<SecurityMode>
        id="account-security"
        legend={text.security}
        error={errors.security}
        value={values.security}
        choices={SECURITY_MODES.map((mode) => ({
          value: mode,
          label: strings.security.name[mode],
          description: strings.security.explain[mode],
        }))}
        onChange={(security) => {
          set({ security });
        }}
      />
    </section>
  );
}
