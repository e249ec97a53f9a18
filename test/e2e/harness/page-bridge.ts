/** Bundles page-bridge-entry.ts (and with it preload/bridge.ts) into one script for addInitScript. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./page-bridge-entry.ts', import.meta.url));

let bundled: Promise<string> | null = null;

/** The bridge as an IIFE, built once per test worker. */
export function pageBridgeScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const [output] = result.outputFiles;
    if (output === undefined) throw new Error('esbuild produced no bundle for the page bridge.');
    return output.text;
  });
  return bundled;
}
