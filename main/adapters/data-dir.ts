/**
 * Where Mailwarden keeps its data files.
 *
 * The CLI and the desktop app use the same folder, so accounts added in one show up in the other. It
 * matches Electron's `app.getPath('userData')` for a product named "Mailwarden".
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'MAILWARDEN_DATA_DIR';
const PRODUCT_DIR = 'Mailwarden';

export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[DATA_DIR_ENV];
  if (override !== undefined && override.trim() !== '') return override;
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_DIR);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_DIR);
    default:
      // XDG Base Directory Specification: $XDG_CONFIG_HOME, else ~/.config (what Electron uses too).
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_DIR);
  }
}
