/**
 * The empty state: what Mailwarden checks, in plain words, and the promise that nothing leaves this
 * computer, then one clear way forward.
 */
import type { KeychainState } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';

export interface WelcomeScreenProps {
  readonly focusOnMount: boolean;
  /** Checked before anything is typed, so the promise below is not made on a machine that cannot keep it. */
  readonly keychain: KeychainState;
  readonly onStart: () => void;
}

export function WelcomeScreen({ focusOnMount, keychain, onStart }: WelcomeScreenProps) {
  const text = strings.welcome;
  return (
    <div className="welcome">
      <PageHeading focusOnMount={focusOnMount}>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      {keychain !== 'available' && (
        <Notice
          tone="warning"
          title={keychain === 'locked' ? text.keychain.lockedTitle : text.keychain.unavailableTitle}
          className="welcome__keychain"
        >
          <p>{keychain === 'locked' ? text.keychain.locked : text.keychain.unavailable}</p>
        </Notice>
      )}

      <section className="welcome__section" aria-labelledby="welcome-checks">
        <h2 id="welcome-checks" className="section-title">
          {text.checksTitle}
        </h2>
        <ul className="check-grid">
          {text.checks.map((check) => (
            <li className="check-card" key={check.title}>
              <h3 className="check-card__title">{check.title}</h3>
              <p className="check-card__body">{check.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="promise" aria-labelledby="welcome-privacy">
        <span className="promise__icon" aria-hidden="true" />
        <div>
          <h2 id="welcome-privacy" className="promise__title">
            {text.privacyTitle}
          </h2>
          <ul className="promise__list">
            {text.privacy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      </section>

      <div className="actions">
        <Button variant="primary" onClick={onStart}>
          {text.start}
        </Button>
      </div>
    </div>
  );
}
