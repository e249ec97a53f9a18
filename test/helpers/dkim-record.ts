/** A real DKIM public-key record for a Knot zone file: a fresh RSA key, split into quoted strings. */
import { generateKeyPairSync } from 'node:crypto';

/** A TXT character-string holds at most 255 bytes (RFC 1035 section 3.3.14); longer values are split. */
const TXT_CHUNK = 255;

export function dkimRecord(modulusLength = 2048): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const value = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += TXT_CHUNK) chunks.push(`"${value.slice(i, i + TXT_CHUNK)}"`);
  return chunks.join(' ');
}
