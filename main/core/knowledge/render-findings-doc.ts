/**
 * Renders the findings catalogue as docs/findings.md: one section per area, every finding in full.
 *
 * Generated, never hand-written, so the page cannot drift from the words the app shows; a unit test
 * regenerates it and compares it with the committed file.
 */
import type { Evidence, Fix, JsonValue } from '../../../preload/contract/findings';
import { SCORE_AREA_TABLE, scoreAreaOf } from '../score/score-areas';
import type { KnowledgeTableInfo } from './catalogue';
import type { KnowledgeEntry } from './knowledge-entry';

/** The command that rewrites the file; printed at its top and in the test's failure message. */
export const FINDINGS_DOC_COMMAND = 'node --import tsx scripts/generate-findings-doc.mjs';
export const FINDINGS_DOC_PATH = 'docs/findings.md';

/**
 * Evidence whose every field reads as its own name in angle quotes (‹host›), so worded texts show where
 * a real report fills in the specifics. Fields a text needs as a number or list read as "?" instead.
 */
const PLACEHOLDER_EVIDENCE: Evidence = new Proxy<Evidence>(
  {},
  {
    get: (_target, key): JsonValue | undefined => (typeof key === 'string' ? `‹${key}›` : undefined),
    has: () => true,
  },
);

export function renderFindingsDoc(tables: readonly KnowledgeTableInfo[]): string {
  const total = tables.reduce((sum, { table }) => sum + Object.keys(table).length, 0);
  const lines = [
    '# Findings catalogue',
    '',
    `> Generated from main/core/knowledge by \`${FINDINGS_DOC_COMMAND}\`: do not edit by hand.`,
    '> Change the knowledge tables and run the command again; a unit test fails while this file is out of date.',
    '',
    `Every finding Mailwarden can report (${String(total)} in ${String(tables.length)} areas), with the words a report shows for it.`,
    '',
    'Texts in ‹angle quotes› are filled in from the evidence in a real report (the server, the record, the',
    'days left); "?" stands for a value measured during the audit. The score area says which grade a',
    'finding counts towards (see "How the score works" in the README).',
    '',
    '## Contents',
    '',
    ...tables.map(
      ({ label, table }) => `- [${label}](#${slug(label)}) (${String(Object.keys(table).length)})`,
    ),
  ];
  for (const { label, table } of tables) {
    lines.push('', `## ${label}`);
    for (const [id, entry] of Object.entries(table)) lines.push('', ...renderEntry(id, entry));
  }
  return `${lines.join('\n')}\n`;
}

function renderEntry(id: string, entry: KnowledgeEntry): string[] {
  const fix = worded<Fix>(entry.fix);
  const area = scoreAreaOf(id);
  const areaLabel = SCORE_AREA_TABLE.find((info) => info.area === area)?.label ?? 'none (about the audit)';
  const lines = [
    `### \`${id}\``,
    '',
    `**Severity:** ${entry.severity} · **Score area:** ${areaLabel}`,
    '',
    `**${escape(worded(entry.title))}**`,
    '',
    escape(worded(entry.explanation)),
  ];
  if (fix.steps.length > 0)
    lines.push('', '**Fix:**', '', ...fix.steps.map((step, i) => `${String(i + 1)}. ${escape(step)}`));
  if (fix.record !== undefined) {
    const { type, name, value } = fix.record;
    lines.push('', `**Record to publish:** ${type} at \`${name}\`: \`${value}\``);
  }
  const providers = Object.entries(fix.providerSteps ?? {});
  if (providers.length > 0) {
    lines.push('', '**Provider-specific steps:**', '');
    for (const [preset, steps] of providers)
      lines.push(`- ${escape(preset)}: ${steps.map((step) => escape(step)).join(' ')}`);
  }
  if (entry.references.length > 0)
    lines.push(
      '',
      `**References:** ${entry.references.map((ref) => `[${escape(ref.label)}](${ref.url})`).join(', ')}`,
    );
  return lines;
}

function worded<V>(value: V | ((evidence: Evidence) => V)): V {
  return typeof value === 'function' ? (value as (evidence: Evidence) => V)(PLACEHOLDER_EVIDENCE) : value;
}

/** Plain text stays plain: characters Markdown would read as markup are escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
