/**
 * Electron main-process start-up, and nothing else.
 *
 * Order matters: the sandbox and the `app:` scheme must be set before `ready`; the guards must exist
 * before the first web page; IPC handlers before the page can call them; the window last.
 */
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import path from 'node:path';
import { resolveDataDir } from './adapters/data-dir';
import { createAuthorizationBrowser } from './app/authorization-browser';
import { registerAppScheme, serveAppContent } from './app/content-protocol';
import { createElectronPdfPrinter } from './app/electron-pdf-printer';
import { createElectronOpenTarget } from './app/electron-open-target';
import { createElectronSaveTarget } from './app/electron-save-target';
import { installAppMenu } from './app/menu';
import { createPrintDocuments } from './app/print-documents';
import { HARDENING_SWITCHES } from './app/security-policy';
import { installWebContentsGuards } from './app/web-contents-guards';
import { createMainWindow, focusWindow } from './app/window';
import { createMainServices } from './composition';
import { registerIpcHandlers } from './ipc/register-ipc';

/** dist/main/index.cjs sits beside dist/preload and dist/renderer, in the app folder or app.asar. */
const PRELOAD_PATH = path.join(__dirname, '..', 'preload', 'index.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH });
  mainWindow.once('closed', () => {
    mainWindow = null;
  });
}

function onReady(): void {
  installWebContentsGuards();
  const printDocuments = createPrintDocuments();
  serveAppContent(RENDERER_ROOT, printDocuments);
  const services = createMainServices({
    dataDir: resolveDataDir(),
    saveTarget: createElectronSaveTarget(),
    openTarget: createElectronOpenTarget(),
    pdfPrinter: createElectronPdfPrinter(printDocuments),
    systemBrowser: createAuthorizationBrowser((url) => shell.openExternal(url)),
  });
  registerIpcHandlers(ipcMain, services);
  installAppMenu(app.isPackaged);
  openMainWindow();
}

function failStartup(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Mailwarden could not start', detail);
  app.exit(1);
}

function start(): void {
  app.enableSandbox();
  for (const { name, value } of HARDENING_SWITCHES) app.commandLine.appendSwitch(name, value);
  registerAppScheme();

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady).catch(failStartup);
}

// One Mailwarden at a time: two processes writing the same accounts file would race.
if (app.requestSingleInstanceLock()) start();
else app.quit();
