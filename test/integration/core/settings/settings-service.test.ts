/**
 * The settings service over the real JSON document store in a temporary folder, with the same address
 * and certificate checks the app and the CLI use (main/composition.ts, main/adapters/ca-certificates.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaPemChecker } from '../../../../main/adapters/ca-certificates';
import { createJsonDocumentStore } from '../../../../main/adapters/json-document-store';
import { checkDnsServer } from '../../../../main/composition';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';
import { SETTINGS_FILE_NAME, SETTINGS_FORMAT } from '../../../../main/core/settings/settings-document';
import { createSettingsService, type SettingsService } from '../../../../main/core/settings/settings-service';
import { DEFAULT_SETTINGS, type Settings } from '../../../../preload/contract/settings';
import { getTestPki, TEST_CA_NAME, type TestPki } from '../../../helpers/test-certificates';
import { withTempDir } from '../../../helpers/temp-dir';

const FIXED_NOW = () => new Date('2026-11-27T12:34:56.789Z');

/** A service over `dir`'s settings.json, as a fresh app start would build it. */
function serviceIn(dir: string): SettingsService {
  return createSettingsService({
    store: createJsonDocumentStore(join(dir, SETTINGS_FILE_NAME), SETTINGS_FORMAT, FIXED_NOW),
    checkDnsServer,
    checkCaPem: createCaPemChecker(),
  });
}

function withDns(dnsServer: string | null): Settings {
  return { ...DEFAULT_SETTINGS, dnsServer };
}

