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
import { appText } from '../../../preload/contract/untrusted-text';
import { useOpenSettings } from '../../app/open-settings';
import { Button } from '../../components/button';
import { strings } from '../../strings';
import { splitEvidence, type EvidenceRow } from './audit-model';
import { RecordCopy } from './record-copy';

export interface FindingBodyProps {
  readonly id: string;
  readonly finding: Finding;
  readonly transcript: readonly TranscriptLine[];
  /** null for a finding about a checked message: no provider's steps then. */
  readonly account: AccountView | null;
  readonly preset: ProviderPreset | null;
  /** Left out for a stored run opened from History: it is read-only. */
  readonly onTestAgain?: (() => void) | undefined;
  readonly onTestWithCertificate?: ((fingerprint: string) => void) | undefined;
}

export function FindingBody(props: FindingBodyProps) {
  const { id, finding, transcript, account, preset } = props;
  const text = strings.audit.finding;
  const { facts, technical } = splitEvidence(finding.evidence);
  const openSettings = useOpenSettings();
  // A fix that sends the person to a setting gets a way there.
  const pointsAtSettings = finding.fix.steps.some((step) => step.includes(text.settingsStepMarker));
  const presetId = account?.presetId ?? null;
  const providerSteps = presetId === null ? undefined : finding.fix.providerSteps?.[presetId];
  const hasFix =
    finding.fix.steps.length > 0 || finding.fix.record !== undefined || providerSteps !== undefined;

  return (
    <div className="finding__body">
      {(facts.length > 0 || technical.length > 0 || transcript.length > 0) && (
        <section aria-labelledby={`${id}-saw`}>
          <h4 className="finding__heading" id={`${id}-saw`}>
            {text.sawTitle}
          </h4>
          {facts.length > 0 && <EvidenceList rows={facts} />}
          {technical.length > 0 && (
            <details className="technical">
              <summary>{text.technicalTitle}</summary>
              <EvidenceList rows={technical} />
            </details>
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
          {pointsAtSettings && openSettings !== null && (
            <Button onClick={openSettings}>{text.openTrustedCertificates}</Button>
          )}
          {finding.fix.record !== undefined && <RecordCopy id={id} record={finding.fix.record} />}
          {providerSteps !== undefined && (
            <div className="provider-steps">
              <p className="provider-steps__title">{text.providerTitle(preset?.name ?? presetId ?? '')}</p>
              <ol className="fix-steps">
                {providerSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </div>
          )}
        </section>
      )}

      {finding.id === 'auth.tls.untrusted' &&
        typeof finding.evidence['fingerprintSha256'] === 'string' &&
        props.onTestWithCertificate !== undefined && (
          <AllowCertificate
            id={id}
            fingerprint={finding.evidence['fingerprintSha256']}
            onAllow={props.onTestWithCertificate}
          />
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

/**
 * "Allow this certificate for one test": the fingerprint to compare with the server's, then one run that
 * sends the password only to a server presenting exactly this certificate (the CLI's --allow-fingerprint).
 */
function AllowCertificate({
  id,
  fingerprint,
  onAllow,
}: {
  readonly id: string;
  readonly fingerprint: string;
  readonly onAllow: (fingerprint: string) => void;
}) {
  const text = strings.audit.finding;
  return (
    <section className="allow-certificate" aria-labelledby={`${id}-allow`}>
      <h4 className="finding__heading" id={`${id}-allow`}>
        {text.allowTitle}
      </h4>
      <p>{text.allowLead}</p>
      <p className="allow-certificate__fingerprint mono">{fingerprint}</p>
      <Button
        onClick={() => {
          onAllow(fingerprint);
        }}
      >
        {text.allowButton}
      </Button>
    </section>
  );
}

function EvidenceList({ rows }: { readonly rows: readonly EvidenceRow[] }) {
  return (
    <dl className="evidence">
      {rows.map((row) => (
        <div className="evidence__item" key={row.key}>
          <dt>{row.label}</dt>
          <dd className="mono">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
