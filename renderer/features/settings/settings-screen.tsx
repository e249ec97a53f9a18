/**
 * Settings: loads what main has saved, shows it section by section (each saves on its own), and returns
 * to the screen it was opened from with the Back button or Escape (the same key that closes any panel a
 * person opened on purpose). A problem main had reading the settings file is shown first.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../../preload/contract/settings';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { DefaultTestsForm } from './default-tests-form';
import { DnsResolverForm } from './dns-resolver-form';
import { TimeoutsForm } from './timeouts-form';
import { TrustedCaForm } from './trusted-ca-form';

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
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [onClose]);

  return (
    <div className="settings">
      <div className="settings__back">
        <Button variant="quiet" onClick={onClose}>
          <span className="settings__arrow" aria-hidden="true">
            ←
          </span>
          {text.back}
        </Button>
      </div>
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
          <DnsResolverForm initial={loaded.view.settings} />
          <TrustedCaForm initial={loaded.view} />
          <TimeoutsForm initial={loaded.view.settings.timeouts} />
          <DefaultTestsForm initial={loaded.view.settings.defaultTests} />
        </>
      )}
    </div>
  );
}
