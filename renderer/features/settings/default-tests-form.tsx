/**
 * Which of the tests an administrator might notice start switched on: the same switches as the plan
 * screen, saved so every new test of an account starts from them.
 */
import { useState, type SubmitEvent } from 'react';
import type { DefaultTests } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { strings } from '../../strings';
import { Switch } from '../audit/switch';
import { SectionFooter } from './section-footer';
import { useSectionSave } from './use-section-save';

export interface DefaultTestsFormProps {
  readonly initial: DefaultTests;
}

export function DefaultTestsForm({ initial }: DefaultTestsFormProps) {
  const text = strings.defaultTests;
  const [tests, setTests] = useState<DefaultTests>(initial);
  const section = useSectionSave(text.title);

  const change = (next: DefaultTests) => {
    setTests(next);
    section.edited();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    await section.save({ defaultTests: tests }, () => text.saved);
  };

  return (
    <form
      className="form settings__section"
      noValidate
      aria-labelledby="default-tests-title"
      onSubmit={(e) => void submit(e)}
    >
      <section className="form-section" aria-labelledby="default-tests-title">
        <h2 className="section-title" id="default-tests-title">
          {text.title}
        </h2>
        <p className="muted">{text.intro}</p>
        <div className="switch-list">
          <Switch
            id="settings-default-relay"
            label={text.relay}
            reason={text.relayReason}
            checked={tests.relayTest}
            note={tests.login ? undefined : text.loginOffNote}
            onChange={(relayTest) => {
              change({ ...tests, relayTest });
            }}
          />
          <Switch
            id="settings-default-login"
            label={text.login}
            reason={text.loginReason}
            checked={tests.login}
            onChange={(login) => {
              change({ ...tests, login });
            }}
          />
        </div>
      </section>
      <SectionFooter state={section}>
        <Button type="submit" variant="primary" busy={section.saving} busyLabel={strings.settings.saving}>
          {text.save}
        </Button>
      </SectionFooter>
    </form>
  );
}
