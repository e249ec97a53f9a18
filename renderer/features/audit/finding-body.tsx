/**
 * An opened finding: what we saw (evidence and the check's conversation with the server), what it
 * means, how to fix it, references, and "Test this again".
 *
 * Everything here that came from a server or a DNS record is rendered as text nodes, which React
 * escapes: a hostile banner can never become markup.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { TranscriptLine } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import type { ProviderPreset } from '../../../preload/contract/providers';
import { Button } from '../../components/button';
import { strings } from '../../strings';
import { appText } from '../../../preload/contract/untrusted-text';
import { evidenceLabel, evidenceText } from './audit-model';
import { RecordCopy } from './record-copy';

export interface FindingBodyProps {
  readonly id: string;
  readonly finding: Finding;
  readonly transcript: readonly TranscriptLine[];
  readonly account: AccountView;
  readonly preset: ProviderPreset | null;
  /** Left out for a stored run opened from History: it is read-only. */
  readonly onTestAgain?: (() => void) | undefined;
}

export function FindingBody(props: FindingBodyProps) {
  const { id, finding, transcript, account, preset } = props;
  const text = strings.audit.finding;
  const evidence = Object.entries(finding.evidence);
  const providerSteps = account.presetId === null ? undefined : finding.fix.providerSteps?.[account.presetId];
  const hasFix =
    finding.fix.steps.length > 0 || finding.fix.record !== undefined || providerSteps !== undefined;

  return (
    <div className="finding__body">
      {(evidence.length > 0 || transcript.length > 0) && (
        <section aria-labelledby={`${id}-saw`}>
          <h4 className="finding__heading" id={`${id}-saw`}>
            {text.sawTitle}
          </h4>
          {evidence.length > 0 && (
            <dl className="evidence">
              {evidence.map(([key, value]) => (
                <div className="evidence__item" key={key}>
                  <dt>{evidenceLabel(key)}</dt>
                  <dd className="mono">{evidenceText(value)}</dd>
                </div>
              ))}
            </dl>
          )}
          {transcript.length > 0 && (
            <details className="transcript">
              <summary>{text.transcript(transcript.length)}</summary>
              <pre className="transcript__lines">
                {transcript.map((line, index) => (
                  <span className={`transcript__line transcript__line--${line.direction}`} key={index}>
                    <span className="transcript__who">
                      {line.direction === 'client'
                        ? text.client
                        : line.direction === 'server'
                          ? text.server
                          : text.event}
                    </span>
                    <span className="transcript__text">{appText(line.text)}</span>
                  </span>
                ))}
              </pre>
            </details>
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-means`}>
        <h4 className="finding__heading" id={`${id}-means`}>
          {text.meansTitle}
        </h4>
        <p className="finding__text">{finding.explanation}</p>
      </section>

      {hasFix && (
        <section aria-labelledby={`${id}-fix`}>
          <h4 className="finding__heading" id={`${id}-fix`}>
            {text.fixTitle}
          </h4>
          {finding.fix.steps.length > 0 && (
            <ol className="fix-steps">
              {finding.fix.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )}
          {finding.fix.record !== undefined && <RecordCopy id={id} record={finding.fix.record} />}
          {providerSteps !== undefined && (
            <div className="provider-steps">
              <p className="provider-steps__title">
                {text.providerTitle(preset?.name ?? account.presetId ?? '')}
              </p>
              <ol className="fix-steps">
                {providerSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </div>
          )}
        </section>
      )}

      {finding.references.length > 0 && (
        <section aria-labelledby={`${id}-refs`}>
          <h4 className="finding__heading" id={`${id}-refs`}>
            {text.referencesTitle}
          </h4>
          <ul className="references">
            {finding.references.map((reference) => (
              <li key={reference.url}>
                {/* The window opens no new windows: main hands safe links to the user's browser. */}
                <a href={reference.url} target="_blank" rel="noreferrer">
                  {reference.label}
                  <span className="visually-hidden"> {text.opensBrowser}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="finding__actions">
        {props.onTestAgain !== undefined && (
          <Button onClick={props.onTestAgain}>{strings.audit.results.testAgain}</Button>
        )}
        <span className="finding__hint">{text.closeHint}</span>
      </div>
    </div>
  );
}
