/**
 * What checking a message needs from outside the core: somewhere to pick the message file (the OS open
 * dialog in the app), and a way to read it within the message size cap.
 */

/** Asks the user which message to open; the open-file counterpart of the export's SaveTarget. */
export interface OpenTarget {
  /** The full path the user chose, or null when they cancelled. */
  chooseMessageFile(): Promise<string | null>;
}

/**
 * Reads a message file up to MAX_MESSAGE_BYTES: its bytes, or 'too-large'. Throws a MailwardenError
 * (INVALID_INPUT) for a file that is missing or not a regular file.
 */
export type MessageFileReader = (path: string) => Promise<Uint8Array | 'too-large'>;
