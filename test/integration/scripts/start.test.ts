/**
 * `npm start` in a throwaway copy of the project: the real scripts/start.mjs, the real electron package
 * (without any binary), and a fake Electron or a fake build where a test needs one. The copy keeps the
 * tests independent of whether this machine happens to have Electron's binary or a built dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const ELECTRON_PACKAGE = path.join(REPO, 'node_modules', 'electron');
const START_DEADLINE_MS = 20_000;
const EXIT_NO_ELECTRON = 3;
const FAKE_ELECTRON_EXIT = 7;
const OUTPUTS = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html'];

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let project = '';

/** The environment of a user's shell, without any Electron download settings this machine may have. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/electron/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs `npm start` in the project copy; a run past the deadline is killed and fails the test. */
function npmStart(extraEnv: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], { cwd: project, env: cleanEnv(extraEnv) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not end within ${START_DEADLINE_MS} ms`));
    }, START_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function writeExecutable(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  await chmod(file, 0o755);
}

/** A stand-in Electron that records what it was started with. */
async function fakeElectron(): Promise<{ dir: string; log: string }> {
  const dir = path.join(project, 'fake-electron');
  const log = path.join(project, 'electron.log');
  await writeExecutable(
    path.join(dir, 'electron'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nprintf 'RUN_AS_NODE=%s\\n' "\${ELECTRON_RUN_AS_NODE-unset}" >> '${log}'\nexit ${FAKE_ELECTRON_EXIT}\n`,
  );
  return { dir, log };
}

async function writeOutputs(): Promise<void> {
  for (const output of OUTPUTS) {
    await mkdir(path.join(project, path.dirname(output)), { recursive: true });
    await writeFile(path.join(project, output), '// built\n');
  }
}

/** A stand-in build script that records its arguments and exits with `exitCode`. */
async function fakeBuild(exitCode: number): Promise<string> {
  const log = path.join(project, 'build.log');
  await writeFile(
    path.join(project, 'scripts', 'build.mjs'),
    `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' '));\nprocess.exit(${exitCode});\n`,
  );
  return log;
}

function expectNoStackTrace(result: RunResult): void {
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/\w*Error: /);
}

function expectCliParagraph(result: RunResult): void {
  expect(result.stderr).toContain("Mailwarden's desktop window needs Electron's binary");
  expect(result.stderr).toContain('`npx mailwarden --help`');
  expect(result.stderr).toContain('`npx mailwarden accounts add ');
  // One paragraph: no blank line inside it.
  expect(result.stderr.trim()).not.toMatch(/\n\s*\n/);
}

beforeEach(async () => {
  project = await makeTempDir();
  await mkdir(path.join(project, 'scripts'));
  await copyFile(path.join(REPO, 'package.json'), path.join(project, 'package.json'));
  await copyFile(path.join(REPO, 'scripts', 'start.mjs'), path.join(project, 'scripts', 'start.mjs'));
  // The real electron package with no binary in it: its index.js and install.js, and its own dependencies.
  const electron = path.join(project, 'node_modules', 'electron');
  await mkdir(electron, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'checksums.json']) {
    await copyFile(path.join(ELECTRON_PACKAGE, file), path.join(electron, file));
  }
  await symlink(path.join(ELECTRON_PACKAGE, 'node_modules'), path.join(electron, 'node_modules'));
});

afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("npm start without Electron's binary", () => {
  it('exits 3 with one paragraph naming the CLI when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const result = await npmStart({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result.code).toBe(EXIT_NO_ELECTRON);
    expectCliParagraph(result);
    expect(result.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expectNoStackTrace(result);
  });

  it('exits 3 and names the folder when ELECTRON_OVERRIDE_DIST_PATH holds no binary', async () => {
    const empty = path.join(project, 'empty-electron');
    await mkdir(empty);
    const result = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.code).toBe(EXIT_NO_ELECTRON);
    expectCliParagraph(result);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(`ELECTRON_OVERRIDE_DIST_PATH points at ${empty}`);
    expectNoStackTrace(result);
  });

  describe('when the download fails', () => {
    let mirror: Server;
    const requested: string[] = [];

    beforeEach(async () => {
      requested.length = 0;
      mirror = createServer((request, response) => {
        requested.push(request.url ?? '');
        response.writeHead(404).end('not here');
      });
      await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    });

    afterEach(async () => {
      mirror.closeAllConnections();
      await new Promise<void>((resolve) => {
        mirror.close(() => {
          resolve();
        });
      });
    });

    it('tries the download, then exits 3 with the paragraph and the cause, not a stack trace', async () => {
      const { port } = mirror.address() as AddressInfo;
      const result = await npmStart({
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: path.join(project, 'electron-cache'),
      });
      expect(requested.some((url) => url.includes('electron-v'))).toBe(true);
      expect(result.code).toBe(EXIT_NO_ELECTRON);
      expectCliParagraph(result);
      expect(result.stderr).toContain('the download failed');
      expectNoStackTrace(result);
    });
  });
});

describe('npm start with Electron', () => {
  it('starts Electron on the project folder (whose package.json main is dist/main/index.cjs) and passes its exit code on', async () => {
    const electron = await fakeElectron();
    await writeOutputs();
    const result = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: electron.dir });
    expect(result.code).toBe(FAKE_ELECTRON_EXIT);
    const [appPath] = (await readFile(electron.log, 'utf8')).split('\n');
    expect(path.resolve(appPath ?? '')).toBe(path.resolve(project));
    const manifest = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(manifest.main).toBe('dist/main/index.cjs');
  });

  it('does not let ELECTRON_RUN_AS_NODE turn Electron into plain Node', async () => {
    const electron = await fakeElectron();
    await writeOutputs();
    await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: electron.dir, ELECTRON_RUN_AS_NODE: '1' });
    expect(await readFile(electron.log, 'utf8')).toContain('RUN_AS_NODE=unset');
  });

  it('does not rebuild when dist/ is newer than every source', async () => {
    const electron = await fakeElectron();
    const buildLog = await fakeBuild(0);
    await mkdir(path.join(project, 'main'));
    await writeFile(path.join(project, 'main', 'index.ts'), 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    await utimes(path.join(project, 'main', 'index.ts'), past, past);
    await writeOutputs();
    await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: electron.dir });
    expect(existsSync(buildLog)).toBe(false);
    expect(existsSync(electron.log)).toBe(true);
  });

  it('rebuilds main, preload and renderer first when a source changed after the build', async () => {
    const electron = await fakeElectron();
    const buildLog = await fakeBuild(0);
    await writeOutputs();
    const past = new Date(Date.now() - 60_000);
    for (const output of OUTPUTS) await utimes(path.join(project, output), past, past);
    await mkdir(path.join(project, 'preload'));
    await writeFile(path.join(project, 'preload', 'index.ts'), 'export {};\n');
    const result = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: electron.dir });
    expect(await readFile(buildLog, 'utf8')).toBe('main preload renderer');
    expect(result.code).toBe(FAKE_ELECTRON_EXIT);
  });

  it('builds when dist/ is missing, and does not start Electron when the build fails', async () => {
    const electron = await fakeElectron();
    const buildLog = await fakeBuild(1);
    const result = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: electron.dir });
    expect(existsSync(buildLog)).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The build failed');
    expect(existsSync(electron.log)).toBe(false);
  });
});
