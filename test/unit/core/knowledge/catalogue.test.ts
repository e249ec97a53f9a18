import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Evidence, type Fix } from '../../../../preload/contract/findings';
import {
  FINDINGS_CATALOGUE,
  KNOWLEDGE_TABLES,
  mergeKnowledgeTables,
  type KnowledgeTableInfo,
} from '../../../../main/core/knowledge/catalogue';
import { NO_FIX, type KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';

const CORE_DIR = join(import.meta.dirname, '../../../../main/core');
const KNOWLEDGE_DIR = join(CORE_DIR, 'knowledge');
const BROKEN_TEXT = /undefined|NaN|\[object Object\]/;

/**
 * Findings outside the audit area that have no reference yet, each with why. The test fails when one of
 * them gains a reference (shrink the list) or when any other finding lacks one.
 */
const KNOWN_WITHOUT_REFERENCE = new Set([
  'smtp.reach.cancelled', // about the audit (the user cancelled), like audit.check.cancelled
  'bulk.spam-rate.unknown', // the receivers' own dashboards set the rule; there is no standard to cite
]);

function worded<V>(value: V | ((evidence: Evidence) => V), evidence: Evidence): V {
  return typeof value === 'function' ? (value as (evidence: Evidence) => V)(evidence) : value;
}

function coreSources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === KNOWLEDGE_DIR ? [] : coreSources(path);
    return entry.name.endsWith('.ts') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('the findings catalogue', () => {
  it('includes every knowledge table in main/core/knowledge', async () => {
    const files = readdirSync(KNOWLEDGE_DIR).filter((name) => name.endsWith('-knowledge.ts'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    const included = new Set(KNOWLEDGE_TABLES.map((info) => info.table));
    for (const file of files) {
      const module = (await import(join(KNOWLEDGE_DIR, file))) as Record<string, unknown>;
      const tables = Object.entries(module).filter(([name]) => name.endsWith('_KNOWLEDGE'));
      expect(tables, `${file} exports no *_KNOWLEDGE table`).not.toHaveLength(0);
      for (const [name, table] of tables)
        expect(included.has(table as KnowledgeTable), `${name} from ${file} is not in KNOWLEDGE_TABLES`).toBe(
          true,
        );
    }
  });

  it('has no finding id in two tables, and tags every entry with the table it came from', () => {
    const seen = new Map<string, string>();
    for (const { area, table } of KNOWLEDGE_TABLES) {
      for (const id of Object.keys(table)) {
        expect(seen.get(id), `${id} is in ${seen.get(id) ?? ''} and ${area}`).toBeUndefined();
        seen.set(id, area);
        expect(FINDINGS_CATALOGUE.get(id)).toMatchObject({ id, area, severity: table[id]?.severity });
      }
    }
    expect(FINDINGS_CATALOGUE.size).toBe(seen.size);
    expect(FINDINGS_CATALOGUE.size).toBeGreaterThan(250);
  });

  it('refuses to merge two tables that share an id', () => {
    const entry = { severity: 'info', title: 't', explanation: 'e', fix: NO_FIX, references: [] } as const;
    const tables: KnowledgeTableInfo[] = [
      { area: 'spf', label: 'SPF', table: { 'spf.same': entry } },
      { area: 'dkim', label: 'DKIM', table: { 'spf.same': entry } },
    ];
    expect(() => mergeKnowledgeTables(tables)).toThrow('spf.same is in both the spf and the dkim');
  });

  it('keeps one id prefix per table, so an id says where it belongs', () => {
    for (const { area, table } of KNOWLEDGE_TABLES) {
      const prefixes = new Set(Object.keys(table).map((id) => id.split('.')[0]));
      expect(prefixes.size, `${area}: ${[...prefixes].join(', ')}`).toBe(1);
    }
  });

  it('words every finding sensibly even with no evidence at all', () => {
    for (const entry of FINDINGS_CATALOGUE.values()) {
      const title = worded(entry.title, {});
      const explanation = worded(entry.explanation, {});
      const fix = worded<Fix>(entry.fix, {});
      expect(SEVERITIES, entry.id).toContain(entry.severity);
      expect(title.trim(), entry.id).not.toBe('');
      expect(explanation.trim(), entry.id).not.toBe('');
      expect(`${title}\n${explanation}\n${JSON.stringify(fix)}`, entry.id).not.toMatch(BROKEN_TEXT);
    }
  });

  it('tells the user how to fix every problem (low severity and above)', () => {
    const problems = [...FINDINGS_CATALOGUE.values()].filter(
      (entry) => !['pass', 'info'].includes(entry.severity),
    );
    expect(problems.length).toBeGreaterThan(150);
    for (const entry of problems)
      expect(
        worded<Fix>(entry.fix, {}).steps.filter((step) => step.trim() !== '').length,
        `${entry.id} has no fix`,
      ).toBeGreaterThan(0);
  });

  it('cites a source for every finding except those about the audit itself', () => {
    const missing = [...FINDINGS_CATALOGUE.values()]
      .filter((entry) => entry.area !== 'audit' && entry.references.length === 0)
      .map((entry) => entry.id);
    expect(new Set(missing)).toEqual(KNOWN_WITHOUT_REFERENCE);
    for (const entry of FINDINGS_CATALOGUE.values()) {
      for (const reference of entry.references) {
        expect(reference.label.trim(), entry.id).not.toBe('');
        expect(reference.url, entry.id).toMatch(/^https:\/\//);
      }
    }
  });

  it('knows every finding id that main/core names', () => {
    const sources = coreSources(CORE_DIR);
    const families = new Set([...FINDINGS_CATALOGUE.keys()].map((id) => id.split('.').slice(0, 2).join('.')));
    const named = new Map<string, string>();
    for (const { path, text } of sources) {
      // Call sites: finding('x.y', ...), smtpFinding(cond ? 'a.b' : 'c.d', ...), over lines or not.
      for (const call of text.matchAll(/\b\w*[Ff]inding\(\s*([^,)]*)/g))
        for (const literal of (call[1] ?? '').matchAll(/'([a-z0-9-]+(?:\.[a-z0-9_-]+)+)'/g))
          named.set(literal[1] ?? '', path);
      // Ids kept in tables and maps: any literal shaped like an id of a family the catalogue has.
      for (const literal of text.matchAll(/'([a-z0-9-]+\.[a-z0-9_-]+\.[a-z0-9_.-]+)'/g)) {
        const id = literal[1] ?? '';
        if (families.has(id.split('.').slice(0, 2).join('.'))) named.set(id, path);
      }
    }
    expect(named.size).toBeGreaterThan(200);
    for (const [id, path] of named)
      expect(FINDINGS_CATALOGUE.has(id), `${id} (named in ${path}) is not in the catalogue`).toBe(true);

    // Ids built from a template (`spf.evaluation.${result}`) must at least start like a catalogue id.
    for (const { path, text } of sources) {
      for (const template of text.matchAll(/`([a-z0-9-]+\.[a-z0-9_.-]*)\$\{/g)) {
        const prefix = template[1] ?? '';
        if (!families.has(prefix.split('.').slice(0, 2).join('.'))) continue;
        expect(
          [...FINDINGS_CATALOGUE.keys()].some((id) => id.startsWith(prefix)),
          `${prefix}... (in ${path}) starts no catalogue id`,
        ).toBe(true);
      }
    }
  });
});
