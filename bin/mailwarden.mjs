#!/usr/bin/env node
// The `mailwarden` command. The TypeScript sources are bundled by `npm run build` (run on install).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/mailwarden.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('mailwarden: the command is not built yet. Run "npm run build" in the Mailwarden folder.');
  process.exit(3);
}
await import(bundle.href);
