/**
 * The system-browser opener refuses anything but https: before it starts any program, so a provider's
 * discovery document cannot make Mailwarden open a file, a script or a plain-text page.
 */
import { describe, expect, it } from 'vitest';
import { createSystemBrowserOpener } from '../../../../main/adapters/oauth/system-browser';

describe('system browser opener', () => {
  it.each(['http://login.example.com/authorize', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses %s without starting a browser',
    async (url) => {
      // A platform whose opener does not exist here: reaching the spawn would fail differently.
      const open = createSystemBrowserOpener('linux');
      await expect(open(url)).rejects.toThrow('opens only https: addresses');
    },
  );
});
