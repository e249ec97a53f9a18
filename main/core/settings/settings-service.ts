/** Reads and changes the app settings (today: which DNS resolver every lookup goes through). */
import { DEFAULT_SETTINGS, type Settings } from '../../../preload/contract/settings';
import { MailwardenError } from '../errors/mailwarden-error';
import type { DocumentStore, SettingsDocument } from '../ports';

/** Checks a `host:port` resolver address; returns its canonical form or a sentence saying what is wrong. */
export type DnsServerCheck = (
  text: string,
) => { ok: true; canonical: string } | { ok: false; message: string };

export interface SettingsService {
  get(): Promise<Settings>;
  update(settings: Settings): Promise<Settings>;
  warnings(): readonly string[];
}

export function createSettingsService(deps: {
  store: DocumentStore<SettingsDocument>;
  checkDnsServer: DnsServerCheck;
}): SettingsService {
  const { store, checkDnsServer } = deps;
  const warnings: string[] = [];

  async function get(): Promise<Settings> {
    const loaded = await store.load();
    switch (loaded.kind) {
      case 'missing':
        return DEFAULT_SETTINGS;
      case 'loaded':
        return loaded.value;
      case 'corrupt':
        warnings.push(
          `Your settings file could not be read (${loaded.reason}); it was moved to ${loaded.movedTo} and defaults are in use.`,
        );
        return DEFAULT_SETTINGS;
      case 'too-new':
        throw new MailwardenError(
          'STORAGE_TOO_NEW',
          `Your settings file (${store.path}) was written by a newer Mailwarden. Update Mailwarden to change settings.`,
        );
    }
  }

  async function update(settings: Settings): Promise<Settings> {
    let dnsServer: string | null = null;
    if (settings.dnsServer !== null && settings.dnsServer.trim() !== '') {
      const checked = checkDnsServer(settings.dnsServer.trim());
      if (!checked.ok)
        throw new MailwardenError('INVALID_INPUT', checked.message, [
          { field: 'dnsServer', message: checked.message },
        ]);
      dnsServer = checked.canonical;
    }
    await get(); // refuses to overwrite a file from a newer version
    const next: Settings = { dnsServer };
    try {
      await store.save(next);
    } catch {
      throw new MailwardenError(
        'STORAGE_FAILED',
        `Mailwarden could not save your settings to ${store.path}.`,
      );
    }
    return next;
  }

  return { get, update, warnings: () => [...warnings] };
}
