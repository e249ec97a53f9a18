/** What quick setup found: one sentence with the server, where it was found, other choices, and the steps. */
import type {
  DiscoveryCandidate,
  DiscoveryResult,
  ProviderPreset,
} from '../../../preload/contract/providers';
import { ChoiceGroup } from '../../components/choice-group';
import { strings } from '../../strings';
import { PresetDetails } from '../add-account/preset-details';
import { describeFound, describeIncoming, isRecommended, proposedIncoming } from './quick-setup-model';

export interface QuickSetupResultProps {
  readonly result: DiscoveryResult;
  readonly chosen: DiscoveryCandidate | null;
  readonly preset: ProviderPreset | null;
  readonly onChoose: (candidate: DiscoveryCandidate) => void;
}

const keyOf = (candidate: DiscoveryCandidate): string =>
  `${candidate.host}:${String(candidate.port)}:${candidate.security}`;

export function QuickSetupResult({ result, chosen, preset, onChoose }: QuickSetupResultProps) {
  const text = strings.quickSetup;
  const { candidates } = result;
  const incoming = proposedIncoming(result.incomingCandidates);
  return (
    <section className="quick-setup__result" aria-labelledby="quick-setup-result-title">
      {chosen === null ? (
        <>
          <h2 className="section-title" id="quick-setup-result-title">
            {text.notFoundTitle}
          </h2>
          <p>{text.notFound(result.domain)}</p>
        </>
      ) : (
        <>
          <h2 className="section-title" id="quick-setup-result-title">
            {text.foundTitle}
          </h2>
          <p className="quick-setup__found">{describeFound(chosen, isRecommended(candidates, chosen))}</p>
          <p>{text.foundIn(text.sourceName[chosen.source])}</p>
          {/* With several servers, each choice below carries its own reason: say it once, there. */}
          {candidates.length <= 1 && <p className="muted">{chosen.reason}</p>}
          {preset !== null && <p className="muted">{text.provider(preset.name)}</p>}
          {candidates.length > 1 && (
            <ChoiceGroup<string>
              id="quick-setup-server"
              legend={text.otherServers}
              value={keyOf(chosen)}
              choices={candidates.map((candidate) => ({
                value: keyOf(candidate),
                label: describeFound(candidate, isRecommended(candidates, candidate)).replace(/^[^:]*: /, ''),
                description: candidate.reason,
              }))}
              onChange={(key) => {
                const next = candidates.find((candidate) => keyOf(candidate) === key);
                if (next !== undefined) onChoose(next);
              }}
            />
          )}
          {incoming === null ? (
            <p className="muted quick-setup__incoming">{text.incomingNotFound}</p>
          ) : (
            <p className="quick-setup__incoming">{describeIncoming(incoming)}</p>
          )}
          {preset !== null && <PresetDetails preset={preset} />}
        </>
      )}
      <details className="steps">
        <summary>{text.steps}</summary>
        <ol className="steps__list">
          {result.steps.map((step, index) => (
            <li key={index}>
              <span className="steps__name">{step.step}</span>
              <span className="steps__outcome">{step.outcome}</span>
            </li>
          ))}
        </ol>
        <p className="muted">{strings.discovery.resolver(result.resolver)}</p>
      </details>
    </section>
  );
}
