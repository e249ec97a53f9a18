/**
 * "Tests your mail administrator might notice": the relay/spoofing and login switches, each with its
 * one-line reason, as both plans (one account, a client) show them.
 *
 * The spoofing half of the relay test signs in, so with the login switched off the relay switch shows
 * off and cannot be turned on: "no login" must mean no login (see auditOptionsFor).
 */
import { strings } from '../../strings';
import type { PlanChoices } from './audit-model';
import { Switch } from './switch';

export interface NoticeableTestsProps {
  /** Prefix for the element ids, unique on the page. */
  readonly idPrefix: string;
  readonly choices: PlanChoices;
  readonly onChange: (choices: PlanChoices) => void;
  /** False when no account in the plan has a stored password: nothing could sign in. */
  readonly canLogIn: boolean;
  /** The login switch's one-line reason (one sign-in, or one per account). */
  readonly loginReason: string;
  /** Says why there is no login switch when `canLogIn` is false. */
  readonly noPasswordText: string;
}

export function NoticeableTests(props: NoticeableTestsProps) {
  const { idPrefix, choices, onChange, canLogIn } = props;
  const text = strings.audit.plan;
  const headingId = `${idPrefix}-notice`;
  const loginOff = canLogIn && !choices.login;
  return (
    <section className="audit__section notice-tests" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {text.noticeTitle}
      </h2>
      <p className="notice-tests__lead">{text.noticeLead}</p>
      <div className="switch-list">
        <Switch
          id={`${idPrefix}-relay`}
          label={text.relay}
          reason={text.relayReason}
          checked={choices.relayTest && !loginOff}
          disabled={loginOff}
          note={loginOff ? text.loginOffNote : undefined}
          onChange={(relayTest) => {
            onChange({ ...choices, relayTest });
          }}
        />
        {canLogIn ? (
          <Switch
            id={`${idPrefix}-login`}
            label={text.login}
            reason={props.loginReason}
            checked={choices.login}
            onChange={(on) => {
              onChange({ ...choices, login: on });
            }}
          />
        ) : (
          <div className="switch-row switch-row--static">
            <div className="switch-row__text">
              <p className="switch-row__label">{text.noPasswordTitle}</p>
              <p className="switch-row__reason">{props.noPasswordText}</p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
