/**
 * Reads and changes the app settings: the DNS resolver, extra trusted CAs, timeouts and the default
 * tests. Each change is checked before anything is written, with a message for the field at fault.
 */
import type { FieldError } from '../../../preload/contract/outcome';
import {
  DEFAULT_SETTINGS,
  type CertificateSummary,
  type Settings,
  type SettingsChange,
  type SettingsView,
} from '../../../preload/contract/settings';
import { MailwardenError } from '../errors/mailwarden-error';
import type { DocumentStore, SettingsDocument } from '../ports';
import { savedAuditSettings, type SavedAuditSettings } from './audit-settings';
import { MAX_CA_PEM_CHARS } from './settings-document';
import { checkTimeouts } from './timeouts';

/** Checks a `host:port` resolver address; returns its canonical form or a sentence saying what is wrong. */
export type DnsServerCheck = (
  text: string,
) => { ok: true; canonical: string } | { ok: false; message: string };

/**
 * Parses PEM text that should hold CA certificates only: returns the certificates re-encoded as clean PEM
 * with a summary of each, or a sentence saying what is wrong. Lives in main/adapters (it needs X.509).
 */
export type CaPemCheck = (
  text: string,
) => { ok: true; pem: string; certificates: readonly CertificateSummary[] } | { ok: false; message: string };

export interface SettingsService {
  get(): Promise<Settings>;
  /** The settings with what their CA text holds and any warning from loading the file. */
  view(): Promise<SettingsView>;
  /** Applies the fields given; the others keep their saved values. */
  update(change: SettingsChange): Promise<SettingsView>;
  /**
   * What the saved settings change in the next audit; `extraCaPem` (the CLI's --ca) is trusted as well.
   * Saved CA text that no longer reads as certificates (a hand-edited file) is left out, as the view warns.
   */
  forAudit(extraCaPem?: string): Promise<SavedAuditSettings>;
  warnings(): readonly string[];
}

export function createSettingsService(deps: {
  store: DocumentStore<SettingsDocument>;
  checkDnsServer: DnsServerCheck;
  checkCaPem: CaPemCheck;
}): SettingsService {
  const { store, checkDnsServer, checkCaPem } = deps;
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

  function viewOf(settings: Settings): SettingsView {
    if (settings.extraCaPem === null) return { settings, certificates: [], warnings: [...warnings] };
    const checked = checkCaPem(settings.extraCaPem);
    return checked.ok
      ? { settings, certificates: checked.certificates, warnings: [...warnings] }
      : {
          settings,
          certificates: [],
          warnings: [
            ...warnings,
            `The extra trusted certificates saved in your settings file cannot be used: ${checked.message} Audits leave them out until you replace them here.`,
          ],
        };
  }

  async function update(change: SettingsChange): Promise<SettingsView> {
    const current = await get(); // refuses to overwrite a file from a newer version
    const fields: FieldError[] = [];
    const dnsServer =
      change.dnsServer === undefined ? current.dnsServer : dnsServerFrom(change.dnsServer, fields);
    const extraCaPem =
      change.extraCaPem === undefined ? current.extraCaPem : caPemFrom(change.extraCaPem, fields);
    const timeouts = change.timeouts ?? current.timeouts;
    if (change.timeouts !== undefined) fields.push(...checkTimeouts(change.timeouts));
    const defaultTests = change.defaultTests ?? current.defaultTests;
    const [first] = fields;
    if (first !== undefined) throw new MailwardenError('INVALID_INPUT', first.message, fields);

    const next: Settings = {
      dnsServer,
      extraCaPem,
      timeouts: { ...timeouts },
      defaultTests: { relayTest: defaultTests.relayTest, login: defaultTests.login },
    };
    try {
      await store.save(next);
    } catch {
      throw new MailwardenError(
        'STORAGE_FAILED',
        `Mailwarden could not save your settings to ${store.path}.`,
      );
    }
    return viewOf(next);
  }

  function dnsServerFrom(text: string | null, fields: FieldError[]): string | null {
    if (text === null || text.trim() === '') return null;
    const checked = checkDnsServer(text.trim());
    if (checked.ok) return checked.canonical;
    fields.push({ field: 'dnsServer', message: checked.message });
    return null;
  }

  function caPemFrom(text: string | null, fields: FieldError[]): string | null {
    if (text === null || text.trim() === '') return null;
    if (text.length > MAX_CA_PEM_CHARS) {
      fields.push({
        field: 'extraCaPem',
        message: `That is more text than a few CA certificates (over ${String(MAX_CA_PEM_CHARS / 1024)} KiB). Paste only the CA certificates you want to trust.`,
      });
      return null;
    }
    const checked = checkCaPem(text);
    if (checked.ok) return checked.pem;
    fields.push({ field: 'extraCaPem', message: checked.message });
    return null;
  }

  return {
    get,
    view: async () => viewOf(await get()),
    update,
    async forAudit(extraCaPem) {
      const settings = await get();
      const usable =
        settings.extraCaPem === null || checkCaPem(settings.extraCaPem).ok
          ? settings
          : { ...settings, extraCaPem: null };
      return savedAuditSettings(usable, extraCaPem);
    },
    warnings: () => [...warnings],
  };
}
