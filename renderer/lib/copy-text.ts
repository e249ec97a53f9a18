/**
 * Puts the text of a read-only textarea on the clipboard, whatever the page is allowed to do.
 *
 * The Clipboard API is tried first, then `document.execCommand('copy')` on the selected text (Electron
 * grants the window no clipboard permission); if both are refused the text is left selected so Ctrl+C
 * works. Returns whether the text was copied.
 */
export async function copyFromTextArea(area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    // No clipboard permission: fall back to copying the selection.
  }
  area.focus();
  area.select();
  try {
    // Deprecated, but the only copy a page without clipboard permission has (Electron grants none).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    if (document.execCommand('copy')) return true;
  } catch {
    // Fall through: leave the text selected for Ctrl+C.
  }
  area.focus();
  area.select();
  return false;
}
