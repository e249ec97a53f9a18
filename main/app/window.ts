/**
 * The one Mailwarden window.
 *
 * It is created hidden and shown on `ready-to-show`, so the user never sees a white flash, and its
 * background follows the OS light/dark theme for the same reason. Its webPreferences come from
 * ./security-policy untouched, plus the preload path.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { WINDOW_WEB_PREFERENCES } from './security-policy';

const WINDOW_TITLE = 'Mailwarden';
const DEFAULT_WIDTH_PX = 1_100;
const DEFAULT_HEIGHT_PX = 760;
const MIN_WIDTH_PX = 800;
const MIN_HEIGHT_PX = 600;
/** Behind the page before it paints; matches the renderer's light and dark page backgrounds. */
const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#1b1d21';

function themeBackground(): string {
  return nativeTheme.shouldUseDarkColors ? DARK_BACKGROUND : LIGHT_BACKGROUND;
}

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/preload/index.cjs). */
  readonly preloadPath: string;
}

/** Creates the window and loads the app page; it shows itself once the first frame is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: DEFAULT_WIDTH_PX,
    height: DEFAULT_HEIGHT_PX,
    minWidth: MIN_WIDTH_PX,
    minHeight: MIN_HEIGHT_PX,
    show: false,
    backgroundColor: themeBackground(),
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload: options.preloadPath },
  });

  const followTheme = (): void => {
    window.setBackgroundColor(themeBackground());
  };
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => nativeTheme.off('updated', followTheme));
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Brings an existing window to the front (a second launch, or a Dock click on macOS). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
