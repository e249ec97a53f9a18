#!/usr/bin/env node
/**
 * Rewrites docs/findings.md from the findings catalogue (main/core/knowledge).
 *
 * Run: node --import tsx scripts/generate-findings-doc.mjs
 *
 * A plain .mjs (tsx loads the TypeScript it imports) so it needs no tsconfig of its own; the rendering
 * lives in main/core/knowledge/render-findings-doc.ts, where the unit test that keeps the file in sync
 * uses it too.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { KNOWLEDGE_TABLES } from '../main/core/knowledge/catalogue';
import { FINDINGS_DOC_PATH, renderFindingsDoc } from '../main/core/knowledge/render-findings-doc';

const root = fileURLToPath(new URL('..', import.meta.url));
const text = renderFindingsDoc(KNOWLEDGE_TABLES);
await writeFile(`${root}${FINDINGS_DOC_PATH}`, text);
console.log(`Wrote ${FINDINGS_DOC_PATH} (${String(text.split('\n').length)} lines).`);
