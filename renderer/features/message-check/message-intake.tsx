/**
 * The two ways in: a message file (main's own open dialog reads it, the page never sees the path) or a
 * paste, with the size limit said up front and "offline" for judging only what the message says.
 */
import { useState } from 'react';
import { MAX_PASTED_MESSAGE_CHARS } from '../../../preload/contract/message-check';
import { Button } from '../../components/button';
import { describedBy, FieldErrorText } from '../../components/field';
import { strings } from '../../strings';
import { Switch } from '../audit/switch';

/** "40 MB": the paste limit as the hint and the error say it. */
export const PASTE_LIMIT_TEXT = `${String(MAX_PASTED_MESSAGE_CHARS / (1024 * 1024))} MB`;

export interface MessageIntakeProps {
  /** Which way in is being checked right now, if any: the other one waits. */
  readonly busy: 'file' | 'paste' | null;
  readonly onOpenFile: (offline: boolean) => void;
  readonly onPaste: (text: string, offline: boolean) => void;
}

export function MessageIntake({ busy, onOpenFile, onPaste }: MessageIntakeProps) {
  const text = strings.messageCheck;
  const [pasted, setPasted] = useState('');
  const [offline, setOffline] = useState(false);
  const [pasteError, setPasteError] = useState<string | undefined>(undefined);
  const hint = text.pasteHint(PASTE_LIMIT_TEXT);

  const submitPaste = () => {
    if (pasted.trim() === '') setPasteError(text.pasteEmpty);
    else if (pasted.length > MAX_PASTED_MESSAGE_CHARS) setPasteError(text.pasteTooBig(PASTE_LIMIT_TEXT));
    else {
      setPasteError(undefined);
      onPaste(pasted, offline);
    }
  };

  return (
    <div className="message-intake">
      <section className="audit__section message-intake__way" aria-labelledby="message-file-title">
        <h2 id="message-file-title" className="section-title">
          {text.fileTitle}
        </h2>
        <p>{text.fileHint}</p>
        <Button
          variant="primary"
          busy={busy === 'file'}
          busyLabel={text.opening}
          aria-disabled={busy === 'paste' || undefined}
          onClick={() => {
            onOpenFile(offline);
          }}
        >
          {text.openFile}
        </Button>
      </section>

      <section className="audit__section message-intake__way" aria-labelledby="message-paste-title">
        <h2 id="message-paste-title" className="section-title">
          {text.pasteTitle}
        </h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (busy === null) submitPaste();
          }}
        >
          <div className={pasteError === undefined ? 'field' : 'field field--invalid'}>
            <label className="field__label" htmlFor="message-paste">
              {text.pasteLabel}
            </label>
            <p className="field__hint" id="message-paste-hint">
              {hint}
            </p>
            {pasteError !== undefined && <FieldErrorText id="message-paste-error" message={pasteError} />}
            <textarea
              id="message-paste"
              className="input message-intake__paste"
              rows={12}
              spellCheck={false}
              autoComplete="off"
              value={pasted}
              aria-invalid={pasteError === undefined ? undefined : true}
              aria-describedby={describedBy('message-paste', hint, pasteError)}
              onChange={(event) => {
                setPasted(event.target.value);
              }}
            />
          </div>
          <Button
            type="submit"
            busy={busy === 'paste'}
            busyLabel={text.checking}
            aria-disabled={busy === 'file' || undefined}
          >
            {text.check}
          </Button>
        </form>
      </section>

      <Switch
        id="message-offline"
        label={text.offlineLabel}
        reason={text.offlineHint}
        checked={offline}
        onChange={setOffline}
      />
    </div>
  );
}
