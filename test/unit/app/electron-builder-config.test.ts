/**
 * electron-builder.yml, read by electron-builder's own loader and checked against its own schema, then
 * rule by rule: what a packaged Mailwarden contains, how its Electron binary is fused, which installers
 * are made.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const ICON_SIZE_PX = 512;
/** electron-builder's own debug logger, switched off (builder-util comes with app-builder-lib). */
const QUIET_LOGGER = new DebugLogger(false);

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(REPO, null, null);
});

function targetNames(platform: 'linux' | 'win' | 'mac'): string[] {
  const target = config[platform]?.target;
  const list = Array.isArray(target) ? target : target === undefined || target === null ? [] : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

/** The `files` patterns, flattened from the file sets electron-builder's loader normalises them into. */
function filePatterns(): string[] {
  const files = config.files;
  const sets = Array.isArray(files) ? files : files === undefined || files === null ? [] : [files];
  return sets.flatMap((set) => {
    if (typeof set === 'string') return [set];
    const filter = set.filter ?? [];
    return typeof filter === 'string' ? [filter] : filter;
  });
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, QUIET_LOGGER)).resolves.toBeUndefined();
  });

  it('would be rejected by that validation if an option were misspelt (the check is real)', async () => {
    const misspelt = { ...config, electronFusez: { runAsNode: false } } as Configuration;
    await expect(validateConfiguration(misspelt, QUIET_LOGGER)).rejects.toThrow(/electronFusez/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.mailwarden.desktop');
    expect(config.productName).toBe('Mailwarden');
  });

  it('writes installers to release/ and takes build resources from assets/', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'assets' });
  });

  it('never publishes anything', () => {
    expect(config.publish).toBeNull();
  });
});

describe('what the package contains', () => {
  function isPacked(file: string): boolean {
    let packed = false;
    for (const pattern of filePatterns()) {
      if (pattern.startsWith('!')) {
        if (minimatch(file, pattern.slice(1), { dot: true })) packed = false;
      } else if (minimatch(file, pattern, { dot: true })) packed = true;
    }
    return packed;
  }

  for (const file of [
    'package.json',
    'dist/main/index.cjs',
    'dist/preload/index.cjs',
    'dist/renderer/index.html',
  ]) {
    it(`packs ${file}`, () => {
      expect(isPacked(file)).toBe(true);
    });
  }

  for (const file of [
    'main/index.ts',
    'main/app/security-policy.ts',
    'preload/index.ts',
    'renderer/main.tsx',
    'test/unit/app/security-policy.test.ts',
    'scripts/start.mjs',
    'tsconfig.json',
    'electron-builder.yml',
    'dist/main/index.cjs.map',
    'dist/renderer/assets/index.js.map',
    'dist/main/stray.ts',
  ]) {
    it(`leaves out ${file}`, () => {
      expect(isPacked(file)).toBe(false);
    });
  }

  it('packs into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it("unpacks keytar's native addon, which cannot be loaded from inside the archive", () => {
    const unpack = config.asarUnpack;
    const patterns = Array.isArray(unpack) ? unpack : typeof unpack === 'string' ? [unpack] : [];
    const addon = 'node_modules/keytar/build/Release/keytar.node';
    expect(patterns.some((pattern) => minimatch(addon, pattern))).toBe(true);
    expect(patterns.some((pattern) => minimatch('node_modules/keytar/lib/keytar.js', pattern))).toBe(false);
  });

  it('rebuilds native modules against Electron for real builds', () => {
    expect(config.npmRebuild).toBe(true);
  });
});

describe('fuses', () => {
  const expected = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  } as const;

  for (const [fuse, value] of Object.entries(expected)) {
    it(`sets ${fuse} to ${String(value)}`, () => {
      expect(config.electronFuses).toHaveProperty(fuse, value);
    });
  }
});

describe('targets', () => {
  it('builds an AppImage and a .deb for Linux', () => {
    expect(targetNames('linux').sort()).toEqual(['AppImage', 'deb']);
  });

  it('files the Linux app under Utility, with a maintainer for the .deb', () => {
    expect(config.linux?.category).toBe('Utility');
    expect(config.linux?.maintainer).toMatch(/\S+ <[^@\s]+@[^@\s]+>/);
  });

  it('builds an NSIS installer for Windows', () => {
    expect(targetNames('win')).toEqual(['nsis']);
  });

  it('builds a dmg for macOS', () => {
    expect(targetNames('mac')).toEqual(['dmg']);
  });

  it('signs for macOS with the hardened runtime, in the Utilities category', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.category).toBe('public.app-category.utilities');
  });
});

describe('icon', () => {
  it('has a 512x512 PNG in the build resources, rendered from icon.svg', async () => {
    const png = await readFile(path.join(REPO, 'assets', 'icon.png'));
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers (RFC 2083 section 4.1.1).
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([ICON_SIZE_PX, ICON_SIZE_PX]);
    const svg = await readFile(path.join(REPO, 'assets', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 512 512"/);
  });
});
