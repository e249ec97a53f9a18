/**
 * Packages Mailwarden for real with electron-builder (`--dir --linux`), offline.
 *
 * Electron's binary cannot be downloaded here, so `electronDist` points at a stand-in executable that
 * carries Electron's fuse sentinel and fuse wire (the bytes @electron/fuses looks for), in a copy of the
 * project whose dist/ holds small stand-in bundles. electron-builder then does everything it does for a
 * release: collects production dependencies, filters files, writes app.asar, unpacks keytar's addon and
 * flips the fuses, and this test reads the results back.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemTmpdir } from '../../helpers/private-tmpdir';
import { makeTempDir } from '../../helpers/temp-dir';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const PACKAGE_DEADLINE_MS = 120_000;
/** @electron/fuses: the sentinel, then wire version 1, the wire length, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ENABLED = 0x31;
const FUSE_DISABLED = 0x30;
/** Fuse order in wire version 1 (@electron/fuses FuseV1Options). */
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** What a stock Electron binary ships with: each configured fuse starts in the opposite state. */
const STOCK_FUSES = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on === 1 ? FUSE_ENABLED : FUSE_DISABLED));

interface AsarNode {
  readonly files?: Record<string, AsarNode>;
  readonly unpacked?: boolean;
  readonly offset?: string;
  readonly size?: number;
}

let work = '';
let appOutDir = '';
let build: { code: number | null; output: string };
let asarFiles: Map<string, AsarNode>;
let asarBytes: Buffer;

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // The system's temporary folder, not this run's private one: electron-builder allows symlinks into
    // os.tmpdir() and denies the rest of /tmp, so a checkout under /tmp packages as it would for a user.
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: 'true', TMPDIR: systemTmpdir() } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`electron-builder did not finish within ${PACKAGE_DEADLINE_MS} ms:\n${output}`));
    }, PACKAGE_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The asar header (a Chromium pickle): uint32 4, uint32 header size, uint32 payload size, uint32 JSON length, JSON. */
function readAsarIndex(bytes: Buffer): Map<string, AsarNode> {
  const jsonLength = bytes.readUInt32LE(12);
  const root = JSON.parse(bytes.subarray(16, 16 + jsonLength).toString('utf8')) as AsarNode;
  const index = new Map<string, AsarNode>();
  const walk = (node: AsarNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const full = `${prefix}/${name}`;
      index.set(full, child);
      walk(child, full);
    }
  };
  walk(root, '');
  return index;
}

/** A packed file's bytes: they follow the header, at the offset the index gives. */
function readFromAsar(file: string): string {
  const node = asarFiles.get(file);
  if (node?.offset === undefined || node.size === undefined)
    throw new Error(`${file} is not packed in app.asar`);
  const start = 8 + asarBytes.readUInt32LE(4) + Number(node.offset);
  return asarBytes.subarray(start, start + node.size).toString('utf8');
}

async function writeFileIn(root: string, relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await writeFile(path.join(root, relative), text);
}

async function makeProject(project: string): Promise<void> {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml', 'tsconfig.json']) {
    await cp(path.join(REPO, file), path.join(project, file));
  }
  // The real source folders sit beside dist/, as in a checkout: none of them may end up in the package.
  for (const dir of ['assets', 'main', 'preload', 'renderer', 'scripts']) {
    await cp(path.join(REPO, dir), path.join(project, dir), { recursive: true });
  }
  await cp(path.join(REPO, 'test', 'unit', 'app'), path.join(project, 'test', 'unit', 'app'), {
    recursive: true,
  });
  await symlink(path.join(REPO, 'node_modules'), path.join(project, 'node_modules'));
  const dist: Record<string, string> = {
    'dist/main/index.cjs': '"use strict";\n',
    'dist/main/index.cjs.map': '{}\n',
    'dist/preload/index.cjs': '"use strict";\n',
    'dist/renderer/index.html': '<!doctype html><title>Mailwarden</title>\n',
    'dist/renderer/assets/index.js': 'export {};\n',
    'dist/renderer/assets/index.js.map': '{}\n',
    'dist/main/left-over.ts': 'export {};\n',
  };
  for (const [file, text] of Object.entries(dist)) await writeFileIn(project, file, text);
}

