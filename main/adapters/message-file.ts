/** Reads a message file the user opened, within the message size cap (see bounded-read.ts for why). */
import { basename } from 'node:path';
import { excerpt } from '../../preload/contract/untrusted-text';
import { MailwardenError } from '../core/errors/mailwarden-error';
import type { MessageFileReader } from '../core/message/message-file-port';
import { MAX_MESSAGE_BYTES } from '../core/message/message-limits';
import { readRegularFileBounded } from './bounded-read';

export const readMessageFile: MessageFileReader = async (path) => {
  // Only the base name in messages: the page never learns the folders on the user's disk.
  const shown = excerpt(basename(path), 120);
  const read = await readRegularFileBounded(path, MAX_MESSAGE_BYTES).catch(
    () => ({ kind: 'missing' }) as const,
  );
  switch (read.kind) {
    case 'read':
      return read.bytes;
    case 'too-large':
      return 'too-large';
    case 'missing':
      throw new MailwardenError(
        'INVALID_INPUT',
        `Mailwarden could not read ${shown}. Choose the file again.`,
      );
    case 'not-regular':
      throw new MailwardenError('INVALID_INPUT', `${shown} is ${read.what}, not a message file.`);
  }
};
