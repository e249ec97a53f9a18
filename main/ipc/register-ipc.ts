/**
 * Binds the router to Electron's ipcMain. The only place that calls `ipcMain.handle` and the only place
 * that pushes events to a page (`sender.send`), so both stay inside the contract.
 *
 * Typed against minimal structural interfaces so this file needs no runtime import of Electron.
 */
import type { MainServices } from '../composition';
import type { HandlerContext } from './handler-table';
import { createIpcRouter, type IpcRouterOptions } from './router';
import type { SenderFrame } from './trusted-sender';

/** What register needs of Electron's IpcMainInvokeEvent.senderFrame (a WebFrameMain, or null once gone). */
interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** What register needs of the sending WebContents. */
interface SenderLike {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (
      event: { readonly senderFrame: FrameLike | null; readonly sender: SenderLike },
      payload: unknown,
    ) => Promise<unknown>,
  ): void;
}

export function toSenderFrame(frame: FrameLike | null): SenderFrame | null {
  return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
}

/** Events go back only to the page that asked, and not at all once its window is closed. */
export function eventsTo(sender: SenderLike): HandlerContext {
  return {
    emit(channel, payload) {
      if (!sender.isDestroyed()) sender.send(channel, payload);
    },
  };
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  services: MainServices,
  options: IpcRouterOptions = {},
): void {
  const router = createIpcRouter(services, options);
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, payload) =>
      router.handle(channel, payload, toSenderFrame(event.senderFrame), eventsTo(event.sender)),
    );
  }
}
