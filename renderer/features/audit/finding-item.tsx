/**
 * One finding in the results: a button with its severity and title that opens the details below it.
 *
 * Escape anywhere inside an opened finding closes it and puts focus back on its button, so a keyboard
 * user who wandered into the fix steps is one key away from the list again.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { TranscriptLine } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import type { ProviderPreset } from '../../../preload/contract/providers';
import { strings } from '../../strings';
import { transcriptFor } from './audit-model';
import { FindingBody } from './finding-body';

export interface FindingItemProps {
  /** Unique within the page, for ids. */
  readonly index: number;
  readonly finding: Finding;
  readonly transcript: readonly TranscriptLine[];
  /** null for a finding about a checked message: it belongs to no account. */
  readonly account: AccountView | null;
  readonly preset: ProviderPreset | null;
  /** Left out for a stored run opened from History: it is read-only. */
  readonly onTestAgain?: (() => void) | undefined;
  /** Test again, sending the password once to a server presenting exactly this certificate. */
  readonly onTestWithCertificate?: ((fingerprint: string) => void) | undefined;
}

export function FindingItem(props: FindingItemProps) {
  const { index, finding } = props;
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = `finding-${String(index)}`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    // Settings also listens for Escape on the document: this one is handled here.
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <li
      className={`finding finding--${finding.severity}${open ? ' finding--open' : ''}`}
      data-finding-id={finding.id}
      onKeyDown={onKeyDown}
    >
      <h3 className="finding__title">
        <button
          type="button"
          ref={toggle}
          className="finding__toggle"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => {
            setOpen(!open);
          }}
        >
          <span className={`severity severity--${finding.severity}`}>
            {strings.audit.severity[finding.severity]}
          </span>
          <span className="finding__name">{finding.title}</span>
          <span className="finding__chevron" aria-hidden="true" />
        </button>
      </h3>
      <div id={`${id}-panel`} className="finding__panel" hidden={!open}>
        {open && (
          <FindingBody
            id={id}
            finding={finding}
            transcript={transcriptFor(finding, props.transcript)}
            account={props.account}
            preset={props.preset}
            onTestAgain={props.onTestAgain}
            onTestWithCertificate={props.onTestWithCertificate}
          />
        )}
      </div>
    </li>
  );
}
