/**
 * The JSON report's schema, as code: validates a report read back from a file and generates
 * docs/report-schema.json (scripts/generate-report-schema.ts).
 *
 * It mirrors preload/contract/audit.ts and findings.ts; the key checks at the bottom make the type-checker
 * fail when a field is added there but not here. Objects are strict, so the published schema describes
 * exactly what this version writes. Bump REPORT_SCHEMA_VERSION (and AuditReport.schemaVersion) on any
 * breaking change; see docs/report-format.md.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import type {
  AuditReport,
  AuditTargetDescription,
  JoinedProof,
  TranscriptLine,
} from '../../../preload/contract/audit';
import {
  BLOCKER_KINDS,
  CHECK_STATUSES,
  type AuditCoverage,
  type Blocker,
  type CheckCoverage,
} from '../../../preload/contract/coverage';
import {
  ACTORS,
  VERDICT_TONES,
  type FindingRef,
  type FixPlan,
  type PlanAction,
  type Verdict,
} from '../../../preload/contract/plan';
import {
  AREA_STATUSES,
  GRADES,
  SCORE_AREAS,
  type AreaScore,
  type AuditScore,
  type OverallScore,
  type ScoreCap,
} from '../../../preload/contract/score';
import { AUDIT_AREAS } from '../../../preload/contract/audit';
import {
  SEVERITIES,
  type Finding,
  type Fix,
  type RecordToPublish,
  type Reference,
} from '../../../preload/contract/findings';
import { REPORT_EVIDENCE_SCHEMA } from './report-evidence-schema';
import type { AllTrue, SameKeys } from './same-keys';

export const REPORT_SCHEMA_VERSION = 2;
export const REPORT_SCHEMA_ID = 'urn:mailwarden:audit-report:2';
/** Where the generated JSON Schema is committed, relative to the repository root. */
export const REPORT_SCHEMA_DOC_PATH = 'docs/report-schema.json';

const isoTime = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 time, UTC, e.g. 2026-11-27T23:33:25.123Z');

const reference = z
  .strictObject({
    label: z.string().describe('e.g. "RFC 8996 section 5"'),
    url: z.string().describe('Where to read it (https)'),
  })
  .describe('A standard or guide that backs the finding');

const recordToPublish = z
  .strictObject({
    type: z.enum(['TXT', 'MX', 'CNAME', 'TLSA', 'SRV']),
    name: z.string().describe('Owner name, e.g. _dmarc.example.com'),
    value: z.string().describe('Record data exactly as it should be published'),
  })
  .describe('A DNS record that fixes the finding');

const fix = z
  .strictObject({
    steps: z.array(z.string()).describe('Numbered steps in plain words; empty for a passing check'),
    record: recordToPublish.exactOptional(),
    providerSteps: z
      .record(z.string(), z.array(z.string()))
      .exactOptional()
      .describe('Steps for a particular provider, keyed by provider preset id'),
  })
  .describe('How to fix it');

const finding = z
  .strictObject({
    id: z.string().describe('Stable finding id, e.g. tls.protocol.tls1_0-accepted (see docs/findings.md)'),
    checkId: z.string().describe('Which check produced it and on what, e.g. tls:smtp.example.com:587'),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    evidence: z
      .record(z.string(), z.json())
      .describe('What was observed, as data: DNS answers, certificate fields, SMTP replies'),
    explanation: z.string().describe('What it means, for a non-expert'),
    fix,
    references: z.array(reference),
  })
  .describe('One result of one check');

const target = z
  .strictObject({
    kind: z.enum(['account', 'server', 'domain']),
    label: z.string().describe('What the user called it: account label, host:port or domain'),
    domain: z.string().nullable(),
    host: z.string().nullable(),
    port: z.number().int().min(1).max(65_535).nullable(),
    security: z.string().nullable().describe('tls, starttls or none; null for a bare domain'),
  })
  .describe('What was audited');

