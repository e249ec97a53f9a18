/**
 * Walks a domain's SPF record and everything it includes, counting DNS lookups (RFC 7208 section 4.6.4).
 *
 * The result is the whole include tree with a count per node, so a person can see which include costs what.
 * RFC 7208 section 4.6.4: include, a, mx, ptr, exists and redirect each cost one lookup, over 10 is a
 * permerror; more than 2 lookups that find nothing ("void") is a permerror; an mx with more than 10 MX
 * records is a permerror. The walk itself is bounded (depth, nodes, queries) so a hostile tree cannot
 * make it run long, and a loop is reported, not followed.
 */
import type { DnsFailureCode, DnsResolver } from '../../ports';
import { parseSpfRecord, type SpfQualifier, type SpfSyntaxError, type SpfTerm } from './spf-parser';
import { MAX_MX_RECORDS } from './spf-limits';
import { isVoid, lookupSpfRecord } from './spf-records';

export type SpfNodeStatus =
  | 'ok'
  | 'no-record'
  | 'multiple-records'
  | 'syntax-error'
  | 'loop'
  | 'dns-error'
  | 'depends-on-sender'
  | 'not-followed';

export interface SpfTreeNode {
  readonly domain: string;
  /** The term in the parent record that led here (`include:...` or `redirect=...`); null at the root. */
  readonly via: string | null;
  readonly record: string | null;
  readonly status: SpfNodeStatus;
  /** Why the node is not `ok`, in words. */
  readonly problem: string | null;
  /** Terms in this record that cost a DNS lookup. */
  readonly lookups: number;
  /** This node's lookups plus all its descendants'. */
  readonly totalLookups: number;
  /** Lookups made for this node that found nothing (a, mx, exists targets; the included name itself). */
  readonly voidLookups: number;
  readonly children: readonly SpfTreeNode[];
}

export interface SpfTreeProblems {
  readonly loops: readonly { readonly from: string; readonly to: string }[];
  readonly missingIncludes: readonly { readonly from: string; readonly term: string }[];
  readonly tooManyMx: readonly { readonly term: string; readonly domain: string; readonly count: number }[];
  readonly dnsErrors: readonly {
    readonly domain: string;
    readonly code: DnsFailureCode;
    readonly message: string;
  }[];
  readonly syntaxErrors: readonly { readonly domain: string; readonly errors: readonly SpfSyntaxError[] }[];
  readonly ptrTerms: readonly { readonly domain: string; readonly term: string }[];
  /** Terms whose lookup found nothing (RFC 7208 section 4.6.4 "void lookups"). */
  readonly voidTerms: readonly { readonly domain: string; readonly term: string }[];
  readonly truncated: boolean;
}

export interface SpfTree {
  readonly root: SpfTreeNode;
  readonly totalLookups: number;
  readonly voidLookups: number;
  readonly problems: SpfTreeProblems;
}

const MAX_DEPTH = 12;
const MAX_NODES = 60;
const MAX_QUERIES = 150;
const DNS_TERMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** Walk the record published at `domain`. */
export async function walkSpfTree(domain: string, resolver: DnsResolver): Promise<SpfTree> {
  return walk(domain, null, resolver);
}

/** Walk a record that is not (yet) published, as if it were at `domain` (for a proposed fix). */
export async function walkSpfRecord(domain: string, record: string, resolver: DnsResolver): Promise<SpfTree> {
  return walk(domain, record, resolver);
}

