/**
 * The application menu: only the standard roles.
 *
 * Edit roles are what make copy and paste work in text fields on macOS; View keeps zoom for people who
 * need larger text. Developer tools are offered only in unpackaged (development) runs.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** The menu template for a platform; plain data, so it can be read and reasoned about. */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

/** Installs the menu for this run. */
export function installAppMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, isPackaged)));
}
