/**
 * Runtime validation of every request payload, applied in main before a handler sees it.
 *
 * These schemas check shape and size only (a hostile renderer cannot send a 50 MB label or an object
 * where a string belongs). Meaning (is this a valid email, hostname, port?) is checked by
 * main/core/accounts/validation.ts, which gives per-field messages the form can show.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import { AUDIT_AREAS } from './audit';
import { EXPORT_FORMATS, PAPER_SIZES } from './export';
import { MAX_PASTED_MESSAGE_CHARS } from './message-check';
import type { Channel, RequestOf } from './channels';

/** Generous upper bounds: RFC 5321 limits addresses to 254 octets and names to 253. */
const SHORT_TEXT = 320;
const PASSWORD_MAX = 4096;

const text = (max = SHORT_TEXT) => z.string().max(max);

const accountInput = z.strictObject({
  label: text(200).optional(),
  email: text(),
  domain: text().optional(),
  host: text(),
  port: z.number(),
  security: text(32),
  username: text().optional(),
  dkimSelectors: z.array(text(253)).max(50).optional(),
  clientGroup: text(200).optional(),
  presetId: text(64).optional(),
  incoming: z
    .strictObject({
      protocol: text(8),
      host: text(),
      port: z.number(),
      security: text(32),
      username: text().optional(),
      ownPassword: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  signIn: z
    .discriminatedUnion('method', [
      z.strictObject({ method: z.literal('password') }),
      z.strictObject({
        method: z.literal('oauth'),
        provider: text(16),
        issuer: text(2048).optional(),
        clientId: text(256),
      }),
    ])
    .optional(),
});

const id = z.string().min(1).max(64);

const auditTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account'), accountId: id }),
  z.strictObject({ kind: z.literal('domain'), domain: text(1024) }),
]);

const auditOptions = z.strictObject({
  only: z.array(z.enum(AUDIT_AREAS)).min(1).max(AUDIT_AREAS.length).optional(),
  relayTest: z.boolean().optional(),
  // A SHA-256 fingerprint as Node prints it: 32 hex pairs joined by colons.
  allowCertificateFingerprint: z
    .string()
    .regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$/)
    .optional(),
  withoutSignIn: z.boolean().optional(),
});

/** A client's name: a client group (200 characters at most, see core/accounts/validation.ts). */
const CLIENT_NAME_MAX = 200;
/** More accounts than any one client has; keeps one request from naming the whole history. */
const CLIENT_RUNS_MAX = 200;

const historyTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account'), accountId: id }),
  z.strictObject({ kind: z.literal('domain'), domain: text(1024) }),
]);

export const REQUEST_SCHEMAS = {
  'accounts:list': z.null(),
  'accounts:add': z.strictObject({
    account: accountInput,
    password: z.string().min(1).max(PASSWORD_MAX).optional(),
  }),
  'accounts:update': z.strictObject({ id, account: accountInput }),
  'accounts:remove': z.strictObject({ id }),
  'accounts:set-password': z.strictObject({ id, password: z.string().min(1).max(PASSWORD_MAX) }),
  'accounts:set-incoming-password': z.strictObject({ id, password: z.string().min(1).max(PASSWORD_MAX) }),
  'accounts:delete-password': z.strictObject({ id }),
  'accounts:sign-in': z.strictObject({ id }),
  'accounts:cancel-sign-in': z.strictObject({ id }),
  'accounts:sign-in-status': z.strictObject({ id }),
  'accounts:sign-out': z.strictObject({ id }),
  'presets:list': z.null(),
  'discovery:run': z.strictObject({ domain: text(1024) }),
  'settings:get': z.null(),
  'settings:update': z.strictObject({
    dnsServer: text(300).nullable().optional(),
    // Slightly above the core's cap, so an oversized paste gets the core's message for the field.
    extraCaPem: text(512 * 1024)
      .nullable()
      .optional(),
    timeouts: z.strictObject({ serverWaitSeconds: z.number(), auditLimitSeconds: z.number() }).optional(),
    defaultTests: z.strictObject({ relayTest: z.boolean(), login: z.boolean() }).optional(),
  }),
  'audit:start': z.strictObject({ target: auditTarget, options: auditOptions.optional() }),
  'audit:cancel': z.strictObject({ runId: id }),
  'history:list': z.strictObject({ target: historyTarget.optional() }),
  'history:get': z.strictObject({ runId: id }),
  'history:compare': z.strictObject({ runIdA: id, runIdB: id }),
  'history:delete': z.strictObject({ runId: id }),
  'report:export': z.strictObject({
    runId: id,
    format: z.enum(EXPORT_FORMATS),
    paper: z.enum(PAPER_SIZES).optional(),
  }),
  'report:export-client': z.strictObject({
    client: z.string().trim().min(1).max(CLIENT_NAME_MAX),
    runIds: z.array(id).min(1).max(CLIENT_RUNS_MAX),
    format: z.enum(EXPORT_FORMATS),
    paper: z.enum(PAPER_SIZES).optional(),
  }),
  'message:check': z.strictObject({
    source: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('file') }),
      // The message size cap: a larger paste is refused before main reads any of it.
      z.strictObject({ kind: z.literal('paste'), text: z.string().min(1).max(MAX_PASTED_MESSAGE_CHARS) }),
    ]),
    offline: z.boolean(),
  }),
  'message:get': z.strictObject({ runId: id }),
  'message:export': z.strictObject({
    runId: id,
    format: z.enum(EXPORT_FORMATS),
    paper: z.enum(PAPER_SIZES).optional(),
  }),
  'message:export-proof': z.strictObject({
    runId: id,
    format: z.enum(EXPORT_FORMATS),
    paper: z.enum(PAPER_SIZES).optional(),
  }),
  // The address's meaning (one mailbox, no brackets) is checked in main, with a message the form can show.
  'message:prove': z.strictObject({ accountId: id, to: text().optional() }),
  'message:cancel-proof': z.strictObject({ proofId: id }),
  'clients:runs': z.strictObject({ client: z.string().max(CLIENT_NAME_MAX).optional() }),
  'clients:record-run': z.strictObject({
    client: z.string().max(CLIENT_NAME_MAX),
    startedAt: z.iso.datetime(),
    accounts: z
      .array(
        z.strictObject({
          accountId: id,
          result: z.discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('tested'), runId: id }),
            z.strictObject({ kind: z.literal('failed'), message: text(2_000) }),
            z.strictObject({ kind: z.literal('skipped') }),
          ]),
        }),
      )
      .min(1)
      .max(CLIENT_RUNS_MAX),
  }),
  'clients:rename': z.strictObject({
    from: z.string().max(CLIENT_NAME_MAX),
    to: z.string().max(CLIENT_NAME_MAX),
  }),
} satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };
