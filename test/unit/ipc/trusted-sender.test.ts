import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/trusted-sender';

const ORIGIN = 'app://mailwarden';

describe('isTrustedSender', () => {
  it('trusts the main frame of our own page', () => {
    expect(isTrustedSender({ url: 'app://mailwarden/index.html', isMainFrame: true }, ORIGIN)).toBe(true);
    expect(
      isTrustedSender({ url: 'app://mailwarden/index.html#/accounts?x=1', isMainFrame: true }, ORIGIN),
    ).toBe(true);
  });

  it.each([
    ['a frame that is gone', null],
    ['an iframe on our own origin', { url: 'app://mailwarden/index.html', isMainFrame: false }],
    ['a remote page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a look-alike host', { url: 'app://mailwarden.evil/index.html', isMainFrame: true }],
    ['credentials smuggled before the host', { url: 'app://mailwarden@evil/index.html', isMainFrame: true }],
    ['our host with a user part', { url: 'app://evil@mailwarden/index.html', isMainFrame: true }],
    ['another port', { url: 'app://mailwarden:8080/index.html', isMainFrame: true }],
    ['a file URL', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['a data URL', { url: 'data:text/html,<script>1</script>', isMainFrame: true }],
    ['garbage', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s', (_case, frame) => {
    expect(isTrustedSender(frame, ORIGIN)).toBe(false);
  });
});
