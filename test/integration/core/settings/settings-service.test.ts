/**
 * The settings service over the real JSON document store in a temporary folder, with the same address
 * check the app and the CLI use (main/composition.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonDocumentStore } from '../../../../main/adapters/json-document-store';
import { checkDnsServer } from '../../../../main/composition';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';
import { SETTINGS_FILE_NAME, SETTINGS_FORMAT } from '../../../../main/core/settings/settings-document';
import { createSettingsService, type SettingsService } from '../../../../main/core/settings/settings-service';
import { withTempDir } from '../../../helpers/temp-dir';

const FIXED_NOW = () => new Date('2026-11-27T12:34:56.789Z');

/** A service over `dir`'s settings.json, as a fresh app start would build it. */
function serviceIn(dir: string): SettingsService {
  return createSettingsService({
    store: createJsonDocumentStore(join(dir, SETTINGS_FILE_NAME), SETTINGS_FORMAT, FIXED_NOW),
    checkDnsServer,
  });
}

async function rejection(promise: Promise<unknown>): Promise<MailwardenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailwardenError) return error;
    throw error;
  }
  throw new Error('expected the operation to be refused');
}

describe('settings service (real settings file)', () => {
  it('starts on the system resolver, and a saved server survives a restart in canonical form', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      expect(await service.get()).toEqual({ dnsServer: null });

      expect(await service.update({ dnsServer: ' 127.0.0.1:5353 ' })).toEqual({
        dnsServer: '127.0.0.1:5353',
      });
      expect(await serviceIn(dir).get()).toEqual({ dnsServer: '127.0.0.1:5353' });
      expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'))).toEqual({
        schemaVersion: 1,
        dnsServer: '127.0.0.1:5353',
      });

      // No port means the standard one (RFC 1035 section 4.2); IPv6 is written with brackets.
      expect(await service.update({ dnsServer: '192.0.2.53' })).toEqual({ dnsServer: '192.0.2.53:53' });
      expect(await service.update({ dnsServer: '[2001:DB8::53]:5353' })).toEqual({
        dnsServer: '[2001:db8::53]:5353',
      });
      expect(await serviceIn(dir).get()).toEqual({ dnsServer: '[2001:db8::53]:5353' });
      expect(service.warnings()).toEqual([]);
    });
  });

  it('refuses an invalid address with a message for the dnsServer field and keeps the saved one', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      await service.update({ dnsServer: '127.0.0.1:5353' });
      const before = await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8');

      for (const invalid of ['dns.example:53', '127.0.0.1:70000', 'not an address']) {
        const error = await rejection(service.update({ dnsServer: invalid }));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.fields).toEqual([{ field: 'dnsServer', message: error.message }]);
        expect(error.message.length).toBeGreaterThan(10);
      }
      expect((await rejection(service.update({ dnsServer: 'dns.example:53' }))).message).toContain(
        'is a host name; give the DNS server as an IP address',
      );
      expect((await rejection(service.update({ dnsServer: '127.0.0.1:70000' }))).message).toContain(
        'use a number from 1 to 65535',
      );

      expect(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(before);
      expect(await serviceIn(dir).get()).toEqual({ dnsServer: '127.0.0.1:5353' });
    });
  });

  it('saves a blank address as null: the system resolver', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      await service.update({ dnsServer: '127.0.0.1:5353' });

      expect(await service.update({ dnsServer: '   ' })).toEqual({ dnsServer: null });
      expect(await serviceIn(dir).get()).toEqual({ dnsServer: null });
      expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'))).toEqual({
        schemaVersion: 1,
        dnsServer: null,
      });
    });
  });

  it('moves a corrupt settings file aside, warns where it went, and falls back to defaults', async () => {
    await withTempDir(async (dir) => {
      const corrupt = '{"schemaVersion": 1, "dnsServer": "127.0.0.1:53"';
      await writeFile(join(dir, SETTINGS_FILE_NAME), corrupt);
      const service = serviceIn(dir);

      expect(await service.get()).toEqual({ dnsServer: null });
      const movedTo = join(dir, `${SETTINGS_FILE_NAME}.corrupt-2026-11-27T12-34-56-789Z`);
      expect(service.warnings()).toEqual([
        `Your settings file could not be read (it is not valid JSON); it was moved to ${movedTo} and defaults are in use.`,
      ]);
      // Never deleted: the original bytes are where the warning says, for the user to recover.
      expect(await readFile(movedTo, 'utf8')).toBe(corrupt);
      expect(await readdir(dir)).toEqual([`${SETTINGS_FILE_NAME}.corrupt-2026-11-27T12-34-56-789Z`]);

      // Saving afterwards writes a fresh file and leaves the moved one alone.
      expect(await service.update({ dnsServer: '127.0.0.1:5353' })).toEqual({ dnsServer: '127.0.0.1:5353' });
      expect(await readFile(movedTo, 'utf8')).toBe(corrupt);
      expect(service.warnings()).toHaveLength(1);
    });
  });

  it('leaves a settings file from a newer Mailwarden untouched and refuses to change it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, SETTINGS_FILE_NAME);
      const future = `${JSON.stringify({ schemaVersion: 2, dnsServer: '192.0.2.53:53', dnssec: 'require' })}\n`;
      await writeFile(path, future);
      const service = serviceIn(dir);

      const readError = await rejection(service.get());
      expect(readError.code).toBe('STORAGE_TOO_NEW');
      expect(readError.message).toContain('written by a newer Mailwarden');

      const updateError = await rejection(service.update({ dnsServer: '127.0.0.1:5353' }));
      expect(updateError.code).toBe('STORAGE_TOO_NEW');
      const resetError = await rejection(service.update({ dnsServer: null }));
      expect(resetError.code).toBe('STORAGE_TOO_NEW');

      expect(await readFile(path, 'utf8')).toBe(future);
      expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
      expect(service.warnings()).toEqual([]);
    });
  });
});
