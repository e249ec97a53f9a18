/**
 * The schema of a report's embedded evidence (preload/contract/evidence.ts): what `mailwarden reevaluate`
 * replays. Port results stay open JSON here; their meaning belongs to the core types that recorded them.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import type {
  EvidenceAuditRecipe,
  EvidenceDnsQuery,
  EvidenceEnvelopeTrial,
  EvidenceHttpsFetch,
  EvidenceIncomingLogin,
  EvidenceLineConnection,
  EvidenceLogin,
  EvidenceServer,
  EvidenceSmtpConnection,
  EvidenceSmtpOperation,
  EvidenceTlsRequest,
  EvidenceWireQuery,
  ReportEvidence,
} from '../../../preload/contract/evidence';
import { EVIDENCE_VERSION } from '../../../preload/contract/evidence';
import { AUDIT_AREAS } from '../../../preload/contract/audit';
import { SECURITY_MODES } from '../../../preload/contract/accounts';
import type { AllTrue, SameKeys } from './same-keys';

const json = z.json();
const atMs = z.number().describe('Milliseconds after the report started');
const seq = z.number().int().min(0).describe('Arrival order across every port (orders events within one ms)');

const server = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SECURITY_MODES),
  username: z.string(),
  secret: z
    .enum(['password', 'xoauth2'])
    .nullable()
    .describe('Which kind of secret was used, never the secret'),
});

const incoming = z
  .strictObject({
    protocol: z.enum(['imap', 'pop3']),
    host: z.string(),
    port: z.number().int(),
    security: z.enum(SECURITY_MODES),
    username: z.string(),
    password: z.boolean().describe('Whether a password was used, never the password'),
  })
  .exactOptional();

const subject = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('account'),
    label: z.string(),
    email: z.string(),
    domain: z.string(),
    server,
    dkimSelectors: z.array(z.string()),
    presetId: z.string().nullable(),
    incoming,
  }),
  z.strictObject({ kind: z.literal('server'), server, incoming }),
  z.strictObject({ kind: z.literal('domain'), domain: z.string(), dkimSelectors: z.array(z.string()) }),
]);

const recipe = z.strictObject({
  subject,
  areas: z.array(z.enum(AUDIT_AREAS)),
  relayTest: z.boolean(),
  allowCertificateFingerprint: z.string().nullable(),
  extraCaPem: z.string().nullable(),
  ports: z.strictObject({
    smtp: z.number().int().exactOptional(),
    submissions: z.number().int().exactOptional(),
    submission: z.number().int().exactOptional(),
  }),
  incomingPorts: z
    .strictObject({
      imap: z.strictObject({ plain: z.number().int(), implicitTls: z.number().int() }).exactOptional(),
      pop3: z.strictObject({ plain: z.number().int(), implicitTls: z.number().int() }).exactOptional(),
    })
    .exactOptional(),
  limits: json,
  overallDeadlineMs: z.number().nullable(),
  spfSenderIps: z
    .array(z.string())
    .exactOptional()
    .describe('Sender addresses SPF was evaluated for on request (--ip)'),
  parked: z.boolean().exactOptional().describe('The user said the domain sends no mail (--parked)'),
});

const dnsQuery = z.strictObject({
  name: z.string(),
  type: z.enum(['A', 'AAAA', 'MX', 'SRV', 'TXT', 'CNAME', 'PTR']),
  atMs,
  seq,
  result: json,
});
const wireQuery = z.strictObject({ name: z.string(), type: z.string(), atMs, seq, result: json });
const httpsFetch = z.strictObject({ url: z.string(), maxBytes: z.number(), atMs, seq, result: json });
const tlsRequest = z.strictObject({
  servername: z.string(),
  minVersion: z.string().nullable(),
  maxVersion: z.string().nullable(),
  cipherList: z.string().exactOptional().describe("A cipher probe's OpenSSL cipher list"),
  sendSni: z.boolean().exactOptional().describe('False for a handshake sent without SNI'),
});

const smtpOperation = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('read'), atMs, seq, outcome: json }),
  z.strictObject({ op: z.literal('command'), line: z.string(), atMs, seq, outcome: json }),
  z.strictObject({ op: z.literal('upgrade'), tls: tlsRequest, atMs, seq, outcome: json }),
  z.strictObject({ op: z.literal('raw-hello'), label: z.string(), atMs, seq, outcome: json }),
]);

const smtpConnection = z.strictObject({
  host: z.string(),
  address: z.string(),
  port: z.number().int(),
  security: z.enum(['plain', 'implicit-tls']),
  tls: tlsRequest.nullable(),
  atMs,
  seq,
  open: json,
  operations: z.array(smtpOperation),
  transcript: z.array(json),
  transcriptReads: z.array(z.number().int()).describe('How many transcript entries the checks saw, per read'),
});

const envelopeTrial = z.strictObject({ from: z.string(), to: z.string(), atMs, seq, trial: json });

const login = z.strictObject({
  host: z.string(),
  address: z.string(),
  port: z.number().int(),
  security: z.string(),
  username: z.string(),
  mechanism: z.string().nullable(),
  withSecret: z.boolean(),
  keepSession: z.boolean(),
  atMs,
  seq,
  result: json,
  session: z
    .strictObject({
      trials: z.array(envelopeTrial),
      transcript: z.array(json),
      transcriptReads: z.array(z.number().int()),
      closedAtMs: z.number().nullable(),
      closedSeq: z.number().int().nullable(),
    })
    .nullable(),
});

const lineOperation = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('read'), atMs, seq, outcome: json }),
  z.strictObject({ op: z.literal('send'), line: z.string(), outcome: json }),
  z.strictObject({ op: z.literal('upgrade'), tls: tlsRequest, atMs, seq, outcome: json }),
  z.strictObject({ op: z.literal('raw-hello'), label: z.string(), atMs, seq, outcome: json }),
]);

const lineConnection = z.strictObject({
  host: z.string(),
  address: z.string(),
  port: z.number().int(),
  security: z.enum(['plain', 'implicit-tls']),
  literals: z.boolean(),
  tls: tlsRequest.nullable(),
  atMs,
  seq,
  open: json,
  operations: z.array(lineOperation),
  transcript: z.array(json),
  transcriptReads: z.array(z.number().int()),
});

const incomingLogin = z.strictObject({
  host: z.string(),
  address: z.string(),
  port: z.number().int(),
  security: z.enum(['implicit-tls', 'starttls']),
  username: z.string(),
  atMs,
  seq,
  outcome: json,
});

export const REPORT_EVIDENCE_SCHEMA = z
  .strictObject({
    version: z.literal(EVIDENCE_VERSION),
    audit: recipe,
    startedAtMs: z.number().describe('The report start, milliseconds since the epoch'),
    dns: z.strictObject({ description: z.string(), queries: z.array(dnsQuery) }),
    wire: z.strictObject({ description: z.string(), queries: z.array(wireQuery) }),
    https: z.array(httpsFetch),
    smtp: z.array(smtpConnection),
    logins: z.array(login),
    incoming: z
      .strictObject({ connections: z.array(lineConnection), logins: z.array(incomingLogin) })
      .optional()
      .describe("The incoming (IMAP/POP3) server's connections and logins, never a password"),
    checkEndings: z
      .record(z.string(), z.enum(['timed-out', 'cancelled']))
      .optional()
      .describe(
        'Checks that ran out of time or were cancelled, by check id; a re-evaluation ends them the same way',
      ),
  })
  .describe(
    'Every DNS answer, HTTPS body, SMTP reply, certificate and login verdict the audit judged, for offline re-evaluation',
  );

type Infer<S extends z.ZodType> = z.infer<S>;
type Operation<Op extends string> = Extract<EvidenceSmtpOperation, { op: Op }>;
type OperationGuards = [
  SameKeys<Operation<'read'>, Extract<Infer<typeof smtpOperation>, { op: 'read' }>>,
  SameKeys<Operation<'command'>, Extract<Infer<typeof smtpOperation>, { op: 'command' }>>,
  SameKeys<Operation<'upgrade'>, Extract<Infer<typeof smtpOperation>, { op: 'upgrade' }>>,
  SameKeys<Operation<'raw-hello'>, Extract<Infer<typeof smtpOperation>, { op: 'raw-hello' }>>,
];
// Drift guards: each pair must name the same keys, or this file stops compiling.
/** Exported so the compiler checks it; nothing uses it at run time. */
export type EvidenceSchemaMatchesContract = AllTrue<
  [
    SameKeys<ReportEvidence, Infer<typeof REPORT_EVIDENCE_SCHEMA>>,
    SameKeys<EvidenceAuditRecipe, Infer<typeof recipe>>,
    SameKeys<EvidenceServer, Infer<typeof server>>,
    SameKeys<EvidenceDnsQuery, Infer<typeof dnsQuery>>,
    SameKeys<EvidenceWireQuery, Infer<typeof wireQuery>>,
    SameKeys<EvidenceHttpsFetch, Infer<typeof httpsFetch>>,
    SameKeys<EvidenceTlsRequest, Infer<typeof tlsRequest>>,
    SameKeys<EvidenceSmtpConnection, Infer<typeof smtpConnection>>,
    SameKeys<EvidenceEnvelopeTrial, Infer<typeof envelopeTrial>>,
    SameKeys<EvidenceLogin, Infer<typeof login>>,
    SameKeys<EvidenceLineConnection, Infer<typeof lineConnection>>,
    SameKeys<EvidenceIncomingLogin, Infer<typeof incomingLogin>>,
    SameKeys<NonNullable<EvidenceLogin['session']>, NonNullable<Infer<typeof login>['session']>>,
    ...OperationGuards,
  ]
>;
