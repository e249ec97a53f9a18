/**
 * The on-disk format of settings.json, version by version.
 *
 * Version 1: `{ schemaVersion: 1, dnsServer: string | null }`.
 * Version 2: adds `extraCaPem: string | null`, `timeouts: { serverWaitSeconds, auditLimitSeconds }` and
 * `defaultTests: { relayTest, login }`; a version 1 file gains their defaults, which behave exactly as
 * Mailwarden did before they existed. Add a migration here before changing the shape; never edit what an
 * older version meant.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import { DEFAULT_SETTINGS, TIMEOUT_BOUNDS } from '../../../preload/contract/settings';
import type { SettingsDocument } from '../ports';

export const SETTINGS_FILE_NAME = 'settings.json';
export const SETTINGS_SCHEMA_VERSION = 2;

/** PEM text of the extra trusted CAs; larger than this is not a handful of certificates. */
export const MAX_CA_PEM_CHARS = 256 * 1024;

const seconds = (bounds: { readonly min: number; readonly max: number }) =>
  z.number().int().min(bounds.min).max(bounds.max);

const settingsDocument = z.strictObject({
  dnsServer: z.string().max(300).nullable(),
  extraCaPem: z.string().max(MAX_CA_PEM_CHARS).nullable(),
  timeouts: z.strictObject({
    serverWaitSeconds: seconds(TIMEOUT_BOUNDS.serverWaitSeconds),
    auditLimitSeconds: seconds(TIMEOUT_BOUNDS.auditLimitSeconds),
  }),
  defaultTests: z.strictObject({ relayTest: z.boolean(), login: z.boolean() }),
});

/** Version 1 -> 2: the new settings start at their defaults; the DNS server is kept as it was. */
function fromVersion1(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    ...fields,
    extraCaPem: DEFAULT_SETTINGS.extraCaPem,
    timeouts: { ...DEFAULT_SETTINGS.timeouts },
    defaultTests: { ...DEFAULT_SETTINGS.defaultTests },
  };
}

export const SETTINGS_FORMAT = {
  currentVersion: SETTINGS_SCHEMA_VERSION,
  migrations: { 1: fromVersion1 },
  parse(
    fields: Record<string, unknown>,
  ): { ok: true; value: SettingsDocument } | { ok: false; reason: string } {
    const result = settingsDocument.safeParse(fields);
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the settings format${where}` };
  },
};
