/**
 * Offers the DKIM selectors a test message proved the account signs with (issue 13: selector discovery
 * from real mail). One button saves them with the account, exactly as Edit would with the selectors field
 * extended, so every later audit checks the keys behind them in DNS.
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { toAccountInput, valuesFromAccount } from '../add-account/account-form-state';

export interface AddLearnedSelectorsProps {
  readonly account: AccountView;
  /** Not yet listed with the account (learned-selectors.ts). */
  readonly selectors: readonly string[];
  readonly onAdded: (account: AccountView) => void;
}

type AddState =
  | { readonly kind: 'offered' }
  | { readonly kind: 'adding' }
  | { readonly kind: 'added'; readonly selectors: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

export function AddLearnedSelectors({ account, selectors, onAdded }: AddLearnedSelectorsProps) {
  const text = strings.sendTest.learned;
  const [state, setState] = useState<AddState>({ kind: 'offered' });
  const done = useRef<HTMLDivElement>(null);
  const added = state.kind === 'added';
  // The button is gone once added: focus goes to the confirmation that took its place, once it is there.
  useEffect(() => {
    if (added) done.current?.focus();
  }, [added]);

  const add = async () => {
    setState({ kind: 'adding' });
    const values = valuesFromAccount(account);
    const conversion = toAccountInput({
      ...values,
      dkimSelectors: [...account.dkimSelectors, ...selectors].join(', '),
    });
    if (!conversion.ok) {
      setState({ kind: 'failed', message: text.notConverted });
      return;
    }
    const outcome = await bridge().accounts.update(account.id, conversion.input);
    if (!outcome.ok) {
      // A refused field (a selector main does not accept) says more than the general sentence.
      setState({ kind: 'failed', message: outcome.error.fields?.[0]?.message ?? outcome.error.message });
      return;
    }
    setState({ kind: 'added', selectors });
    onAdded(outcome.value.account);
  };

  if (state.kind === 'added')
    return (
      <Notice tone="success" role="status" ref={done} focusable className="audit__notice">
        <p>{text.added(state.selectors, account.label)}</p>
      </Notice>
    );
  return (
    <section className="audit__section" aria-labelledby="learned-selectors-title">
      <h2 id="learned-selectors-title" className="section-title">
        {text.title}
      </h2>
      <p>{text.lead(selectors, account.label)}</p>
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" title={text.failedTitle} className="audit__notice">
          <p>{state.message}</p>
        </Notice>
      )}
      <div className="actions">
        <Button
          variant="primary"
          busy={state.kind === 'adding'}
          busyLabel={text.adding}
          onClick={() => {
            void add();
          }}
        >
          {text.add(selectors)}
        </Button>
      </div>
    </section>
  );
}
