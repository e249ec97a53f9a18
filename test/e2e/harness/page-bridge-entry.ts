/**
 * Bundled into the page before any of its scripts run: `window.mailwarden` is the very object the
 * preload builds (createBridge), with a transport that calls the test process's real IPC router
 * through a Playwright binding instead of ipcRenderer.invoke.
 */
import { createBridge } from '../../../preload/bridge';

interface HarnessWindow {
  __mailwardenInvoke(channel: string, payload: unknown): Promise<unknown>;
}

const harness = window as unknown as HarnessWindow;

// Like contextBridge.exposeInMainWorld: a frozen object on a property the page cannot replace.
Object.defineProperty(window, 'mailwarden', {
  value: createBridge({ invoke: (channel, payload) => harness.__mailwardenInvoke(channel, payload) }),
  enumerable: true,
  writable: false,
  configurable: false,
});
