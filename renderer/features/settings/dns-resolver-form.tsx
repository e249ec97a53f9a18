/**
 * The DNS resolver setting: this computer's resolver, or one server (`host:port`) that every lookup
 * Mailwarden makes goes to. Main validates the address and answers with a message for the field.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import type { Settings } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { ChoiceGroup, type Choice } from '../../components/choice-group';
import { TextField } from '../../components/field';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { fieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { useUnsavedMarker } from './unsaved-changes';

type ResolverMode = 'system' | 'custom';

const FIELD_ID = 'settings-dns-server';

const CHOICES: readonly Choice<ResolverMode>[] = [
  { value: 'system', label: strings.dnsResolver.system, description: strings.dnsResolver.systemHint },
  { value: 'custom', label: strings.dnsResolver.custom, description: strings.dnsResolver.customHint },
];

export interface DnsResolverFormProps {
  /** What main has saved, so the form opens showing the setting in force. */
  readonly initial: Settings;
}

interface Problem {
  /** Shown next to the address field, or above the Save button when it is not about the field. */
  readonly field?: string;
  readonly form?: string;
  /** Changes on every failed attempt, so focus returns to the field each time. */
  readonly attempt: number;
}

export function DnsResolverForm({ initial }: DnsResolverFormProps) {
  const text = strings.dnsResolver;
  const [mode, setMode] = useState<ResolverMode>(initial.dnsServer === null ? 'system' : 'custom');
  const [address, setAddress] = useState(initial.dnsServer ?? '');
  const [inUse, setInUse] = useState(initial.dnsServer);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (problem?.field !== undefined) document.getElementById(FIELD_ID)?.focus();
  }, [problem]);

  const fail = (messages: { readonly field?: string; readonly form?: string }) => {
    setProblem((previous) => ({ ...messages, attempt: (previous?.attempt ?? 0) + 1 }));
  };
  const unsaved = useUnsavedMarker(text.title);
  const edited = () => {
    setSaved(null);
    unsaved.edited();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaved(null);
    if (mode === 'custom' && address.trim() === '') {
      fail({ field: text.addressRequired });
      return;
    }
    setProblem(null);
    setSaving(true);
    const outcome = await bridge().settings.update({ dnsServer: mode === 'system' ? null : address });
    setSaving(false);
    if (outcome.ok) {
      const server = outcome.value.settings.dnsServer;
      setInUse(server);
      unsaved.saved();
      if (server !== null) setAddress(server);
      setSaved(text.saved(server));
      return;
    }
    const field = fieldMessages(outcome.error.fields).dnsServer;
    fail(field === undefined ? { form: outcome.error.message } : { field });
  };

  return (
    <form
      className="form settings__section"
      noValidate
      aria-labelledby="dns-resolver-title"
      onSubmit={(e) => void submit(e)}
    >
      <section className="form-section" aria-labelledby="dns-resolver-title">
        <div className="settings__section-head">
          <h2 className="section-title" id="dns-resolver-title">
            {text.title}
          </h2>
          <p className="settings__in-use">
            <span className="settings__in-use-label">{text.inUse}</span>{' '}
            {inUse === null ? text.inUseSystem : <span className="mono">{inUse}</span>}
          </p>
        </div>
        <p className="muted">{text.intro}</p>
        <ChoiceGroup
          id="settings-dns-mode"
          legend={text.legend}
          choices={CHOICES}
          value={mode}
          onChange={(value) => {
            setMode(value);
            setProblem(null);
            edited();
          }}
        >
          {mode === 'custom' && (
            <div className="settings__address">
              <TextField
                id={FIELD_ID}
                label={text.address}
                hint={text.addressHint}
                error={problem?.field}
                value={address}
                inputMode="url"
                onChange={(value) => {
                  setAddress(value);
                  edited();
                }}
              />
            </div>
          )}
        </ChoiceGroup>
      </section>
      <div className="settings__footer">
        {problem?.form !== undefined && (
          <Notice tone="error" role="alert">
            {problem.form}
          </Notice>
        )}
        {/* Always in the page, so screen readers announce the confirmation when it appears. */}
        <div role="status" aria-live="polite" className="settings__status">
          {saving && <span className="visually-hidden">{strings.settings.saving}</span>}
          {saved !== null && <Notice tone="success">{saved}</Notice>}
        </div>
        <div className="actions actions--form">
          <Button type="submit" variant="primary" busy={saving} busyLabel={strings.settings.saving}>
            {text.save}
          </Button>
        </div>
      </div>
    </form>
  );
}
