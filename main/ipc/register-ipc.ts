/**
 * Binds the router to Electron's ipcMain. The only place that calls `ipcMain.handle`.
 *
 * Typed against a minimal structural interface so this file needs no runtime import of Electron.
 */
import type { MainServices } from '../composition';
import { createIpcRouter, type IpcRouterOptions } from './router';
import type { SenderFrame } from './trusted-sender';

/** What register needs of Electron's IpcMainInvokeEvent.senderFrame (a WebFrameMain, or null once gone). */
interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { readonly senderFrame: FrameLike | null }, payload: unknown) => Promise<unknown>,
  ): void;
}

export function toSenderFrame(frame: FrameLike | null): SenderFrame | null {
  return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  services: MainServices,
  options: IpcRouterOptions = {},
): void {
  const router = createIpcRouter(services, options);
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, payload) =>
      router.handle(channel, payload, toSenderFrame(event.senderFrame)),
    );
  }
}
