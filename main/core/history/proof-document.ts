/**
 * The on-disk format of one proof run (history/<provedAt>-<runId>.proof.json), beside the audit runs
 * and the checked messages in the same folder.
 *
 * Version 1: `{ schemaVersion: 1, runId, accountId, proof: ProofRecord }` (preload/contract/proof.ts):
 * the journey and the verdict only, never the message body or a password. The ".proof.json" ending keeps
 * these files out of the audit runs' pattern, so an older Mailwarden neither lists nor moves them.
 *
 * The `verdict` was added within version 1: a run kept before it has it worded on load, as its
 * arrived message's analysis does (analysis-document.ts).
 *
 * Add a migration here before changing the shape; never edit what an older version meant. Fields
 * Mailwarden reads back are checked; the rest is carried through untouched.
 */
import * as z from 'zod';
import { PROOF_RECORD_VERSION, type ProofEntry, type ProofRecord } from '../../../preload/contract/proof';
import { proofVerdict } from '../prove/proof-verdict';
import { storedAnalysis, storedVerdict, withVerdict } from './analysis-document';
import { RUN_ID_PATTERN, storedFinding, type StoredFormat } from './history-document';

const proof = z.looseObject({
  kind: z.literal('proof'),
  toolVersion: z.string(),
  provedAt: z.iso.datetime(),
  account: z.looseObject({ label: z.string(), email: z.string() }),
  to: z.string(),
  tag: z.string(),
  submission: z.looseObject({
    outcome: z.enum(['accepted', 'refused', 'failed']),
    reply: z.string().nullable(),
    queueId: z.string().nullable(),
    refusedAt: z.string().nullable(),
  }),
  delivery: z.looseObject({
    landing: z.enum(['inbox', 'junk']).nullable(),
    mailbox: z.string().nullable(),
    waitedSeconds: z.number(),
    deleted: z.boolean(),
  }),
  // The arrived message's verdict, checked as a stored message check is.
  analysis: storedAnalysis.nullable(),
  findings: z.array(storedFinding),
  verdict: storedVerdict,
});

/** The run as the app expects it: an older one without verdicts gets them worded now. */
function withVerdicts(stored: z.infer<typeof proof>): ProofRecord {
  // Checked by `proof` for every field Mailwarden reads; the rest is carried through untouched.
  const record = {
    ...(stored as unknown as Omit<ProofRecord, 'verdict'> & { verdict?: ProofRecord['verdict'] }),
    analysis: stored.analysis === null ? null : withVerdict(stored.analysis),
  };
  return { ...record, verdict: record.verdict ?? proofVerdict(record) };
}

const proofDocument = z.strictObject({
  runId: z.string().regex(RUN_ID_PATTERN),
  accountId: z.string().nullable(),
  proof,
});

export const PROOF_FORMAT: StoredFormat<ProofEntry> = {
  currentVersion: PROOF_RECORD_VERSION,
  migrations: {},
  parse(fields) {
    const result = proofDocument.safeParse(fields);
    if (result.success)
      return {
        ok: true,
        value: {
          runId: result.data.runId,
          accountId: result.data.accountId,
          proof: withVerdicts(result.data.proof),
        },
      };
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the test message format${where}` };
  },
};
