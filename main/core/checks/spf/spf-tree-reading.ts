/**
 * What an SPF include tree means for receivers, read in evaluation order: included records with syntax
 * errors (and the include path to each), where the 10-lookup limit cuts evaluation off, and mechanisms
 * written after "all" that no receiver ever reads.
 */
import { MAX_DNS_LOOKUPS } from './spf-limits';
import { parseSpfRecord, type SpfTerm } from './spf-parser';
import type { SpfTree, SpfTreeNode } from './spf-tree';

/** Lists in evidence stop here; a tree can name hundreds of terms. */
const MAX_LISTED_TERMS = 40;
const DNS_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

export interface IncludeSyntaxError {
  readonly domain: string;
  /** The include/redirect terms from the top record down to the broken one, e.g. ["include:a.test"]. */
  readonly path: readonly string[];
  readonly messages: readonly string[];
}

/**
 * Included (or redirected-to) records with syntax errors.
 *
 * RFC 7208 section 4.6: a record with a syntax error gives permerror; section 5.2: a permerror inside an
 * include is the permerror of the whole evaluation, for every receiver that reaches that include.
 */
export function includeSyntaxErrors(tree: SpfTree): IncludeSyntaxError[] {
  const out: IncludeSyntaxError[] = [];
  const visit = (node: SpfTreeNode, path: readonly string[]): void => {
    for (const child of node.children) {
      const childPath = [...path, child.via ?? child.domain];
      if (child.status === 'syntax-error' && child.record !== null) {
        const messages = parseSpfRecord(child.record).errors.map((error) => error.message);
        out.push({ domain: child.domain, path: childPath, messages });
      }
      visit(child, childPath);
    }
  };
  visit(tree.root, []);
  return out;
}

export interface LookupCutoff {
  /** The term whose lookup is the 11th, with where it is: "include:x.test (in y.test)". */
  readonly cutoffTerm: string;
  /** Mechanisms a receiver evaluates before the limit: senders they match still pass. */
  readonly stillEvaluated: readonly string[];
  /** The cut-off term and every mechanism after it: senders only they match get permerror. */
  readonly neverReached: readonly string[];
}

/**
 * Where evaluation stops at the lookup limit, walking terms left to right, includes entered, redirect last
 * (RFC 7208 section 4.6.2, 5.2, 6.1). RFC 7208 section 4.6.4 counts lookups as they happen, so a sender
 * matched by a term before the 11th lookup still passes; null when the tree stays within the limit.
 */
export function lookupCutoff(tree: SpfTree): LookupCutoff | null {
  if (tree.totalLookups <= MAX_DNS_LOOKUPS) return null;
  const before: string[] = [];
  const after: string[] = [];
  let lookups = 0;
  // An object, so the compiler sees the walk's writes to it.
  const state: { cutoff: string | null } = { cutoff: null };
  const record = (label: string): void => {
    (state.cutoff === null ? before : after).push(label);
  };

  const walk = (node: SpfTreeNode): void => {
    if (node.record === null) return;
    const terms = parseSpfRecord(node.record).terms;
    const followed = [...node.children];
    const hasAll = terms.some(isAll);
    for (const term of terms) {
      if (term.kind === 'modifier') continue;
      const label = `${term.text} (in ${node.domain})`;
      if (DNS_MECHANISMS.has(term.name)) {
        lookups += 1;
        if (lookups > MAX_DNS_LOOKUPS && state.cutoff === null) state.cutoff = label;
      }
      if (term.name === 'all') {
        record(label);
        // RFC 7208 section 5.1: nothing after "all" is evaluated.
        return;
      }
      if (term.name === 'include') {
        const child = takeChild(followed, term.text);
        if (state.cutoff !== null || child === undefined) record(label);
        else walk(child);
        continue;
      }
      record(label);
    }
    if (hasAll) return;
    const redirect = terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');
    if (redirect === undefined) return;
    lookups += 1;
    const label = `${redirect.text} (in ${node.domain})`;
    if (lookups > MAX_DNS_LOOKUPS && state.cutoff === null) state.cutoff = label;
    const child = takeChild(followed, redirect.text);
    if (state.cutoff !== null || child === undefined) record(label);
    else walk(child);
  };
  walk(tree.root);
  if (state.cutoff === null) return null;
  return {
    cutoffTerm: state.cutoff,
    stillEvaluated: capped(before.filter((label) => !/^[+?~-]?all /i.test(label))),
    neverReached: capped(after),
  };
}

/** Mechanisms written after "all" in any record of the tree, with their domain (RFC 7208 section 5.1). */
export function termsAfterAll(tree: SpfTree): string[] {
  const out: string[] = [];
  const visit = (node: SpfTreeNode): void => {
    if (node.record !== null) {
      const terms = parseSpfRecord(node.record).terms;
      const at = terms.findIndex(isAll);
      if (at !== -1) {
        for (const term of terms.slice(at + 1)) {
          if (term.kind === 'mechanism') out.push(`${term.text} (in ${node.domain})`);
        }
      }
    }
    node.children.forEach(visit);
  };
  visit(tree.root);
  return capped(out);
}

function isAll(term: SpfTerm): boolean {
  return term.kind === 'mechanism' && term.name === 'all';
}

/** The first child reached through `via` (children are in the order their terms appear), removed. */
function takeChild(children: SpfTreeNode[], via: string): SpfTreeNode | undefined {
  const index = children.findIndex((child) => child.via === via);
  if (index === -1) return undefined;
  const [child] = children.splice(index, 1);
  return child;
}

function capped(list: readonly string[]): string[] {
  return list.length <= MAX_LISTED_TERMS
    ? [...list]
    : [...list.slice(0, MAX_LISTED_TERMS), `... and ${String(list.length - MAX_LISTED_TERMS)} more`];
}
