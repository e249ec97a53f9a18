import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store';
import { ACCOUNTS_FORMAT, ACCOUNTS_SCHEMA_VERSION } from '../../../main/core/accounts/accounts-document';
import { withTempDir } from '../../helpers/temp-dir';

const ACCOUNT = {
  id: 'a1',
  label: 'Shop',
  email: 'ann@shop.example',
  domain: 'shop.example',
  host: 'smtp.shop.example',
  port: 465,
  security: 'tls' as const,
  username: 'ann@shop.example',
  dkimSelectors: [],
  clientGroup: null,
  presetId: null,
  incoming: null,
  signIn: { method: 'password' as const },
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

const FIXED_NOW = () => new Date('2026-11-27T12:34:56.789Z');

describe('JSON document store', () => {
  it('saves a versioned document readable only by its owner and loads it back', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'accounts.json');
      const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT);
      expect(await store.load()).toEqual({ kind: 'missing' });

      await store.save({ accounts: [ACCOUNT] });
      expect(await store.load()).toEqual({ kind: 'loaded', value: { accounts: [ACCOUNT] } });
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
        schemaVersion: ACCOUNTS_SCHEMA_VERSION,
        accounts: [ACCOUNT],
      });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      // No temp files are left behind.
      expect(await readdir(dir)).toEqual(['accounts.json']);
    });
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "accounts": [', 'it is not valid JSON'],
    ['not an object', '[1, 2, 3]', 'it does not hold a JSON object'],
    ['without a schema version', '{"accounts": []}', 'it has no valid schemaVersion'],
    [
      'with the wrong shape',
      '{"schemaVersion": 1, "accounts": [{"id": 7}]}',
      'its contents do not match the accounts format (at accounts.0.id)',
    ],
  ])('moves a file %s aside, keeping its bytes, and reports where', async (_case, content, reason) => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'accounts.json');
      await writeFile(path, content);
      const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT, FIXED_NOW);

      const result = await store.load();

      const movedTo = `${path}.corrupt-2026-11-27T12-34-56-789Z`;
      expect(result).toEqual({ kind: 'corrupt', movedTo, reason });
      expect(await readFile(movedTo, 'utf8')).toBe(content);
      expect(await store.load()).toEqual({ kind: 'missing' });
    });
  });

  it('leaves a document from a newer version untouched', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'accounts.json');
      const newer = ACCOUNTS_SCHEMA_VERSION + 1;
      const content = `{"schemaVersion": ${String(newer)}, "accounts": [], "somethingNew": true}`;
      await writeFile(path, content);
      const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT);

      expect(await store.load()).toEqual({ kind: 'too-new', version: newer });
      expect(await readFile(path, 'utf8')).toBe(content);
      expect(await readdir(dir)).toEqual(['accounts.json']);
    });
  });

  it('migrates older versions step by step', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'doc.json');
      await writeFile(path, JSON.stringify({ schemaVersion: 1, name: 'old' }));
      const store = createJsonDocumentStore(path, {
        currentVersion: 3,
        migrations: { 1: (fields) => ({ title: fields['name'] }), 2: (fields) => ({ ...fields, tags: [] }) },
        parse: (fields) => ({ ok: true as const, value: fields }),
      });
      expect(await store.load()).toEqual({ kind: 'loaded', value: { title: 'old', tags: [] } });
    });
  });

  it('never leaves a half-written document when the process is killed while saving', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'accounts.json');
      // A writer that saves ever-larger documents as fast as it can, until it is killed mid-write.
      const script = `
        import { createJsonDocumentStore } from './main/adapters/json-document-store.ts';
        import { ACCOUNTS_FORMAT } from './main/core/accounts/accounts-document.ts';
        const store = createJsonDocumentStore(${JSON.stringify(path)}, ACCOUNTS_FORMAT);
        const account = ${JSON.stringify(ACCOUNT)};
        for (let n = 1; ; n += 1) {
          await store.save({ accounts: Array.from({ length: 200 + (n % 50) }, (_, i) => ({ ...account, id: 'a' + i, label: 'x'.repeat(n % 180) })) });
          if (n === 3) process.stdout.write('writing\\n');
        }`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => {
        child.stdout.once('data', () => {
          resolve();
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const result = await createJsonDocumentStore(path, ACCOUNTS_FORMAT).load();
      expect(result.kind).toBe('loaded');
      if (result.kind === 'loaded') expect(result.value.accounts.length).toBeGreaterThanOrEqual(200);
    });
  });
});