async function savedFile(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'));
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
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  it('starts on the defaults, and a saved server survives a restart in canonical form', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      expect(await service.get()).toEqual(DEFAULT_SETTINGS);
      expect(await service.view()).toEqual({ settings: DEFAULT_SETTINGS, certificates: [], warnings: [] });

      expect((await service.update({ dnsServer: ' 127.0.0.1:5353 ' })).settings).toEqual(
        withDns('127.0.0.1:5353'),
      );
      expect(await serviceIn(dir).get()).toEqual(withDns('127.0.0.1:5353'));
      expect(await savedFile(dir)).toEqual({
        schemaVersion: 2,
        dnsServer: '127.0.0.1:5353',
        extraCaPem: null,
        timeouts: { serverWaitSeconds: 15, auditLimitSeconds: 120 },
        defaultTests: { relayTest: true, login: true },
      });

      // No port means the standard one (RFC 1035 section 4.2); IPv6 is written with brackets.
      expect((await service.update({ dnsServer: '192.0.2.53' })).settings.dnsServer).toBe('192.0.2.53:53');
      expect((await service.update({ dnsServer: '[2001:DB8::53]:5353' })).settings.dnsServer).toBe(
        '[2001:db8::53]:5353',
      );
      expect(await serviceIn(dir).get()).toEqual(withDns('[2001:db8::53]:5353'));
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
      expect(await serviceIn(dir).get()).toEqual(withDns('127.0.0.1:5353'));
    });
  });

  it('saves a blank address as null: the system resolver', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      await service.update({ dnsServer: '127.0.0.1:5353' });

      expect((await service.update({ dnsServer: '   ' })).settings).toEqual(withDns(null));
      expect(await serviceIn(dir).get()).toEqual(withDns(null));
      expect(await savedFile(dir)).toMatchObject({ schemaVersion: 2, dnsServer: null });
    });
  });

  it('each section saves on its own: a change to one field keeps every other saved field', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      await service.update({ dnsServer: '127.0.0.1:5353' });
      await service.update({ timeouts: { serverWaitSeconds: 5, auditLimitSeconds: 60 } });
      await service.update({ defaultTests: { relayTest: false, login: true } });
      const view = await service.update({ extraCaPem: pki.caPem });

      expect(view.settings).toEqual({
        dnsServer: '127.0.0.1:5353',
        extraCaPem: expect.stringContaining('-----BEGIN CERTIFICATE-----') as unknown,
        timeouts: { serverWaitSeconds: 5, auditLimitSeconds: 60 },
        defaultTests: { relayTest: false, login: true },
      });
      expect(await serviceIn(dir).get()).toEqual(view.settings);
      expect(view.certificates).toHaveLength(1);
      expect(view.certificates[0]?.subject).toContain(`CN=${TEST_CA_NAME}`);
      // A fresh start shows the same summary of what is trusted.
      expect((await serviceIn(dir).view()).certificates).toEqual(view.certificates);

      // Removing the CA (null, or an emptied text area) trusts nothing extra again.
      expect((await service.update({ extraCaPem: ' \n' })).settings.extraCaPem).toBeNull();
      expect((await service.update({ extraCaPem: null })).certificates).toEqual([]);
    });
  });

  it('refuses garbage, a private key and an oversized paste for the extraCaPem field, and keeps the saved CA', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      await service.update({ extraCaPem: pki.caPem });
      const before = await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8');
      const leaf = await pki.leaf('good', 'mail.test');

      const cases: [string, string][] = [
        ['hello, this is not a certificate', 'not a PEM certificate'],
        [leaf.keyPem, 'private key'],
        [`${pki.caPem}\n${leaf.keyPem}`, 'private key'],
        ['x'.repeat(300 * 1024), 'over 256 KiB'],
      ];
      for (const [text, expected] of cases) {
        const error = await rejection(service.update({ extraCaPem: text }));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.fields).toEqual([{ field: 'extraCaPem', message: error.message }]);
        expect(error.message).toContain(expected);
      }
      expect(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(before);
    });
  });

  it('checks the timeouts: whole seconds within bounds, and an audit at least as long as one wait', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      const wait = await rejection(
        service.update({ timeouts: { serverWaitSeconds: 1, auditLimitSeconds: 120 } }),
      );
      expect(wait.fields).toEqual([
        { field: 'serverWaitSeconds', message: 'Enter a whole number of seconds from 2 to 25.' },
      ]);
      const both = await rejection(
        service.update({ timeouts: { serverWaitSeconds: 2.5, auditLimitSeconds: 5_000 } }),
      );
      expect(both.fields?.map((field) => field.field)).toEqual(['serverWaitSeconds', 'auditLimitSeconds']);
      const order = await rejection(
        service.update({ timeouts: { serverWaitSeconds: 20, auditLimitSeconds: 15 } }),
      );
      expect(order.fields).toEqual([
        {
          field: 'auditLimitSeconds',
          message: 'A whole test must be allowed at least as long as one wait for a server (20 seconds).',
        },
      ]);
      expect(await readdir(dir)).toEqual([]);
      expect(
        (await service.update({ timeouts: { serverWaitSeconds: 25, auditLimitSeconds: 600 } })).settings
          .timeouts,
      ).toEqual({
        serverWaitSeconds: 25,
        auditLimitSeconds: 600,
      });
    });
  });

  it('loads a version 1 file with defaults for the new settings, keeping its DNS server', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, SETTINGS_FILE_NAME);
      await writeFile(path, `${JSON.stringify({ schemaVersion: 1, dnsServer: '127.0.0.1:5353' })}\n`);
      const service = serviceIn(dir);

      expect(await service.get()).toEqual(withDns('127.0.0.1:5353'));
      expect(service.warnings()).toEqual([]);
      // Left as version 1 until something is saved; then written as version 2.
      expect(await savedFile(dir)).toEqual({ schemaVersion: 1, dnsServer: '127.0.0.1:5353' });
      await service.update({ defaultTests: { relayTest: true, login: false } });
      expect(await savedFile(dir)).toEqual({
        schemaVersion: 2,
        dnsServer: '127.0.0.1:5353',
        extraCaPem: null,
        timeouts: { serverWaitSeconds: 15, auditLimitSeconds: 120 },
        defaultTests: { relayTest: true, login: false },
      });
    });
  });

  it('moves a corrupt settings file aside, warns where it went (in the view too), and falls back to defaults', async () => {
    await withTempDir(async (dir) => {
      const corrupt = '{"schemaVersion": 1, "dnsServer": "127.0.0.1:53"';
      await writeFile(join(dir, SETTINGS_FILE_NAME), corrupt);
      const service = serviceIn(dir);

      const view = await service.view();
      expect(view.settings).toEqual(DEFAULT_SETTINGS);
      const movedTo = join(dir, `${SETTINGS_FILE_NAME}.corrupt-2026-11-27T12-34-56-789Z`);
      const warning = `Your settings file could not be read (it is not valid JSON); it was moved to ${movedTo} and defaults are in use.`;
      expect(service.warnings()).toEqual([warning]);
      expect(view.warnings).toEqual([warning]);
      // Never deleted: the original bytes are where the warning says, for the user to recover.
      expect(await readFile(movedTo, 'utf8')).toBe(corrupt);
      expect(await readdir(dir)).toEqual([`${SETTINGS_FILE_NAME}.corrupt-2026-11-27T12-34-56-789Z`]);

      // Saving afterwards writes a fresh file and leaves the moved one alone; the warning stays visible.
      expect((await service.update({ dnsServer: '127.0.0.1:5353' })).warnings).toEqual([warning]);
      expect(await readFile(movedTo, 'utf8')).toBe(corrupt);
      expect(service.warnings()).toHaveLength(1);
    });
  });

  it('gives the next audit the saved CA and timeouts, and leaves out CA text that no longer reads, with a warning', async () => {
    await withTempDir(async (dir) => {
      const service = serviceIn(dir);
      expect(await service.forAudit()).toEqual({
        extraCaPem: undefined,
        limits: {
          connectTimeoutMs: 10_000,
          greetingTimeoutMs: 15_000,
          replyTimeoutMs: 15_000,
          tlsHandshakeTimeoutMs: 10_000,
        },
        overallDeadlineMs: 120_000,
      });
      await service.update({
        extraCaPem: pki.caPem,
        timeouts: { serverWaitSeconds: 3, auditLimitSeconds: 30 },
      });
      const saved = await service.forAudit();
      expect(saved.extraCaPem).toContain('BEGIN CERTIFICATE');
      expect(saved.limits.greetingTimeoutMs).toBe(3_000);
      expect(saved.overallDeadlineMs).toBe(30_000);

      // Someone edits the file by hand and breaks the certificate: it is not used, and Settings says so.
      const path = join(dir, SETTINGS_FILE_NAME);
      const document = (await savedFile(dir)) as Record<string, unknown>;
      await writeFile(
        path,
        JSON.stringify({
          ...document,
          extraCaPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
        }),
      );
      const fresh = serviceIn(dir);
      expect((await fresh.forAudit()).extraCaPem).toBeUndefined();
      expect((await fresh.forAudit('extra')).extraCaPem).toBe('extra');
      const view = await fresh.view();
      expect(view.certificates).toEqual([]);
      expect(view.warnings).toEqual([
        'The extra trusted certificates saved in your settings file cannot be used: This certificate could not be read: it is damaged or incomplete. Audits leave them out until you replace them here.',
      ]);
    });
  });

  it('moves aside a version 2 file whose timeouts are out of bounds, saying where', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, SETTINGS_FILE_NAME),
        JSON.stringify({
          ...DEFAULT_SETTINGS,
          schemaVersion: 2,
          timeouts: { serverWaitSeconds: 0, auditLimitSeconds: 120 },
        }),
      );
      const service = serviceIn(dir);
      expect(await service.get()).toEqual(DEFAULT_SETTINGS);
      expect(service.warnings()[0]).toContain('(at timeouts.serverWaitSeconds)');
    });
  });

  it('leaves a settings file from a newer Mailwarden untouched and refuses to change it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, SETTINGS_FILE_NAME);
      const future = `${JSON.stringify({ schemaVersion: 3, dnsServer: '192.0.2.53:53', dnssec: 'require' })}\n`;
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
