#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find.
 *
 *   types      tsc -b over main, preload, renderer and tests
 *   lint       ESLint (with the layer rules) and Prettier
 *   build      the bundles and the renderer the end-to-end tests drive
 *   vitest     unit and integration tests, inside a private D-Bus session with a real gnome-keyring
 *   e2e        Playwright in Debian's Chromium, in the same kind of keyring session
 *
 * Every step runs even when an earlier one failed (except e2e, which needs the build), and the last
 * line is "N passed, N failed": a static step counts as one test, the runners report their own counts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = `${root}test-results`;
const KEYRING = ['dbus-run-session', '--', 'bash', 'test/helpers/with-keyring.sh'];
const REQUIRED_COMMANDS = ['dbus-run-session', 'gnome-keyring-daemon', 'knotd', 'chromium'];

let passed = 0;
let failed = 0;
const failures = [];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

async function staticStep(name, command, args) {
  heading(name);
  const code = await run(command, args);
  if (code === 0) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return code === 0;
}

async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

async function vitestStep() {
  heading('unit and integration tests (Vitest, real keychain)');
  const report = `${resultsDir}/vitest.json`;
  const code = await run(KEYRING[0], [
    ...KEYRING.slice(1),
    'npx',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const json = await readJson(report);
  if (json === null) {
    failed += 1;
    failures.push(`vitest (exit ${code}, no report)`);
    return;
  }
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails to load has no tests but fails the run.
  const brokenFiles = json.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  if (json.numFailedTests > 0 || brokenFiles.length > 0 || code !== 0) failures.push('vitest');
  if (code !== 0 && json.numFailedTests === 0 && brokenFiles.length === 0) failed += 1;
}

async function playwrightStep(buildOk) {
  heading('end-to-end tests (Playwright, Chromium, real keychain)');
  if (!buildOk) {
    console.log('Skipped: the build failed, so there is no renderer to drive.');
    failed += 1;
    failures.push('e2e (no build)');
    return;
  }
  const report = `${resultsDir}/playwright.json`;
  const code = await run(
    KEYRING[0],
    [...KEYRING.slice(1), 'npx', 'playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    },
  );
  const json = await readJson(report);
  if (json === null) {
    failed += 1;
    failures.push(`e2e (exit ${code}, no report)`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0 } = json.stats ?? {};
  passed += expected;
  failed += unexpected + flaky;
  const loadErrors = (json.errors ?? []).length;
  failed += loadErrors;
  if (unexpected + flaky + loadErrors > 0 || code !== 0) failures.push('e2e');
  if (code !== 0 && unexpected + flaky + loadErrors === 0) failed += 1;
}

async function main() {
  const missing = REQUIRED_COMMANDS.filter(
    (command) =>
      !['/usr/bin', '/usr/sbin', '/bin', '/sbin', '/usr/local/bin'].some((dir) =>
        existsSync(`${dir}/${command}`),
      ),
  );
  if (missing.length > 0) {
    console.error(
      `Missing system programs: ${missing.join(', ')}. Install the packages listed in the README (Debian: see .ci/run).`,
    );
    console.log(`\n0 passed, 1 failed`);
    process.exit(1);
  }
  await rm(resultsDir, { recursive: true, force: true });
  await mkdir(resultsDir, { recursive: true });

  await staticStep('types (tsc -b)', 'npx', ['tsc', '-b']);
  await staticStep('lint (ESLint)', 'npx', ['eslint', '--max-warnings', '0', '.']);
  await staticStep('format (Prettier)', 'npx', ['prettier', '--check', '.']);
  const buildOk = await staticStep('build', 'node', ['scripts/build.mjs']);
  await vitestStep();
  await playwrightStep(buildOk);

  console.log('');
  if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
