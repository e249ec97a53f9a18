#!/usr/bin/env node
/**
 * Rewrites docs/report-schema.json (JSON Schema draft 2020-12) from the zod schema of the JSON report
 * (main/core/report/report-schema.ts), formatted with the repository's Prettier settings.
 *
 * Run: node --import tsx scripts/generate-report-schema.mjs
 *
 * A plain .mjs (tsx loads the TypeScript it imports) so it needs no tsconfig of its own, like
 * generate-findings-doc.mjs; test/unit/core/report/report-schema.test.ts fails when the committed file
 * differs from a fresh generation.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { REPORT_SCHEMA_DOC_PATH, reportJsonSchema } from '../main/core/report/report-schema';

const path = fileURLToPath(new URL(`../${REPORT_SCHEMA_DOC_PATH}`, import.meta.url));
const text = await format(JSON.stringify(reportJsonSchema()), {
  ...(await resolveConfig(path)),
  filepath: path,
});
await writeFile(path, text);
console.log(`Wrote ${REPORT_SCHEMA_DOC_PATH} (${String(text.split('\n').length)} lines).`);
