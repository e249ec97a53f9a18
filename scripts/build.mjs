#!/usr/bin/env node
/**
 * Builds everything that runs outside the source tree:
 *   dist/main/index.cjs      Electron main process (electron, keytar external)
 *   dist/preload/index.cjs   sandboxed preload: one self-contained file (sandboxed preloads cannot require)
 *   dist/cli/mailwarden.mjs  the `mailwarden` command on plain Node (+ dist/cli/chunks/, one per command)
 *   dist/renderer/           the React wizard (Vite)
 * Runs on `npm install` (prepare), so `npx mailwarden` works straight after installing.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

/** Native and Electron modules are resolved at run time, never bundled. */
const external = ['electron', 'keytar'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // keytar is loaded through createRequire(import.meta.url); in the CJS bundles esbuild leaves import.meta
  // empty, and the adapter falls back to require (see main/adapters/keytar-secret-store.ts).
  logOverride: { 'empty-import-meta': 'silent' },
  external,
};

if (only.length === 0) await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

const jobs = [];
if (wants('main')) {
  jobs.push(
    build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs', format: 'cjs' }),
  );
}
if (wants('preload')) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'dist/preload/index.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
  );
}
if (wants('cli')) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['main/cli/main.ts'],
      // Split at run-cli.ts's dynamic imports: `mailwarden --help` loads only the entry, each command its
      // own chunk (dist/cli/chunks/), instead of the whole bundle.
      outdir: 'dist/cli',
      entryNames: 'mailwarden',
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      splitting: true,
      format: 'esm',
      // Node parses every loaded chunk at start; without the whitespace and with simpler syntax the parse is
      // shorter (zod alone is ~750 KB as written). Names stay, so stack traces and messages read the same.
      minifyWhitespace: true,
      minifySyntax: true,
      // Bundled CommonJS dependencies call require(); give the ESM bundle one.
      banner: {
        js: "import { createRequire as __mwCreateRequire } from 'node:module'; const require = __mwCreateRequire(import.meta.url);",
      },
    }),
  );
}
if (wants('renderer')) {
  jobs.push(
    viteBuild({
      configFile: fileURLToPath(new URL('../renderer/vite.config.ts', import.meta.url)),
      logLevel: 'warn',
    }),
  );
}

const results = await Promise.allSettled(jobs);
const failed = results.filter((r) => r.status === 'rejected');
for (const f of failed) console.error(f.reason instanceof Error ? f.reason.message : f.reason);
if (failed.length > 0) process.exit(1);
