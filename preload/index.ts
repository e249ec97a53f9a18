/**
 * The sandboxed preload: gives the page `window.mailwarden` and nothing else.
 *
 * Only the named methods of ./bridge cross into the page's world; ipcRenderer itself never does, so a
 * script in the page cannot pick its own channel or listen to anything (Electron security checklist,
 * "do not expose Electron APIs to untrusted web content"). Event listeners get the payload only, never
 * Electron's event object (which carries the sender).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'mailwarden',
  createBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => {
        listener(payload);
      };
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