async function makeElectronStandIn(dir: string): Promise<void> {
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, FUSE_ORDER.length, ...STOCK_FUSES]),
  ]);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'electron'), wire, { mode: 0o755 });
}

async function readFuses(binary: string): Promise<Record<string, number>> {
  const bytes = await readFile(binary);
  const at = bytes.indexOf(FUSE_SENTINEL, 0, 'latin1') + FUSE_SENTINEL.length;
  return Object.fromEntries(FUSE_ORDER.map((name, index) => [name, bytes[at + 2 + index] ?? -1]));
}

beforeAll(async () => {
  work = await makeTempDir();
  const project = path.join(work, 'project');
  const electronDist = path.join(work, 'electron-dist');
  const output = path.join(work, 'release');
  await makeProject(project);
  await makeElectronStandIn(electronDist);
  build = await run(
    process.execPath,
    [
      path.join(REPO, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      '-c.npmRebuild=false',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    project,
  );
  appOutDir = path.join(output, 'linux-unpacked');
  const asar = path.join(appOutDir, 'resources', 'app.asar');
  asarBytes = existsSync(asar) ? await readFile(asar) : Buffer.alloc(0);
  asarFiles = existsSync(asar) ? readAsarIndex(asarBytes) : new Map<string, AsarNode>();
}, PACKAGE_DEADLINE_MS + 30_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('electron-builder --dir --linux, offline', () => {
  it('packages without errors', () => {
    expect(build.output).not.toMatch(/⨯/);
    expect(build.code, build.output).toBe(0);
  });

  for (const file of [
    '/package.json',
    '/dist/main/index.cjs',
    '/dist/preload/index.cjs',
    '/dist/renderer/index.html',
  ]) {
    it(`puts ${file} in app.asar`, () => {
      expect(asarFiles.has(file)).toBe(true);
    });
  }

  it('puts no TypeScript source in app.asar', () => {
    expect([...asarFiles.keys()].filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))).toEqual(
      [],
    );
  });

  it('puts none of the source, test or script folders in app.asar', () => {
    for (const dir of ['/main', '/preload', '/renderer', '/test', '/scripts', '/assets']) {
      expect(asarFiles.has(dir), dir).toBe(false);
    }
  });

  it('puts no source map in app.asar', () => {
    expect([...asarFiles.keys()].filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it("keeps keytar's native addon outside the archive, where the OS can load it", () => {
    const addon = '/node_modules/keytar/build/Release/keytar.node';
    expect(asarFiles.get(addon)?.unpacked).toBe(true);
    expect(existsSync(path.join(appOutDir, 'resources', 'app.asar.unpacked', ...addon.split('/')))).toBe(
      true,
    );
  });

  it('starts the app at dist/main/index.cjs, the bundle it packed', () => {
    // Electron runs the "main" of the package.json inside app.asar.
    const manifest = JSON.parse(readFromAsar('/package.json')) as { main: string };
    expect(manifest.main).toBe('dist/main/index.cjs');
    expect(readFromAsar('/dist/main/index.cjs')).toBe('"use strict";\n');
  });

  const expectedFuses = {
    runAsNode: FUSE_DISABLED,
    enableCookieEncryption: FUSE_ENABLED,
    enableNodeOptionsEnvironmentVariable: FUSE_DISABLED,
    enableNodeCliInspectArguments: FUSE_DISABLED,
    enableEmbeddedAsarIntegrityValidation: FUSE_ENABLED,
    onlyLoadAppFromAsar: FUSE_ENABLED,
    grantFileProtocolExtraPrivileges: FUSE_DISABLED,
  } as const;
  for (const [fuse, state] of Object.entries(expectedFuses)) {
    it(`flips ${fuse} ${state === FUSE_ENABLED ? 'on' : 'off'} in the packaged binary`, async () => {
      const fuses = await readFuses(path.join(appOutDir, 'mailwarden'));
      expect(fuses[fuse]).toBe(state);
    });
  }
});
