/** `--ca FILE`: a PEM file of CA certificates to trust besides the system's, checked as Settings checks it. */
import { readFile } from 'node:fs/promises';
import { createCaPemChecker } from '../adapters/ca-certificates';
import { UsageError } from './usage-error';

export async function readCaFile(path: string, command: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the CA file ${path}.`, command);
  }
  // The same rules as the app's Settings: certificates only, never a private key.
  const checked = createCaPemChecker()(text);
  if (!checked.ok) throw new UsageError(`${path}: ${checked.message}`, command);
  return checked.pem;
}