async function walk(domain: string, record: string | null, resolver: DnsResolver): Promise<SpfTree> {
  const loops: { from: string; to: string }[] = [];
  const missingIncludes: { from: string; term: string }[] = [];
  const tooManyMx: { term: string; domain: string; count: number }[] = [];
  const dnsErrors: { domain: string; code: DnsFailureCode; message: string }[] = [];
  const syntaxErrors: { domain: string; errors: readonly SpfSyntaxError[] }[] = [];
  const ptrTerms: { domain: string; term: string }[] = [];
  const voidTerms: { domain: string; term: string }[] = [];
  let nodes = 0;
  let queries = 0;
  let truncated = false;
  // After one timeout the rest would most likely time out too, one deadline each: stop asking.
  const gaveUp = (): boolean => dnsErrors.some((error) => error.code === 'TIMEOUT');
  const spend = (): boolean => {
    if (gaveUp()) return false;
    queries += 1;
    if (queries > MAX_QUERIES) truncated = true;
    return queries <= MAX_QUERIES;
  };

  const leaf = (
    name: string,
    via: string | null,
    status: SpfNodeStatus,
    problem: string | null,
    voidLookups = 0,
  ): SpfTreeNode => ({
    domain: name,
    via,
    record: null,
    status,
    problem,
    lookups: 0,
    totalLookups: 0,
    voidLookups,
    children: [],
  });

  /** One void lookup when nothing exists at `name` for the mechanism; DNS errors are recorded. */
  const probe = async (term: SpfTerm, target: string): Promise<number> => {
    if (term.kind !== 'mechanism' || !spend()) return 0;
    if (term.name === 'a') {
      const [v4, v6] = await Promise.all([resolver.resolveA(target), resolver.resolveAaaa(target)]);
      if (!v4.ok && !isVoid(v4.code) && v4.code !== 'BAD_NAME')
        dnsErrors.push({ domain: target, code: v4.code, message: v4.message });
      // As mailauth does: a host with addresses of only one family is not void.
      return !v4.ok &&
        !v6.ok &&
        (isVoid(v4.code) || v4.code === 'BAD_NAME') &&
        (isVoid(v6.code) || v6.code === 'BAD_NAME')
        ? 1
        : 0;
    }
    if (term.name === 'mx') {
      const answer = await resolver.resolveMx(target);
      if (answer.ok) {
        if (answer.records.length > MAX_MX_RECORDS)
          tooManyMx.push({ term: term.text, domain: target, count: answer.records.length });
        return 0;
      }
      if (isVoid(answer.code) || answer.code === 'BAD_NAME') return 1;
      dnsErrors.push({ domain: target, code: answer.code, message: answer.message });
      return 0;
    }
    if (term.name === 'exists') {
      const answer = await resolver.resolveA(target);
      if (answer.ok) return 0;
      if (isVoid(answer.code) || answer.code === 'BAD_NAME') return 1;
      dnsErrors.push({ domain: target, code: answer.code, message: answer.message });
    }
    return 0;
  };

  const visit = async (
    name: string,
    via: string | null,
    given: string | null,
    ancestors: readonly string[],
  ): Promise<SpfTreeNode> => {
    nodes += 1;
    if (nodes > MAX_NODES || ancestors.length > MAX_DEPTH) {
      truncated = true;
      return leaf(name, via, 'not-followed', 'The include tree is too large or too deep to follow further.');
    }
    let text = given;
    if (text === null) {
      if (!spend()) return leaf(name, via, 'not-followed', 'Too many DNS queries while walking the tree.');
      const found = await lookupSpfRecord(name, resolver);
      if (found.kind === 'error') {
        dnsErrors.push({ domain: name, code: found.code, message: found.message });
        return leaf(name, via, 'dns-error', found.message);
      }
      if (found.kind === 'none') {
        return leaf(name, via, 'no-record', `${name} has no SPF record.`, found.code === null ? 0 : 1);
      }
      if (found.kind === 'multiple') {
        return {
          ...leaf(name, via, 'multiple-records', `${name} has ${String(found.records.length)} SPF records.`),
          record: found.records.join(' | '),
        };
      }
      text = found.record;
    }
    const parsed = parseSpfRecord(text);
    if (parsed.errors.length > 0) syntaxErrors.push({ domain: name, errors: parsed.errors });
    const hasAll = parsed.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
    let lookups = 0;
    let voidLookups = 0;
    const children: SpfTreeNode[] = [];
    const chain = [...ancestors, name.toLowerCase()];
    for (const term of parsed.terms) {
      const isRedirect = term.kind === 'modifier' && term.name === 'redirect';
      if (term.kind === 'modifier' && !isRedirect) continue;
      if (term.kind === 'mechanism' && !DNS_TERMS.has(term.name)) continue;
      // RFC 7208 section 6.1: redirect is ignored when the record has an "all" mechanism.
      if (isRedirect && hasAll) {
        children.push(
          leaf(
            term.value.replace(/\.$/, '').toLowerCase(),
            term.text,
            'not-followed',
            'Ignored: the record has an "all" mechanism, so redirect never applies.',
          ),
        );
        continue;
      }
      lookups += 1;
      if (term.kind === 'mechanism' && term.name === 'ptr') ptrTerms.push({ domain: name, term: term.text });
      const spec = term.kind === 'modifier' ? term.value : term.domainSpec;
      const follows = isRedirect || (term.kind === 'mechanism' && term.name === 'include');
      if (term.hasMacro) {
        if (follows)
          children.push(
            leaf(
              spec ?? name,
              term.text,
              'depends-on-sender',
              'The target is built from the message (a macro), so it cannot be followed here.',
            ),
          );
        continue;
      }
      const target = (spec ?? name).replace(/\.$/, '').toLowerCase();
      if (!follows) {
        const found = term.kind === 'mechanism' && term.name !== 'ptr' ? await probe(term, target) : 0;
        if (found > 0) voidTerms.push({ domain: name, term: term.text });
        voidLookups += found;
        continue;
      }
      if (chain.includes(target)) {
        loops.push({ from: name, to: target });
        children.push(
          leaf(target, term.text, 'loop', `${target} is already being evaluated above: an include loop.`),
        );
        continue;
      }
      const child = await visit(target, term.text, null, chain);
      if (child.status === 'no-record') missingIncludes.push({ from: name, term: term.text });
      if (child.voidLookups > 0 && child.status === 'no-record')
        voidTerms.push({ domain: name, term: term.text });
      children.push(child);
    }
    const below = children.reduce((sum, child) => sum + child.totalLookups, 0);
    return {
      domain: name,
      via,
      record: text,
      status: parsed.errors.length > 0 ? 'syntax-error' : 'ok',
      problem: parsed.errors[0]?.message ?? null,
      lookups,
      totalLookups: lookups + below,
      voidLookups,
      children,
    };
  };

  const root = await visit(domain.toLowerCase(), null, record, []);
  const sumVoid = (node: SpfTreeNode): number =>
    node.voidLookups + node.children.reduce((s, c) => s + sumVoid(c), 0);
  return {
    root,
    totalLookups: root.totalLookups,
    // The first lookup (the domain's own record) is not counted (RFC 7208 section 4.6.4).
    voidLookups: root.status === 'no-record' ? 0 : sumVoid(root),
    problems: { loops, missingIncludes, tooManyMx, dnsErrors, syntaxErrors, ptrTerms, voidTerms, truncated },
  };
}

/** Every domain reached through include: or redirect= anywhere in the tree. */
export function includedDomains(node: SpfTreeNode): Set<string> {
  const out = new Set<string>();
  const visit = (n: SpfTreeNode): void => {
    for (const child of n.children) {
      out.add(child.domain.toLowerCase());
      visit(child);
    }
  };
  visit(node);
  return out;
}

/** The "all" that ends evaluation: the record's own, or the one reached through redirect (RFC 7208 section 6.1). */
export function effectiveAll(
  node: SpfTreeNode,
): { qualifier: SpfQualifier; term: string; domain: string } | null {
  if (node.record === null) return null;
  const term = parseSpfRecord(node.record).terms.find((t) => t.kind === 'mechanism' && t.name === 'all');
  if (term?.kind === 'mechanism') return { qualifier: term.qualifier, term: term.text, domain: node.domain };
  const redirect = node.children.find((child) => child.via?.toLowerCase().startsWith('redirect=') === true);
  return redirect === undefined ? null : effectiveAll(redirect);
}