const transcriptLine = z
  .strictObject({
    at: isoTime,
    elapsedMs: z.number().min(0).describe('Milliseconds since the audit started'),
    direction: z.enum(['client', 'server', 'event']),
    connection: z.string().describe('Which connection, e.g. smtp.example.com:587'),
    text: z.string().describe('The line, with passwords and login data replaced by <redacted>'),
  })
  .describe('One line of the protocol transcript');

const severityCounts = z.strictObject(
  Object.fromEntries(SEVERITIES.map((severity) => [severity, z.number().int().min(0)])) as Record<
    (typeof SEVERITIES)[number],
    z.ZodNumber
  >,
);

const areaScore = z.strictObject({
  area: z.enum(SCORE_AREAS),
  label: z.string().describe('e.g. "Domain authentication"'),
  status: z
    .enum(AREA_STATUSES)
    .describe('tested, partly-tested, not-tested (could not be tested) or not-asked'),
  score: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .describe('0 to 100; null when the area was not tested or not asked'),
  grade: z.enum(GRADES).nullable(),
  counts: severityCounts.describe('How many findings of each severity the area had'),
  why: z.array(z.string()).describe('Why the area was not (fully) tested; empty when it was'),
});

const scoreCap = z
  .strictObject({
    rule: z.string().describe('The rule of docs/scoring.md, e.g. open-relay'),
    grade: z.enum(GRADES).describe('The best overall grade this cap allows'),
    reason: z.string().describe('e.g. "anyone on the internet can send mail through this server"'),
    findingIds: z.array(z.string()),
  })
  .describe('A limit on the overall grade, with its reason');

const overallScore = z.strictObject({
  score: z.number().min(0).max(100).describe('After caps'),
  grade: z.enum(GRADES),
  uncappedScore: z.number().min(0).max(100).describe('The weighted mean of the graded areas'),
  caps: z.array(scoreCap).describe('Every cap that applies, strictest first'),
  partial: z.boolean().describe('True when an area was only partly tested'),
});

const score = z
  .strictObject({
    overall: overallScore.nullable().describe('Null when the result is incomplete'),
    incomplete: z.array(z.string()).describe('Why there is no overall grade; empty when there is one'),
    areas: z.array(areaScore).describe('Every area, tested or not'),
  })
  .describe('Grade per area and overall, with caps; the model is docs/scoring.md');

const blocker = z
  .strictObject({
    id: z.string().describe('kind:subject, e.g. dns-unreachable:127.0.0.1:9'),
    kind: z.enum(BLOCKER_KINDS),
    subject: z.string(),
    message: z.string().describe('One plain sentence naming the cause'),
  })
  .describe('A cause that kept checks from running');

const checkCoverage = z.strictObject({
  checkId: z.string(),
  title: z.string(),
  area: z.enum(AUDIT_AREAS),
  status: z.enum(CHECK_STATUSES),
  blockedBy: z.string().nullable().describe('The id of the blocker that kept it from running'),
});

const coverage = z
  .strictObject({
    checks: z.array(checkCoverage).describe('Every planned check and whether it ran'),
    blockers: z.array(blocker).describe('Every cause that kept checks from running'),
  })
  .nullable()
  .describe('What ran and what could not; null in a report upgraded from version 1');

const verdict = z.strictObject({
  tone: z.enum(VERDICT_TONES),
  sentence: z.string().describe('e.g. "Safe to use; 2 improvements recommended."'),
});

const findingRef = z.strictObject({ id: z.string(), checkId: z.string() });

const planAction = z
  .strictObject({
    id: z.string().describe('The root cause, e.g. dmarc or tls.old-versions, or the finding id'),
    title: z.string(),
    severity: z.enum(SEVERITIES).describe('The worst severity among the findings it covers'),
    who: z.enum(ACTORS).describe('dns (whoever runs the DNS), provider (mail provider or admin), you'),
    where: z.array(z.string()).describe('e.g. ["port 465", "port 587"]; empty for the domain'),
    findings: z.array(findingRef).describe('The findings this action fixes'),
    why: z.string(),
    steps: z.array(z.string()).describe('The exact change, once'),
    record: recordToPublish.exactOptional(),
    message: z.string().describe('Plain text to send to whoever acts'),
  })
  .describe('One thing to do, fixing one or more findings');

