/**
 * Bundled into the page before any of its scripts run: `window.mailwarden` is the very object the
 * preload builds (createBridge), with a transport that calls the test process's real IPC router
 * through a Playwright binding instead of ipcRenderer.invoke, and receives the router's pushed events
 * through `__mailwardenDeliver` instead of ipcRenderer.on.
 */
import { createBridge } from '../../../preload/bridge';

interface HarnessWindow {
  __mailwardenInvoke(channel: string, payload: unknown): Promise<unknown>;
}

const harness = window as unknown as HarnessWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

Object.defineProperty(window, '__mailwardenDeliver', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  },
  enumerable: false,
  writable: false,
  configurable: false,
});

// Like contextBridge.exposeInMainWorld: a frozen object on a property the page cannot replace.
Object.defineProperty(window, 'mailwarden', {
  value: createBridge({
    invoke: (channel, payload) => harness.__mailwardenInvoke(channel, payload),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => {
        set.delete(listener);
      };
    },
  }),
  enumerable: true,
  writable: false,
  configurable: false,
});
