/**
 * The on-disk format of one checked message (history/<analysedAt>-<runId>.analysis.json), beside the
 * audit runs in the same folder.
 *
 * Version 1: `{ schemaVersion: 1, runId, analysis: AnalysisRecord }`. The record holds the verdict
 * only: the message's size, whether it had a body, its From domain, the authentication verdicts, the
 * receiver's results, the Received hops and the findings. Never the body, the subject or the
 * recipients (see preload/contract/message-check.ts). The ".analysis.json" ending keeps these files
 * out of the audit runs' pattern, so a Mailwarden from before analyses lists its runs as before.
 *
 * The `verdict` (the sentence on top, what could not be checked, the problems) was added within
 * version 1: a record kept before it has it worded on load from the fields it already holds.
 *
 * Add a migration here before changing the shape; never edit what an older version meant. Fields
 * Mailwarden reads back are checked; the rest is carried through untouched.
 */
import * as z from 'zod';
import type { AnalysisEntry, AnalysisRecord } from '../../../preload/contract/message-check';
import { ANALYSIS_RECORD_VERSION } from '../../../preload/contract/message-check';
import { VERDICT_TONES } from '../../../preload/contract/plan';
import { messageVerdict } from '../message/message-verdict';
import { RUN_ID_PATTERN, storedFinding, type StoredFormat } from './history-document';

const hop = z.looseObject({
  index: z.number(),
  from: z.string().nullable(),
  fromIp: z.string().nullable(),
  by: z.string().nullable(),
  protocol: z.string().nullable(),
  tlsVersion: z.string().nullable(),
  tlsCipher: z.string().nullable(),
  encrypted: z.boolean().nullable(),
  at: z.string().nullable(),
  delaySeconds: z.number().nullable(),
});

/** A stored verdict; absent in records kept before main worded it. */
export const storedVerdict = z
  .looseObject({
    tone: z.enum(VERDICT_TONES),
    sentence: z.string(),
    couldNotCheck: z.array(z.string()),
    problems: z.array(storedFinding),
  })
  .optional();

/** A stored analysis record; a proof run keeps the arrived message's verdict in the same shape. */
export const storedAnalysis = z.looseObject({
  kind: z.literal('message-analysis'),
  toolVersion: z.string(),
  analysedAt: z.iso.datetime(),
  source: z.enum(['file', 'paste', 'stdin', 'proof']),
  dns: z.string().nullable(),
  message: z.looseObject({ bytes: z.number(), headerFields: z.number(), hasBody: z.boolean() }).nullable(),
  authentication: z
    .looseObject({
      fromDomain: z.string().nullable(),
      dkim: z.array(z.looseObject({ signingDomain: z.string(), outcome: z.string() })),
    })
    .nullable(),
  receiver: z
    .looseObject({
      authservId: z.string(),
      verdicts: z.array(z.looseObject({ method: z.string(), result: z.string() })),
    })
    .nullable(),
  received: z.looseObject({ hops: z.array(hop), total: z.number() }),
  findings: z.array(storedFinding),
  verdict: storedVerdict,
});

/** The record as the app expects it: an older one without a verdict gets it worded now. */
export function withVerdict(stored: z.infer<typeof storedAnalysis>): AnalysisRecord {
  // Checked by storedAnalysis for every field Mailwarden reads; the rest is carried through untouched.
  const record = stored as unknown as Omit<AnalysisRecord, 'verdict'> & {
    verdict?: AnalysisRecord['verdict'];
  };
  return { ...record, verdict: record.verdict ?? messageVerdict(record) };
}

const analysisDocument = z.strictObject({
  runId: z.string().regex(RUN_ID_PATTERN),
  analysis: storedAnalysis,
});

export const ANALYSIS_FORMAT: StoredFormat<AnalysisEntry> = {
  currentVersion: ANALYSIS_RECORD_VERSION,
  migrations: {},
  parse(fields) {
    const result = analysisDocument.safeParse(fields);
    if (result.success)
      return { ok: true, value: { runId: result.data.runId, analysis: withVerdict(result.data.analysis) } };
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the message analysis format${where}` };
  },
};
