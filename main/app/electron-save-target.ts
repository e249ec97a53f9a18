/** The OS save dialog as the export's SaveTarget, attached to the window the user is working in. */
import { BrowserWindow, dialog, type FileFilter } from 'electron';
import type { ExportFormat } from '../../preload/contract/export';
import type { SaveTarget } from '../core/export/export-ports';

const FILTERS: Readonly<Record<ExportFormat, FileFilter>> = {
  html: { name: 'Web page (HTML)', extensions: ['html', 'htm'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'Spreadsheet (CSV)', extensions: ['csv'] },
};

export function createElectronSaveTarget(): SaveTarget {
  return {
    async chooseFile({ suggestedName, format }) {
      const options = { defaultPath: suggestedName, filters: [FILTERS[format]] };
      const parent = BrowserWindow.getFocusedWindow();
      const result =
        parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
  };
}
