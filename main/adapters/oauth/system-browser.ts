/**
 * Opens the authorization URL in the person's own browser (RFC 8252 section 8.12: never an embedded
 * web view, where the app could read the password), through the platform's opener.
 *
 * Only https: URLs are handed over, plus https: on a loopback address for a test issuer; the opener gets
 * the URL as one argument, never through a shell.
 */
import { spawn } from 'node:child_process';
import type { AuthorizationUrlOpener } from '../../core/oauth/oauth-ports';
import { isOpenableAuthorizationUrl } from '../../core/oauth/authorization-url-policy';

function opener(platform: NodeJS.Platform): { command: string; args: readonly string[] } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  // rundll32 takes the URL as one argument; `cmd /c start` would read & and ^ in it as shell syntax.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  return { command: 'xdg-open', args: [] };
}

export function createSystemBrowserOpener(
  platform: NodeJS.Platform = process.platform,
): AuthorizationUrlOpener {
  return (url) =>
    new Promise((resolve, reject) => {
      if (!isOpenableAuthorizationUrl(url)) {
        reject(new Error('Mailwarden opens only https: addresses in your browser.'));
        return;
      }
      const { command, args } = opener(platform);
      const child = spawn(command, [...args, url], { detached: true, stdio: 'ignore' });
      child.once('error', (error: NodeJS.ErrnoException) => {
        reject(new Error(`Mailwarden could not start your browser (${command}: ${error.code ?? 'failed'}).`));
      });
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}
