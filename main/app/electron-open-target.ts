/** The OS open dialog as the message check's OpenTarget, attached to the window the user is working in. */
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { OpenTarget } from '../core/message/message-file-port';

const OPTIONS: OpenDialogOptions = {
  title: 'Open a message',
  properties: ['openFile'],
  filters: [
    // "Save as" / "Show original" in mail programs writes .eml; some save plain text.
    { name: 'Email message (EML)', extensions: ['eml', 'txt', 'msg'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

export function createElectronOpenTarget(): OpenTarget {
  return {
    async chooseMessageFile() {
      const parent = BrowserWindow.getFocusedWindow();
      const result =
        parent === null ? await dialog.showOpenDialog(OPTIONS) : await dialog.showOpenDialog(parent, OPTIONS);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
