/**
 * The guards every web page gets, driven through a recording stand-in for Electron's app, session and
 * webContents (the binary cannot run here). The events are the ones Electron fires; the listeners and
 * their decisions are the real main/app code.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/app/app-origin';
import { installWebContentsGuards } from '../../../main/app/web-contents-guards';
import {
  electronStandIn,
  resetElectronStandIn,
  StandInEvent,
  StandInSession,
  StandInWebContents,
} from '../../helpers/electron-stand-in';

vi.mock('electron', async () => (await import('../../helpers/electron-stand-in')).electronStandIn);

let session: StandInSession;
let contents: StandInWebContents;

/** Fires `name` with an event for `url` and says whether a guard prevented it. */
function fire(name: string, url: string, isMainFrame = true): boolean {
  const event = new StandInEvent(url, isMainFrame);
  contents.emit(name, event, url);
  return event.defaultPrevented;
}

/** Lets the fire-and-forget openExternal calls settle. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  resetElectronStandIn();
  installWebContentsGuards();
  session = new StandInSession();
  contents = new StandInWebContents(session);
  electronStandIn.app.emit('web-contents-created', {}, contents);
});

describe('navigation', () => {
  it("lets the page move within Mailwarden's own origin", () => {
    expect(fire('will-navigate', 'app://mailwarden/index.html#/accounts')).toBe(false);
  });

  it('stops a navigation to a web page and opens it in the browser instead', async () => {
    expect(fire('will-navigate', 'https://example.com/help')).toBe(true);
    await settle();
    expect(electronStandIn.shell.opened).toEqual(['https://example.com/help']);
  });

  it('stops a navigation to a local file and opens nothing', async () => {
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    await settle();
    expect(electronStandIn.shell.opened).toEqual([]);
  });

  it('stops a frame navigating elsewhere without opening anything', async () => {
    expect(fire('will-frame-navigate', 'https://example.com/', false)).toBe(true);
    await settle();
    expect(electronStandIn.shell.opened).toEqual([]);
  });

  it('stops a redirect away from the app', () => {
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('lets a redirect within the app through', () => {
    expect(fire('will-redirect', APP_ENTRY_URL)).toBe(false);
  });
});

describe('new windows', () => {
  it('never opens one, and sends a safe link to the browser', async () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await settle();
    expect(electronStandIn.shell.opened).toEqual(['https://example.com/']);
  });

  it('never opens one for a script URL, and sends it nowhere', async () => {
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await settle();
    expect(electronStandIn.shell.opened).toEqual([]);
  });
});

describe('webview', () => {
  it('refuses to attach a <webview>', () => {
    expect(fire('will-attach-webview', '')).toBe(true);
  });
});

describe('session', () => {
  it('denies a permission request (camera and microphone)', () => {
    const answers: boolean[] = [];
    session.permissionRequestHandler?.(contents, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('denies a permission check (notifications)', () => {
    expect(session.permissionCheckHandler?.(contents, 'notifications')).toBe(false);
  });

  it('denies USB, serial and HID devices', () => {
    for (const deviceType of ['usb', 'serial', 'hid']) {
      expect(session.devicePermissionHandler?.({ deviceType })).toBe(false);
    }
  });

  it('cancels a request to the network', () => {
    const answers: { cancel?: boolean }[] = [];
    session.beforeRequest?.({ url: 'https://tracker.example/pixel.gif' }, (response) =>
      answers.push(response),
    );
    expect(answers).toEqual([{ cancel: true }]);
  });

  it("lets a request for the app's own files through", () => {
    const answers: { cancel?: boolean }[] = [];
    session.beforeRequest?.({ url: 'app://mailwarden/assets/index.js' }, (response) =>
      answers.push(response),
    );
    expect(answers).toEqual([{ cancel: false }]);
  });

  it('guards a shared session once, however many pages use it', () => {
    electronStandIn.app.emit('web-contents-created', {}, new StandInWebContents(session));
    expect(session.beforeRequestRegistrations).toBe(1);
  });
});
