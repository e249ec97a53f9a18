/**
 * "Find my server settings": asks main to look up the email domain's public records (SRV per
 * RFC 6186 and RFC 8314, MX, known providers) and lists what it found, with its reasons and steps.
 */
import { useState } from 'react';
import type {
  DiscoveryCandidate,
  DiscoveryResult,
  ProviderPreset,
} from '../../../preload/contract/providers';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { PresetDetails } from './preset-details';
import { findPreset, type PresetsState } from './use-presets';

export interface DiscoveryPanelProps {
  readonly domain: string;
  readonly presets: PresetsState;
  readonly onUse: (candidate: DiscoveryCandidate, preset: ProviderPreset | null) => void;
}

type Lookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly domain: string }
  | { readonly kind: 'done'; readonly result: DiscoveryResult }
  | { readonly kind: 'failed'; readonly message: string };

export function DiscoveryPanel({ domain, presets, onUse }: DiscoveryPanelProps) {
  const text = strings.discovery;
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const [used, setUsed] = useState<DiscoveryCandidate | null>(null);

  const run = async () => {
    if (domain === '' || lookup.kind === 'running') return;
    setUsed(null);
    setLookup({ kind: 'running', domain });
    const outcome = await bridge().discovery.run(domain);
    setLookup(
      outcome.ok
        ? { kind: 'done', result: outcome.value }
        : { kind: 'failed', message: outcome.error.message },
    );
  };

  const status = (): string => {
    if (lookup.kind === 'running') return text.running(lookup.domain);
    if (used !== null) return text.used(used.host, used.port);
    if (lookup.kind !== 'done') return '';
    const { candidates, domain: looked } = lookup.result;
    return candidates.length === 0 ? text.none(looked) : text.found(candidates.length, looked);
  };
  const usedPreset = used === null ? null : findPreset(presets, used.presetId);

  return (
    <div className="method-panel">
      <p className="muted">{domain === '' ? text.needEmail : text.intro}</p>
      <div className="actions actions--compact">
        <Button
          variant="secondary"
          busy={lookup.kind === 'running'}
          busyLabel={text.running(domain)}
          aria-disabled={domain === '' || undefined}
          onClick={() => void run()}
        >
          {text.run}
        </Button>
      </div>
      <LiveStatus message={status()} />
      {lookup.kind === 'failed' && (
        <Notice tone="error" role="alert">
          {lookup.message}
        </Notice>
      )}
      {lookup.kind === 'done' && lookup.result.candidates.length > 0 && (
        <ol className="candidates">
          {lookup.result.candidates.map((candidate) => (
            <li className="candidate" key={`${candidate.host}:${candidate.port}:${candidate.security}`}>
              <p className="candidate__where">
                <span className="mono">{`${candidate.host}:${candidate.port}`}</span>
                <span className="tag">{strings.security.short[candidate.security]}</span>
              </p>
              <p className="candidate__reason">{candidate.reason}</p>
              <Button
                variant="secondary"
                onClick={() => {
                  setUsed(candidate);
                  onUse(candidate, findPreset(presets, candidate.presetId));
                }}
              >
                {text.useFor(candidate.host, candidate.port)}
              </Button>
            </li>
          ))}
        </ol>
      )}
      {lookup.kind === 'done' && (
        <details className="steps">
          <summary>{text.steps}</summary>
          <ol className="steps__list">
            {lookup.result.steps.map((step, index) => (
              <li key={index}>
                <span className="steps__name">{step.step}</span>
                <span className="steps__outcome">{step.outcome}</span>
              </li>
            ))}
          </ol>
          <p className="muted">{text.resolver(lookup.result.resolver)}</p>
        </details>
      )}
      {usedPreset !== null && <PresetDetails preset={usedPreset} />}
    </div>
  );
}
