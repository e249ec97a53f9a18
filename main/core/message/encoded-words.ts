/**
 * RFC 2047 encoded-words ("=?UTF-8?B?...?=") decoded for display and for the hidden-character check:
 * a direction override hidden inside base64 is what a mail program shows its reader.
 */

/** Encoded-words are at most 75 characters (RFC 2047 section 2); a longer run is not one. */
const ENCODED_WORD = /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]{0,75})\?=/g;

export function decodeEncodedWords(value: string): string {
  // RFC 2047 section 6.2: white space between adjacent encoded-words is not shown.
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      try {
        // RFC 2231 section 5: a language may follow the charset after "*".
        return new TextDecoder(charset.split('*')[0] ?? 'utf-8').decode(bytes);
      } catch {
        return word; // an unknown charset: shown as written
      }
    });
}
