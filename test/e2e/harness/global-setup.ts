/**
 * Builds the renderer once per run with the app's own Vite config (renderer/vite.config.ts), into a
 * private folder, so the tests drive the current source and no other build running in the same
 * checkout can swap dist/renderer underneath them. Returns the teardown that removes the folder and the
 * run's private temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { usePrivateTmpdir } from '../../helpers/private-tmpdir';
import { RENDERER_DIR_ENV } from './serve-renderer';

const VITE_CONFIG = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));

export async function buildRendererForTests(): Promise<() => Promise<void>> {
  // Every folder the run makes (data folders, the test CA, DNS server state) goes under one temporary
  // folder that goes with the run.
  const releaseTmpdir = await usePrivateTmpdir('mailwarden-e2e-');
  const outDir = await mkdtemp(join(tmpdir(), 'mailwarden-e2e-renderer-'));
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // Workers start after global setup and inherit this.
  process.env[RENDERER_DIR_ENV] = outDir;
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    await releaseTmpdir();
  };
}

// Playwright calls a global setup file's default export.
// eslint-disable-next-line no-restricted-exports
export default buildRendererForTests;
