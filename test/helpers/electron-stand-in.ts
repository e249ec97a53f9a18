/**
 * A recording stand-in for the parts of Electron that main/app touches.
 *
 * Electron's binary cannot run on these machines, so tests of the thin Electron glue load it with this
 * object in place of the 'electron' module (`vi.mock('electron', ...)`). It only records what the glue
 * registers and lets a test fire the events Electron would fire; every decision still comes from the
 * real main/app code.
 */
import { EventEmitter } from 'node:events';

/** An Electron-style event: a test can see whether a listener called preventDefault(). */
export class StandInEvent {
  defaultPrevented = false;
  constructor(
    readonly url = '',
    readonly isMainFrame = true,
  ) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type DeviceHandler = (details: { deviceType: string }) => boolean;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class StandInSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DeviceHandler | null = null;
  beforeRequest: BeforeRequest | null = null;
  beforeRequestRegistrations = 0;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest): void => {
      this.beforeRequest = listener;
      this.beforeRequestRegistrations += 1;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.devicePermissionHandler = handler;
  }
}

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  constructor(readonly session: StandInSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

type ProtocolHandler = (request: Request) => Promise<Response>;

/** The fake module's state, reset between tests. */
export const electronStandIn = {
  app: new EventEmitter(),
  protocol: {
    privileged: [] as unknown[],
    handlers: new Map<string, ProtocolHandler>(),
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      this.handlers.set(scheme, handler);
    },
  },
  shell: {
    opened: [] as string[],
    openExternal(url: string): Promise<void> {
      this.opened.push(url);
      return Promise.resolve();
    },
  },
};

export function resetElectronStandIn(): void {
  electronStandIn.app.removeAllListeners();
  electronStandIn.protocol.privileged.length = 0;
  electronStandIn.protocol.handlers.clear();
  electronStandIn.shell.opened.length = 0;
}
