#!/usr/bin/env node
/**
 * `npm start`: opens Mailwarden's desktop window.
 *
 *   1. Finds Electron's binary. The electron package downloads it on first use; that is tried in a child
 *      process, so a failure is reported in one plain paragraph instead of a stack trace.
 *   2. Rebuilds main, preload and the renderer when dist/ is missing or older than the sources.
 *   3. Runs Electron on the app (package.json "main": dist/main/index.cjs) and exits with its code.
 *
 * The binary is looked for first: when it cannot be had, there is no point building a window that
 * cannot open, and the user learns at once that the CLI is the way in (exit code 3, as the CLI's own
 * "could not run").
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXIT_NO_ELECTRON = 3;
const EXIT_BUILD_FAILED = 1;
/** Electron's zip is about 100 MB; a slow line gets this long before we give up. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const PARAGRAPH_WIDTH = 100;

/** Outputs the window needs, and the source folders they are built from. */
const OUTPUTS = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html'];
const SOURCE_DIRS = ['main', 'preload', 'renderer'];
const BUILD_PARTS = ['main', 'preload', 'renderer'];

/** Where the electron package says its binary is, mirroring node_modules/electron/index.js, without downloading. */
function installedBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  return relative === null ? null : path.join(electronDir, 'dist', relative);
}

/** Runs `require('electron')` in a child, which downloads the binary when it is missing. */
function downloadBinary() {
  console.log("Fetching Electron's binary (first start only, about 100 MB)...");
  const script = `process.stdout.write(require('node:module').createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})('electron'))`;
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' },
  });
  if (child.error?.code === 'ETIMEDOUT') {
    return {
      binary: null,
      reason: `the download did not finish within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`,
    };
  }
  if (child.status === 0 && child.stdout && existsSync(child.stdout))
    return { binary: child.stdout, reason: '' };
  // Keep the first error line ("TypeError: fetch failed"), never the stack under it.
  const firstError = /^\w*Error: (.+)$/m.exec(child.stderr ?? '')?.[1];
  return { binary: null, reason: `the download failed${firstError ? `: ${firstError}` : ''}` };
}

/** The path of Electron's executable, or why there is none. */
function findElectron() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { binary: null, reason: 'the electron package is not installed (run npm install)' };
  }
  const installed = installedBinary(electronDir);
  if (installed !== null && existsSync(installed)) return { binary: installed, reason: '' };
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return {
      binary: null,
      reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${process.env.ELECTRON_OVERRIDE_DIST_PATH}, which holds no Electron binary`,
    };
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { binary: null, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  }
  return downloadBinary();
}

/** Wraps at spaces, never inside a `command`, so every command can be copied whole. */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.match(/`[^`]*`\S*|\S+/g) ?? []) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

function explainNoElectron(reason) {
  const cliBuilt = existsSync(path.join(ROOT, 'dist', 'cli', 'mailwarden.mjs'));
  const text =
    `Mailwarden's desktop window needs Electron's binary, which could not be downloaded on this machine (${reason}). ` +
    `Everything else works through the CLI${cliBuilt ? '' : ' (build it once with `npm run build`)'}: ` +
    '`npx mailwarden --help` lists the commands, ' +
    '`npx mailwarden accounts add --email you@example.com --host smtp.example.com --port 465 --security tls` ' +
    'saves an account with its password in your system keychain, and `npx mailwarden accounts list` shows them. ' +
    "To get the window, allow downloads from Electron's release host (or set ELECTRON_MIRROR) and run `npm start` again.";
  console.error(wrap(text, PARAGRAPH_WIDTH));
}

function newestMtimeMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** True when an output is missing or any source file changed after the oldest output was written. */
function buildIsStale() {
  const outputs = OUTPUTS.map((file) => path.join(ROOT, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = SOURCE_DIRS.map((dir) => path.join(ROOT, dir)).filter((dir) => existsSync(dir));
  return sources.some((dir) => newestMtimeMs(dir) > oldestOutput);
}

function main() {
  const { binary, reason } = findElectron();
  if (binary === null) {
    explainNoElectron(reason);
    process.exit(EXIT_NO_ELECTRON);
  }

  if (buildIsStale()) {
    console.log('Building Mailwarden...');
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), ...BUILD_PARTS], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      console.error('The build failed (see the errors above); fix them and run `npm start` again.');
      process.exit(EXIT_BUILD_FAILED);
    }
  }

  // ELECTRON_RUN_AS_NODE would turn Electron into plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // The project folder, not the file: Electron then reads package.json, so the app is named Mailwarden
  // and starts at its "main" entry (dist/main/index.cjs).
  const electron = spawn(binary, [ROOT, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
  electron.on('error', (error) => {
    explainNoElectron(`it could not be started: ${error.message}`);
    process.exit(EXIT_NO_ELECTRON);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
  electron.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
}

main();