const plan = z
  .strictObject({
    verdict,
    actions: z.array(planAction).describe('Most important first'),
  })
  .describe('The fix plan: findings grouped by root cause');

/** Read back by `reevaluate` from a file it did not write, so checked there too (main/core/evidence). */
export const JOINED_PROOF_SCHEMA = z
  .strictObject({
    runId: z.string().describe("The test message's run in the history"),
    provedAt: isoTime.describe('When the test message was sent'),
    findings: z.array(finding).describe('What it proved; planned, never scored'),
  })
  .describe(
    'The test message the plan joined (docs/scoring.md, "What a test message adds"); absent when the plan holds the audit alone',
  );

export const AUDIT_REPORT_SCHEMA = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('Bumped on every breaking change'),
    tool: z.strictObject({ name: z.literal('Mailwarden'), version: z.string() }),
    target,
    startedAt: isoTime,
    finishedAt: isoTime,
    cancelled: z.boolean().describe('True when the audit was stopped before every check finished'),
    findings: z.array(finding).describe('Every finding, worst first'),
    transcript: z.array(transcriptLine),
    coverage,
    score,
    plan,
    proof: JOINED_PROOF_SCHEMA.exactOptional(),
    evidence: REPORT_EVIDENCE_SCHEMA.exactOptional(),
  })
  .meta({
    title: 'Mailwarden audit report',
    description:
      'One audit of a mail account, server or domain, as written by "mailwarden audit --format json".',
  });

/** The schema as JSON Schema draft 2020-12, exactly as committed in docs/report-schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(AUDIT_REPORT_SCHEMA, { target: 'draft-2020-12' });
  return { $schema, $id: REPORT_SCHEMA_ID, ...rest };
}

// Drift guards: each pair must name the same keys, or this file stops compiling.
type Infer<S extends z.ZodType> = z.infer<S>;
/** Exported so the compiler checks it; nothing uses it at run time. */
export type ReportSchemaMatchesContract = AllTrue<
  [
    SameKeys<AuditReport, Infer<typeof AUDIT_REPORT_SCHEMA>>,
    SameKeys<AuditTargetDescription, Infer<typeof target>>,
    SameKeys<TranscriptLine, Infer<typeof transcriptLine>>,
    SameKeys<Finding, Infer<typeof finding>>,
    SameKeys<Fix, Infer<typeof fix>>,
    SameKeys<RecordToPublish, Infer<typeof recordToPublish>>,
    SameKeys<Reference, Infer<typeof reference>>,
    SameKeys<AuditScore, Infer<typeof score>>,
    SameKeys<AreaScore, Infer<typeof areaScore>>,
    SameKeys<OverallScore, Infer<typeof overallScore>>,
    SameKeys<ScoreCap, Infer<typeof scoreCap>>,
    SameKeys<AuditCoverage, NonNullable<Infer<typeof coverage>>>,
    SameKeys<Blocker, Infer<typeof blocker>>,
    SameKeys<CheckCoverage, Infer<typeof checkCoverage>>,
    SameKeys<FixPlan, Infer<typeof plan>>,
    SameKeys<Verdict, Infer<typeof verdict>>,
    SameKeys<PlanAction, Infer<typeof planAction>>,
    SameKeys<FindingRef, Infer<typeof findingRef>>,
    SameKeys<JoinedProof, Infer<typeof JOINED_PROOF_SCHEMA>>,
  ]
>;

/** A parsed report is assignable to the contract type (so validated input can be used as a report). */
export function parseAuditReport(value: unknown): AuditReport {
  return AUDIT_REPORT_SCHEMA.parse(value);
}
