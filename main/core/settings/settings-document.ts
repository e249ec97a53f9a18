/** The on-disk format of settings.json. Version 1: `{ schemaVersion: 1, dnsServer: string | null }`. */
import { z } from 'zod';
import type { SettingsDocument } from '../ports';

export const SETTINGS_FILE_NAME = 'settings.json';

const settingsDocument = z.strictObject({ dnsServer: z.string().max(300).nullable() });

export const SETTINGS_FORMAT = {
  currentVersion: 1,
  migrations: {},
  parse(
    fields: Record<string, unknown>,
  ): { ok: true; value: SettingsDocument } | { ok: false; reason: string } {
    const result = settingsDocument.safeParse(fields);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, reason: 'its contents do not match the settings format' };
  },
};
