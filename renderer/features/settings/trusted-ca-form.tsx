/**
 * Extra trusted CA certificates: paste PEM text or load a .pem/.crt file (read here, with FileReader:
 * nothing leaves the computer), save, and see what each certificate is, so the person knows exactly
 * what they trust. Main parses the text and refuses anything that is not a certificate.
 */
import { useEffect, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import type { CertificateSummary, SettingsView } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { describedBy, FieldShell } from '../../components/field';
import { LiveStatus } from '../../components/live-status';
import { strings } from '../../strings';
import { CertificateList } from './certificate-list';
import { SectionFooter } from './section-footer';
import { useSectionSave } from './use-section-save';

const FIELD_ID = 'settings-extra-ca';
/** The same cap main applies to the text: a bigger file is not a CA certificate file. */
const MAX_FILE_BYTES = 256 * 1024;

export interface TrustedCaFormProps {
  readonly initial: SettingsView;
}

/** The file's text, or null when it cannot be read. */
function readText(file: File): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : null);
    };
    reader.onerror = () => {
      resolve(null);
    };
    reader.readAsText(file);
  });
}

export function TrustedCaForm({ initial }: TrustedCaFormProps) {
  const text = strings.trustedCa;
  const [pem, setPem] = useState(initial.settings.extraCaPem ?? '');
  const [certificates, setCertificates] = useState<readonly CertificateSummary[]>(initial.certificates);
  const [fileNote, setFileNote] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const section = useSectionSave(text.title);
  const { problem } = section;
  const error = problem?.fields['extraCaPem'];

  useEffect(() => {
    if (problem?.fields['extraCaPem'] !== undefined) document.getElementById(FIELD_ID)?.focus();
  }, [problem]);

  const applied = (view: SettingsView) => {
    setPem(view.settings.extraCaPem ?? '');
    setCertificates(view.certificates);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFileNote('');
    if (pem.trim() === '' && certificates.length === 0) {
      section.fail({ fields: { extraCaPem: text.required } });
      return;
    }
    await section.save(
      { extraCaPem: pem.trim() === '' ? null : pem },
      (view) => (view.certificates.length === 0 ? text.removed : text.saved(view.certificates.length)),
      applied,
    );
  };

  const remove = async () => {
    setFileNote('');
    await section.save({ extraCaPem: null }, () => text.removed, applied);
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again still loads it
    if (file === undefined) return;
    if (file.size > MAX_FILE_BYTES) {
      section.fail({ fields: { extraCaPem: text.fileTooLarge(file.name) } });
      return;
    }
    const content = await readText(file);
    if (content === null) {
      section.fail({ fields: { extraCaPem: text.fileUnreadable(file.name) } });
      return;
    }
    setPem((previous) => (previous.trim() === '' ? content : `${previous.trimEnd()}\n${content}`));
    section.edited();
    setFileNote(text.fileLoaded(file.name));
    document.getElementById(FIELD_ID)?.focus();
  };

  return (
    <form
      className="form settings__section"
      noValidate
      aria-labelledby="trusted-ca-title"
      onSubmit={(e) => void submit(e)}
    >
      <section className="form-section" aria-labelledby="trusted-ca-title">
        <h2 className="section-title" id="trusted-ca-title">
          {text.title}
        </h2>
        <p className="muted">{text.intro}</p>
        <h3 className="settings__subtitle" id="trusted-ca-now">
          {text.trustedTitle}
        </h3>
        {certificates.length === 0 ? (
          <p className="settings__none">{text.none}</p>
        ) : (
          <CertificateList certificates={certificates} labelledBy="trusted-ca-now" />
        )}
        <FieldShell id={FIELD_ID} label={text.label} hint={text.hint} error={error}>
          <textarea
            id={FIELD_ID}
            name={FIELD_ID}
            className="input settings__pem"
            rows={6}
            value={pem}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={describedBy(FIELD_ID, text.hint, error)}
            onChange={(event) => {
              setPem(event.target.value);
              setFileNote('');
              section.edited();
            }}
          />
        </FieldShell>
        <div className="settings__file">
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            id="settings-extra-ca-file"
            accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => void load(event)}
          />
          <Button
            variant="secondary"
            onClick={() => {
              fileInput.current?.click();
            }}
          >
            {text.chooseFile}
          </Button>
          <LiveStatus message={fileNote} />
        </div>
      </section>
      <SectionFooter state={section}>
        <Button type="submit" variant="primary" busy={section.saving} busyLabel={strings.settings.saving}>
          {text.save}
        </Button>
        {certificates.length > 0 && (
          <Button variant="secondary" onClick={() => void remove()}>
            {text.remove}
          </Button>
        )}
      </SectionFooter>
    </form>
  );
}
