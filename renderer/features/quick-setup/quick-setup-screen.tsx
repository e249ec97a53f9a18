/**
 * Quick setup, as Thunderbird's account setup does it: an email address and a password, a lookup of the
 * domain's own records (SRV, its autoconfig file, the provider behind its MX, then a guess), one sentence
 * saying what was found and where (the server to read mail from too, when the domain names one), and
 * "Save and test". The full form stays one press away.
 */
import { useState, type SubmitEvent } from 'react';
import type { AccountInput, AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import type { DiscoveryCandidate, DiscoveryResult } from '../../../preload/contract/providers';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import type { AccountFormValues } from '../add-account/account-form-state';
import { findPreset, usePresets } from '../add-account/use-presets';
import { secretLabel } from '../../lib/secret-label';
import { domainToLookUp, manualValues, proposedIncoming, quickSetupInput } from './quick-setup-model';
import { QuickSetupResult } from './quick-setup-result';

export interface QuickSetupProps {
  readonly save: (input: AccountInput, password: string | undefined) => Promise<Outcome<AccountView>>;
  /** Saved: the caller opens the test of this account. */
  readonly onSaved: (account: AccountView) => void;
  /** "Configure manually": the full form, filled with what is known so far. */
  readonly onManual: (values: AccountFormValues) => void;
  readonly onCancel: () => void;
}

/** One lookup for one address; a new address starts over at 'entry'. */
export type Lookup =
  | { readonly kind: 'entry' }
  | { readonly kind: 'looking'; readonly domain: string }
  | { readonly kind: 'done'; readonly result: DiscoveryResult; readonly chosen: DiscoveryCandidate | null }
  | { readonly kind: 'failed'; readonly message: string };

const TITLE_ID = 'quick-setup-title';

export function QuickSetup({ save, onSaved, onManual, onCancel }: QuickSetupProps) {
  const text = strings.quickSetup;
  const presets = usePresets();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ kind: 'entry' });
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const chosen = lookup.kind === 'done' ? lookup.chosen : null;
  const preset = findPreset(
    presets,
    chosen?.presetId ?? (lookup.kind === 'done' ? lookup.result.presetId : null),
  );

  const find = async () => {
    const domain = domainToLookUp(email);
    if (domain === null) {
      setEmailError(text.needEmail);
      return;
    }
    setEmailError(undefined);
    setLookup({ kind: 'looking', domain });
    const outcome = await bridge().discovery.run(domain);
    setLookup(
      outcome.ok
        ? { kind: 'done', result: outcome.value, chosen: outcome.value.candidates[0] ?? null }
        : { kind: 'failed', message: outcome.error.message },
    );
  };

  const saveAndTest = async () => {
    if (chosen === null || saving) return;
    setSaving(true);
    setSaveError(null);
    const incoming = lookup.kind === 'done' ? proposedIncoming(lookup.result.incomingCandidates) : null;
    const outcome = await save(
      quickSetupInput(email, chosen, preset, incoming),
      password === '' ? undefined : password,
    );
    setSaving(false);
    if (outcome.ok) {
      onSaved(outcome.value);
      return;
    }
    const details = outcome.error.fields?.map((field) => field.message) ?? [];
    setSaveError([outcome.error.message, ...details].filter((line) => line !== '').join(' '));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (lookup.kind === 'done' && chosen !== null) void saveAndTest();
    else if (lookup.kind !== 'looking') void find();
  };

  const status = lookup.kind === 'looking' ? text.finding(lookup.domain) : saving ? text.saving : '';

  return (
    <div className="add-account quick-setup">
      <PageHeading focusOnMount id={TITLE_ID}>
        {text.title}
      </PageHeading>
      <p className="lead">{text.lead}</p>
      <form className="form" noValidate aria-labelledby={TITLE_ID} onSubmit={submit}>
        <TextField
          id="quick-email"
          label={text.email}
          hint={text.emailHint}
          error={emailError}
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(value) => {
            // A new address is a new lookup: nothing found for the previous one may stay.
            setEmail(value);
            setLookup({ kind: 'entry' });
            setSaveError(null);
          }}
        />
        <TextField
          id="quick-password"
          label={secretLabel(preset)}
          hint={text.passwordHint}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <LiveStatus message={status} />
        {lookup.kind === 'failed' && (
          <Notice tone="error" role="alert" title={text.failed}>
            <p>{lookup.message}</p>
          </Notice>
        )}
        {lookup.kind === 'done' && (
          <QuickSetupResult
            result={lookup.result}
            chosen={lookup.chosen}
            preset={preset}
            onChoose={(candidate) => {
              setLookup({ ...lookup, chosen: candidate });
            }}
          />
        )}
        {saveError !== null && (
          <Notice tone="error" role="alert">
            <p>{saveError}</p>
          </Notice>
        )}
        <div className="actions actions--form">
          {lookup.kind === 'done' && chosen !== null ? (
            <Button type="submit" variant="primary" busy={saving} busyLabel={text.saving}>
              {text.saveAndTest}
            </Button>
          ) : (
            <Button
              type="submit"
              variant={lookup.kind === 'done' ? 'secondary' : 'primary'}
              busy={lookup.kind === 'looking'}
              busyLabel={text.finding(lookup.kind === 'looking' ? lookup.domain : '')}
            >
              {text.find}
            </Button>
          )}
          <Button
            variant={lookup.kind === 'done' && chosen === null ? 'primary' : 'secondary'}
            onClick={() => {
              onManual(manualValues(email, password, chosen === null ? null : { candidate: chosen, preset }));
            }}
          >
            {text.manual}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
