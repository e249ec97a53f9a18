/**
 * Turns SPF results (the include tree, an evaluation) into findings, with the evidence as data.
 *
 * Shared by checkSpf; the wording lives in core/knowledge/spf-knowledge.ts.
 */
import type { Finding, JsonValue } from '../../../../preload/contract/findings';
import { findingFactory } from '../../findings/finding-factory';
import { SPF_KNOWLEDGE } from '../../knowledge/spf-knowledge';
import type { SpfEvaluation } from './spf-evaluate';
import { MAX_DNS_LOOKUPS, MAX_VOID_LOOKUPS } from './spf-limits';
import { printable } from './spf-parser';
import type { SpfTree, SpfTreeNode } from './spf-tree';
import { includeSyntaxErrors, lookupCutoff, termsAfterAll } from './spf-tree-reading';

export const spfFinding = findingFactory(SPF_KNOWLEDGE);
const finding = spfFinding;

/** How much of a record evidence quotes. */
export const MAX_QUOTED_CHARS = 512;

/** Findings about the tree as a whole: lookups, void lookups, loops, missing includes, mx size, ptr, DNS errors. */
export function treeFindings(tree: SpfTree, domain: string, checkId: string): Finding[] {
  const findings: Finding[] = [];
  const { problems } = tree;
  if (problems.ptrTerms.length > 0) {
    findings.push(
      finding('spf.mechanism.ptr', checkId, {
        domain,
        terms: problems.ptrTerms.map((p) => `${p.term} (${p.domain})`),
      }),
    );
  }
  const treeEvidence = {
    domain,
    lookupCount: tree.totalLookups,
    limit: MAX_DNS_LOOKUPS,
    tree: nodeEvidence(tree.root),
  };
  const cutoff = lookupCutoff(tree);
  findings.push(
    cutoff === null
      ? finding('spf.lookups.within-limit', checkId, treeEvidence)
      : finding('spf.lookups.too-many', checkId, {
          ...treeEvidence,
          cutoffTerm: cutoff.cutoffTerm,
          stillEvaluated: cutoff.stillEvaluated,
          neverReached: cutoff.neverReached,
        }),
  );
  for (const broken of includeSyntaxErrors(tree)) {
    findings.push(
      finding('spf.include.syntax-error', checkId, {
        domain,
        includedDomain: broken.domain,
        includePath: broken.path,
        messages: broken.messages,
      }),
    );
  }
  const ignored = termsAfterAll(tree);
  if (ignored.length > 0) findings.push(finding('spf.all.terms-after', checkId, { domain, terms: ignored }));
  if (tree.voidLookups > MAX_VOID_LOOKUPS) {
    findings.push(
      finding('spf.lookups.void-too-many', checkId, {
        domain,
        voidLookups: tree.voidLookups,
        limit: MAX_VOID_LOOKUPS,
        voidTerms: problems.voidTerms.map((v) => `${v.term} (${v.domain})`),
      }),
    );
  }
  if (problems.loops.length > 0) {
    findings.push(
      finding('spf.include.loop', checkId, {
        domain,
        loops: problems.loops.map((l) => `${l.from} -> ${l.to}`),
      }),
    );
  }
  if (problems.missingIncludes.length > 0) {
    findings.push(
      finding('spf.include.missing', checkId, {
        domain,
        terms: problems.missingIncludes.map((m) => `${m.term} (${m.from})`),
      }),
    );
  }
  if (problems.tooManyMx.length > 0) {
    findings.push(
      finding('spf.mx.too-many-records', checkId, {
        domain,
        details: problems.tooManyMx.map((m) => `${m.term}: ${m.domain} has ${String(m.count)} MX records`),
      }),
    );
  }
  if (problems.dnsErrors.length > 0) {
    findings.push(
      finding('spf.include.lookup-failed', checkId, {
        domain,
        // The failing name first: the fix asks the user to contact its owner.
        messages: problems.dnsErrors.map((d) => `Looking up ${d.domain} failed: ${d.message}`),
        codes: problems.dnsErrors.map((d) => d.code),
      }),
    );
  }

  return findings;
}

/** The tree as evidence data. */
function nodeEvidence(node: SpfTreeNode): JsonValue {
  return {
    domain: node.domain,
    via: node.via,
    record: node.record === null ? null : printable(node.record, MAX_QUOTED_CHARS),
    status: node.status,
    problem: node.problem,
    lookups: node.lookups,
    totalLookups: node.totalLookups,
    voidLookups: node.voidLookups,
    children: node.children.map(nodeEvidence),
  };
}

/**
 * One finding per evaluated address, naming the mechanism that matched. `whose`: the submission server's
 * address, or one the user gave (--ip), which gets a check id of its own.
 */
export function evaluationFinding(
  evaluation: SpfEvaluation,
  domain: string,
  checkId: string,
  whose: 'server' | 'given' = 'server',
): Finding {
  const matched = evaluation.matched;
  const id = whose === 'server' ? `${checkId}:${evaluation.ip}` : `${checkId}:ip:${evaluation.ip}`;
  return finding(`spf.evaluation.${evaluation.result}`, id, {
    domain,
    ip: evaluation.ip,
    role: whose === 'server' ? 'The server' : 'A sender',
    result: evaluation.result,
    comment: evaluation.comment,
    matchedMechanism: matched?.mechanism ?? null,
    matchedIn: matched?.recordDomain ?? null,
    via: matched === null ? [] : [...matched.via],
    lookupCount: evaluation.lookups.count,
    voidLookups: evaluation.lookups.void,
  });
}
