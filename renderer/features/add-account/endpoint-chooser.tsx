/**
 * Which of a provider's servers to use. A few endpoints are radio buttons with how sure we are of
 * each; a long list (one per region) is a drop-down, with the chosen one's certainty underneath.
 */
import type { SubmissionEndpoint } from '../../../preload/contract/providers';
import { ChoiceGroup } from '../../components/choice-group';
import { FieldShell } from '../../components/field';
import { strings } from '../../strings';

/** More endpoints than this are offered as a drop-down instead of radio buttons. */
const MAX_RADIO_ENDPOINTS = 4;

export function endpointName(endpoint: SubmissionEndpoint): string {
  const where = `${endpoint.host}:${endpoint.port} · ${strings.security.short[endpoint.security]}`;
  return endpoint.label === undefined ? where : `${endpoint.label}: ${where}`;
}

export interface EndpointChooserProps {
  readonly endpoints: readonly SubmissionEndpoint[];
  readonly index: number;
  readonly onChoose: (index: number) => void;
}

export function EndpointChooser({ endpoints, index, onChoose }: EndpointChooserProps) {
  const text = strings.presets;
  const chosen = endpoints[index];
  if (endpoints.length <= 1) {
    return chosen === undefined ? null : (
      <p className="endpoint-line">
        <span className="mono">{endpointName(chosen)}</span>
        <ConfidenceTag endpoint={chosen} />
      </p>
    );
  }
  if (endpoints.length <= MAX_RADIO_ENDPOINTS) {
    return (
      <ChoiceGroup
        id="account-endpoint"
        legend={text.endpoint}
        hint={text.endpointHint}
        value={String(index)}
        choices={endpoints.map((endpoint, position) => ({
          value: String(position),
          label: endpointName(endpoint),
          description: text.confidence[endpoint.confidence],
        }))}
        onChange={(value) => {
          onChoose(Number(value));
        }}
      />
    );
  }
  return (
    <div className="endpoint-select">
      <FieldShell id="account-endpoint" label={text.endpoint} hint={text.endpointHint}>
        <select
          id="account-endpoint"
          className="input select"
          value={String(index)}
          aria-describedby="account-endpoint-hint"
          onChange={(event) => {
            onChoose(Number(event.target.value));
          }}
        >
          {endpoints.map((endpoint, position) => (
            <option key={endpointName(endpoint)} value={String(position)}>
              {endpointName(endpoint)}
            </option>
          ))}
        </select>
      </FieldShell>
      {chosen !== undefined && <ConfidenceTag endpoint={chosen} />}
    </div>
  );
}

function ConfidenceTag({ endpoint }: { readonly endpoint: SubmissionEndpoint }) {
  return (
    <span className={`tag tag--${endpoint.confidence}`}>
      {strings.presets.confidence[endpoint.confidence]}
    </span>
  );
}
