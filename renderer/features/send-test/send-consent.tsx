/**
 * The consent panel: says plainly that this is the one place Mailwarden sends a message, from where and
 * to whom, before anything is sent. Send is the only way on; the address is checked before it goes.
 */
import { useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { PROOF_WAIT_SECONDS } from '../../../preload/contract/proof';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import { checkRecipient } from './proof-model';

export interface SendConsentProps {
  readonly account: AccountView;
  readonly busy: boolean;
  /** Why the last Send was refused (main's message), shown above the panel. */
  readonly problem: string | null;
  readonly onSend: (to: string | undefined) => void;
  readonly onCancel: () => void;
}

export function SendConsent({ account, busy, problem, onSend, onCancel }: SendConsentProps) {
  const text = strings.sendTest;
  const [typed, setTyped] = useState(account.email);
  const [error, setError] = useState<string | undefined>(undefined);
  const imap = account.incoming?.protocol === 'imap' ? account.incoming : null;

  return (
    <section className="inline-panel send-consent" aria-labelledby="send-consent-title">
      <h2 id="send-consent-title" className="section-title">
        {text.consentTitle}
      </h2>
      {problem !== null && (
        <Notice tone="error" role="alert" title={text.failedTitle} className="audit__notice">
          <p>{problem}</p>
        </Notice>
      )}
      <p>{text.consentLead}</p>
      <ul>
        <li>{text.consentFrom(account.email, account.host)}</li>
        {imap !== null && <li>{text.consentMailbox(imap.host)}</li>}
        <li>{text.consentWait(PROOF_WAIT_SECONDS)}</li>
      </ul>
      {imap === null ? (
        <Notice tone="warning" className="audit__notice">
          <p>{text.noImap}</p>
        </Notice>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const checked = checkRecipient(typed === account.email ? '' : typed);
            if ('error' in checked) {
              setError(checked.error);
              return;
            }
            setError(undefined);
            onSend(checked.to);
          }}
        >
          <TextField
            id="send-test-to"
            label={text.toLabel}
            hint={text.toHint(account.email)}
            error={error}
            type="email"
            inputMode="email"
            value={typed}
            onChange={setTyped}
          />
          <div className="actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel={text.send}>
              {text.send}
            </Button>
            <Button type="button" variant="quiet" onClick={onCancel}>
              {text.cancel}
            </Button>
          </div>
        </form>
      )}
      {imap === null && (
        <div className="actions">
          <Button type="button" variant="quiet" onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      )}
    </section>
  );
}
