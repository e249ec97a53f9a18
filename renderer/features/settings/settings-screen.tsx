/**
 * Settings: loads what main has saved, shows it section by section (each saves on its own), and returns
 * to the screen it was opened from with the Back button or Escape (the same key that closes any panel a
 * person opened on purpose). With edits not saved yet, leaving asks first and names the sections. A
 * problem main had reading the settings file is shown first.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SettingsView } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { DefaultTestsForm } from './default-tests-form';
import { DnsResolverForm } from './dns-resolver-form';
import { LeaveConfirm } from './leave-confirm';
import { TimeoutsForm } from './timeouts-form';
import { TrustedCaForm } from './trusted-ca-form';
import { UnsavedContext, type UnsavedRegistry } from './unsaved-changes';

export interface SettingsScreenProps {
  readonly onClose: () => void;
}

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly view: SettingsView };

async function loadSettings(): Promise<Loaded> {
  try {
    const outcome = await bridge().settings.get();
    return outcome.ok
      ? { kind: 'loaded', view: outcome.value }
      : { kind: 'failed', message: outcome.error.message };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export function SettingsScreen({ onClose }: SettingsScreenProps) {
  const text = strings.settings;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  /** Titles of the sections with edits not saved yet, in the order they were edited. */
  const [unsaved, setUnsaved] = useState<readonly string[]>([]);
  const [asking, setAsking] = useState(false);
  const backButton = useRef<HTMLButtonElement>(null);
  const registry = useMemo<UnsavedRegistry>(
    () => ({
      mark(section, isUnsaved) {
        setUnsaved((current) => {
          const others = current.filter((name) => name !== section);
          return isUnsaved ? [...others, section] : others;
        });
      },
    }),
    [],
  );
  // What is unsaved as of the last commit, for the Escape listener: a key pressed right after a save can
  // reach a listener registered one render earlier, whose own `unsaved` still named the saved section (the
  // question then read "Not saved yet: ."). A layout effect runs before any later event is handled.
  const unsavedNow = useRef<readonly string[]>(unsaved);
  useLayoutEffect(() => {
    unsavedNow.current = unsaved;
  }, [unsaved]);
  const requestClose = useCallback(() => {
    if (unsavedNow.current.length === 0) onClose();
    else setAsking(true);
  }, [onClose]);
  const stay = useCallback(() => {
    setAsking(false);
    backButton.current?.focus();
  }, []);

  useEffect(() => {
    let current = true;
    void loadSettings().then((result) => {
      if (current) setLoaded(result);
    });
    return () => {
      current = false;
    };
  }, []);

  const retry = useCallback(async () => {
    setLoaded({ kind: 'loading' });
    setLoaded(await loadSettings());
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      // Escape while asked is "keep editing": the safe answer.
      if (asking) stay();
      else requestClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [asking, stay, requestClose]);

  return (
    <div className="settings">
      <div className="settings__back">
        <Button variant="quiet" ref={backButton} onClick={requestClose}>
          <span className="settings__arrow" aria-hidden="true">
            ←
          </span>
          {text.back}
        </Button>
      </div>
      {asking && unsaved.length > 0 && <LeaveConfirm sections={unsaved} onStay={stay} onLeave={onClose} />}
      <PageHeading focusOnMount id="settings-title">
        {text.title}
      </PageHeading>
      <p className="lead">{text.lead}</p>
      <LiveStatus message={loaded.kind === 'loading' ? text.loading : ''} />
      {loaded.kind === 'failed' && (
        <Notice tone="error" role="alert" title={text.loadFailedTitle}>
          <p>{loaded.message}</p>
          <Button variant="secondary" onClick={() => void retry()}>
            {text.retry}
          </Button>
        </Notice>
      )}
      {loaded.kind === 'loaded' && (
        <>
          {loaded.view.warnings.length > 0 && (
            <Notice tone="warning" title={text.warningsTitle} className="page__warnings">
              <ul className="plain-list">
                {loaded.view.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </Notice>
          )}
          <UnsavedContext value={registry}>
            <DnsResolverForm initial={loaded.view.settings} />
            <TrustedCaForm initial={loaded.view} />
            <TimeoutsForm initial={loaded.view.settings.timeouts} />
            <DefaultTestsForm initial={loaded.view.settings.defaultTests} />
          </UnsavedContext>
        </>
      )}
    </div>
  );
}
