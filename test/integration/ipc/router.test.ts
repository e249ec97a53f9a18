import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../preload/contract/channels';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc/router';
import { eventsTo, registerIpcHandlers, toSenderFrame } from '../../../main/ipc/register-ipc';
import type { AuditEvent, AuditReport } from '../../../preload/contract/audit';
import { countBySeverity, SEVERITIES } from '../../../preload/contract/findings';
import { DEFAULT_SETTINGS } from '../../../preload/contract/settings';
import { startKnot } from '../../helpers/knot-server';
import { getTestPki, TEST_CA_NAME } from '../../helpers/test-certificates';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const OWN_PAGE = { url: 'app://mailwarden/index.html', isMainFrame: true };
const CANARY = 'Canary-router-9f2c!';

const VALID_ACCOUNT = { email: 'ann@shop.example', host: 'smtp.shop.example', port: 465, security: 'tls' };

/** A well-formed request for every channel, so each refusal below is about the sender alone. */
const VALID_REQUESTS: { [C in Channel]: unknown } = {
  'accounts:list': null,
  'accounts:add': { account: VALID_ACCOUNT, password: CANARY },
  'accounts:update': { id: 'x', account: VALID_ACCOUNT },
  'accounts:remove': { id: 'x' },
  'accounts:set-password': { id: 'x', password: CANARY },
  'accounts:set-incoming-password': { id: 'x', password: CANARY },
  'accounts:delete-password': { id: 'x' },
  'accounts:sign-in': { id: 'x' },
  'accounts:cancel-sign-in': { id: 'x' },
  'accounts:sign-in-status': { id: 'x' },
  'accounts:sign-out': { id: 'x' },
  'presets:list': null,
  'discovery:run': { domain: 'shop.example' },
  'settings:get': null,
  'settings:update': { dnsServer: null },
  'audit:start': { target: { kind: 'domain', domain: 'shop.example' } },
  'audit:cancel': { runId: 'x' },
  'history:list': {},
  'history:get': { runId: 'x' },
  'history:compare': { runIdA: 'x', runIdB: 'y' },
  'history:delete': { runId: 'x' },
  'report:export': { runId: 'x', format: 'pdf' },
  'report:export-client': { client: 'Bakery', runIds: ['x', 'y'], format: 'html' },
  'message:check': { source: { kind: 'paste', text: 'From: ann@shop.example\r\n' }, offline: true },
  'message:get': { runId: 'x' },
  'message:export': { runId: 'x', format: 'md' },
  'message:export-proof': { runId: 'x', format: 'md' },
  'message:prove': { accountId: 'x' },
  'message:cancel-proof': { proofId: 'x' },
  'clients:runs': { client: 'Bakery' },
  'clients:record-run': {
    client: 'Bakery',
    startedAt: '2026-12-06T09:00:00.000Z',
    accounts: [{ accountId: 'x', result: { kind: 'skipped' } }],
  },
  'clients:rename': { from: 'Bakery', to: 'Bakery & Sons' },
};

describe('IPC router', () => {
  let env: TestServices;
  let router: IpcRouter;

  beforeEach(async () => {
    env = await createTestServices();
    router = createIpcRouter(env.services);
  });
  afterEach(async () => env.cleanup());

  it.each(CHANNELS.map((channel) => [channel]))(
    'refuses %s from a forged sender before touching anything',
    async (channel) => {
      const forged = [
        null,
        { url: 'https://evil.example/', isMainFrame: true },
        { url: 'app://mailwarden/index.html', isMainFrame: false },
      ];
      for (const sender of forged) {
        const outcome = await router.handle(channel, VALID_REQUESTS[channel], sender);
        expect(outcome).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) as string },
        });
      }
      // Nothing was written and nothing reached the keychain.
      expect(await readdir(env.dataDir)).toEqual([]);
      expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
    },
  );

  it('refuses channels outside the contract', async () => {
    const outcome = await router.handle('accounts:dump-passwords', null, OWN_PAGE);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it.each([
    ['accounts:add', undefined],
    ['accounts:add', 'ann@shop.example'],
    ['accounts:add', { account: { ...VALID_ACCOUNT, port: '465' } }],
    ['accounts:add', { account: VALID_ACCOUNT, password: CANARY, extra: true }],
    ['accounts:add', { account: { ...VALID_ACCOUNT, email: 'a'.repeat(100_000) } }],
    ['accounts:add', { account: VALID_ACCOUNT, password: 12345 }],
    ['accounts:set-password', { id: 'x', password: '' }],
    ['accounts:remove', { id: ['x'] }],
    ['accounts:list', { all: true }],
    ['discovery:run', { domain: null }],
    ['settings:update', { dnsServer: 5353 }],
    ['settings:update', { extraCaPem: ['-----BEGIN CERTIFICATE-----'] }],
    ['settings:update', { extraCaPem: 'x'.repeat(600 * 1024) }],
    ['settings:update', { timeouts: { serverWaitSeconds: '15', auditLimitSeconds: 120 } }],
    ['settings:update', { timeouts: { serverWaitSeconds: 15 } }],
    ['settings:update', { defaultTests: { relayTest: true } }],
    ['settings:update', { defaultTests: { relayTest: true, login: true, dkim: false } }],
    ['settings:update', { theme: 'dark' }],
    ['clients:rename', { from: 'Bakery' }],
    ['clients:rename', { from: 'Bakery', to: 'x'.repeat(10_000) }],
    ['clients:record-run', { client: 'Bakery', startedAt: 'yesterday', accounts: [] }],
    [
      'clients:record-run',
      {
        client: 'Bakery',
        startedAt: '2026-12-06T09:00:00.000Z',
        accounts: [{ accountId: 'x', result: { kind: 'tested', runId: 'y', grade: 'A' } }],
      },
    ],
  ] as const)(
    'refuses a malformed %s payload with INVALID_INPUT naming the field',
    async (channel, payload) => {
      const outcome = await router.handle(channel, payload, OWN_PAGE);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('INVALID_INPUT');
        expect(outcome.error.fields?.length).toBeGreaterThan(0);
      }
      expect(JSON.stringify(outcome)).not.toContain(CANARY);
      expect(await readdir(env.dataDir)).toEqual([]);
    },
  );

  it('answers settings:get and settings:update with the settings, what the trusted CA holds and the warnings', async () => {
    expect(await router.handle('settings:get', null, OWN_PAGE)).toEqual({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, certificates: [], warnings: [] },
    });
    const pki = await getTestPki();
    const updated = await router.handle('settings:update', { extraCaPem: pki.caPem }, OWN_PAGE);
    expect(updated).toMatchObject({
      ok: true,
      value: {
        settings: { dnsServer: null, extraCaPem: expect.stringContaining('BEGIN CERTIFICATE') as unknown },
        certificates: [
          {
            subject: expect.stringContaining(TEST_CA_NAME) as unknown,
            fingerprintSha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) as unknown,
            warnings: [],
          },
        ],
        warnings: [],
      },
    });
    // One section at a time: saving the timeouts keeps the CA.
    const timeouts = { serverWaitSeconds: 20, auditLimitSeconds: 300 };
    const next = await router.handle('settings:update', { timeouts }, OWN_PAGE);
    expect(next).toMatchObject({ ok: true, value: { settings: { timeouts }, certificates: [{}] } });

    const garbage = await router.handle('settings:update', { extraCaPem: 'not a certificate' }, OWN_PAGE);
    expect(garbage).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('not a PEM certificate') as unknown,
        fields: [
          { field: 'extraCaPem', message: expect.stringContaining('not a PEM certificate') as unknown },
        ],
      },
    });
    const tooShort = await router.handle(
      'settings:update',
      { timeouts: { serverWaitSeconds: 0, auditLimitSeconds: 120 } },
      OWN_PAGE,
    );
    expect(tooShort).toMatchObject({ ok: false, error: { fields: [{ field: 'serverWaitSeconds' }] } });
  });

  it('shows a settings file that was moved aside in settings:get and in the accounts list’s warnings', async () => {
    await writeFile(join(env.dataDir, 'settings.json'), 'not json');
    const listed = await router.handle('accounts:list', null, OWN_PAGE);
    const warning = expect.stringContaining(
      'Your settings file could not be read (it is not valid JSON)',
    ) as unknown;
    expect(listed).toMatchObject({ ok: true, value: { warnings: [warning] } });
    expect(await router.handle('settings:get', null, OWN_PAGE)).toMatchObject({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, warnings: [warning] },
    });
    expect((await readdir(env.dataDir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('adds an account through the router: the password reaches the keychain and never comes back', async () => {
    const added = await router.handle('accounts:add', { account: VALID_ACCOUNT, password: CANARY }, OWN_PAGE);
    expect(added).toMatchObject({ ok: true, value: { email: 'ann@shop.example', hasPassword: 'stored' } });
    const listed = await router.handle('accounts:list', null, OWN_PAGE);
    expect(listed).toMatchObject({
      ok: true,
      value: { accounts: [{ email: 'ann@shop.example', hasPassword: 'stored' }] },
    });

    for (const outcome of [added, listed]) expect(JSON.stringify(outcome)).not.toContain(CANARY);
    const file = await readFile(join(env.dataDir, 'accounts.json'), 'utf8');
    expect(file).not.toContain(CANARY);
    const id = added.ok ? (added.value as { id: string }).id : '';
    expect(await keytar.getPassword(env.keychainService, id)).toBe(CANARY);
  });

  it('answers a semantic validation failure with per-field messages, not an exception', async () => {
    const outcome = await router.handle(
      'accounts:add',
      { account: { ...VALID_ACCOUNT, port: 70000, security: 'ssl' } },
      OWN_PAGE,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('INVALID_INPUT');
      expect(outcome.error.fields?.map((field) => field.field).sort()).toEqual(['port', 'security']);
    }
  });

  it('registers every contract channel on ipcMain, checks the real sender frame and pushes events only to it', async () => {
    type Listener = (
      event: {
        senderFrame: { url: string; parent: unknown } | null;
        sender: { send(c: string, p: unknown): void; isDestroyed(): boolean };
      },
      payload: unknown,
    ) => Promise<unknown>;
    const registered = new Map<string, Listener>();
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, env.services);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());

    const sent: string[] = [];
    const sender = { send: (channel: string) => sent.push(channel), isDestroyed: () => false };
    const list = registered.get('accounts:list');
    expect(
      await list?.({ senderFrame: { url: 'app://mailwarden/index.html', parent: null }, sender }, null),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await list?.({ senderFrame: { url: 'app://mailwarden/index.html', parent: {} }, sender }, null),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(toSenderFrame(null)).toBeNull();

    const closed = {
      send: () => {
        throw new Error('sent to a closed window');
      },
      isDestroyed: () => true,
    };
    eventsTo(closed).emit('audit:event', { runId: 'r', type: 'failed', message: 'x' });
    eventsTo(sender).emit('audit:event', { runId: 'r', type: 'failed', message: 'x' });
    expect(sent).toEqual(['audit:event']);
  });

  it('runs a domain audit started over IPC, streaming progress and the report to the page that asked', async () => {
    const knot = await startKnot({
      'shop.example': ['@ IN MX 10 mx.shop.example.', 'mx IN A 192.0.2.10', '@ IN TXT "v=spf1 mx -all"'].join(
        '\n',
      ),
    });
    try {
      expect(await router.handle('settings:update', { dnsServer: knot.server }, OWN_PAGE)).toMatchObject({
        ok: true,
      });
      const events: AuditEvent[] = [];
      const finished = new Promise<AuditReport>((resolve) => {
        const context = {
          emit(_channel: string, payload: unknown) {
            // This router pushes only audit events to a run started here.
            const event = payload as AuditEvent;
            events.push(event);
            if (event.type === 'finished') resolve(event.report);
          },
        };
        void router.handle(
          'audit:start',
          { target: { kind: 'domain', domain: 'shop.example' }, options: { only: ['dns'] } },
          OWN_PAGE,
          context,
        );
      });
      const report = await finished;
      expect(report.target).toMatchObject({ kind: 'domain', domain: 'shop.example' });
      expect(report.findings.some((f) => f.id.startsWith('spf.'))).toBe(true);
      expect(events[0]?.type).toBe('planned');
      expect(events.filter((e) => e.type === 'check-started').length).toBe(
        events.filter((e) => e.type === 'check-finished').length,
      );
      expect(events.at(-1)).toMatchObject({ type: 'finished', history: { status: 'saved' } });
      // The live counts by severity add up to the report's.
      const live = { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 };
      for (const event of events)
        if (event.type === 'check-finished')
          for (const severity of SEVERITIES) live[severity] += event.counts[severity];
      expect(live).toEqual(countBySeverity(report.findings));
      expect(await router.handle('audit:cancel', { runId: report.startedAt }, OWN_PAGE)).toEqual({
        ok: true,
        value: { cancelled: false },
      });
    } finally {
      await knot.stop();
    }
  });

  it('keeps an audit run over IPC in the history: list, open, compare, delete', async () => {
    const knot = await startKnot({
      'shop.example': ['@ IN MX 10 mx.shop.example.', 'mx IN A 192.0.2.10'].join('\n'),
    });
    try {
      await router.handle('settings:update', { dnsServer: knot.server }, OWN_PAGE);
      const finished = new Promise<{ runId: string; report: AuditReport }>((resolve) => {
        const context = {
          emit(_channel: string, payload: unknown) {
            // This router pushes only audit events to a run started here.
            const event = payload as AuditEvent;
            if (event.type === 'finished') resolve({ runId: event.runId, report: event.report });
          },
        };
        void router.handle(
          'audit:start',
          { target: { kind: 'domain', domain: 'shop.example' } },
          OWN_PAGE,
          context,
        );
      });
      const { runId, report } = await finished;

      const listed = await router.handle(
        'history:list',
        { target: { kind: 'domain', domain: 'shop.example' } },
        OWN_PAGE,
      );
      expect(listed).toMatchObject({
        ok: true,
        value: { runs: [{ runId, startedAt: report.startedAt }], problems: [] },
      });
      expect(
        await router.handle('history:list', { target: { kind: 'account', accountId: 'nobody' } }, OWN_PAGE),
      ).toEqual({
        ok: true,
        value: { runs: [], analyses: [], proofs: [], problems: [] },
      });
      expect(await router.handle('history:get', { runId }, OWN_PAGE)).toEqual({
        ok: true,
        value: { runId, accountId: null, report },
      });
      const compared = await router.handle('history:compare', { runIdA: runId, runIdB: runId }, OWN_PAGE);
      expect(compared).toMatchObject({ ok: true, value: { fixed: [], new: [] } });
      expect(await router.handle('history:delete', { runId }, OWN_PAGE)).toEqual({
        ok: true,
        value: { deleted: true },
      });
      expect(await router.handle('history:get', { runId }, OWN_PAGE)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await router.handle('history:delete', { runId }, OWN_PAGE)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await knot.stop();
    }
  });

  it.each([
    ['history:list', null],
    ['history:list', { target: { kind: 'domain' } }],
    ['history:get', { runId: '' }],
    ['history:get', { runId: 'x'.repeat(65) }],
    ['history:compare', { runIdA: 'x' }],
    ['history:delete', { runId: 7 }],
    ['report:export-client', { client: 'Bakery', runIds: [], format: 'html' }],
    ['message:check', { source: { kind: 'paste', text: '' }, offline: true }],
    ['message:check', { source: { kind: 'paste', text: 'From: a@b\r\n' } }],
    ['message:check', { source: { kind: 'file', path: '/etc/passwd' }, offline: false }],
    ['message:export', { runId: 'x', format: 'docx' }],
    ['message:export-proof', { runId: 'x', format: 'docx' }],
    ['message:export-proof', { runId: 'x', format: 'pdf', paper: 'A3' }],
    ['report:export-client', { client: '', runIds: ['x'], format: 'html' }],
    ['report:export-client', { client: '   ', runIds: ['x'], format: 'html' }],
    ['report:export-client', { client: 'B'.repeat(201), runIds: ['x'], format: 'html' }],
    [
      'report:export-client',
      { client: 'Bakery', runIds: Array.from({ length: 201 }, () => 'x'), format: 'md' },
    ],
    ['report:export-client', { client: 'Bakery', runIds: ['x'.repeat(65)], format: 'md' }],
    ['report:export-client', { client: 'Bakery', runIds: 'x', format: 'md' }],
    ['report:export-client', { client: 'Bakery', runIds: ['x'], format: 'docx' }],
    ['report:export-client', { client: 'Bakery', runIds: ['x'], format: 'pdf', paper: 'A3' }],
    ['report:export-client', { client: 'Bakery', runIds: ['x'], format: 'csv', report: {} }],
  ] as const)('refuses a malformed %s payload with INVALID_INPUT', async (channel, payload) => {
    expect(await router.handle(channel, payload, OWN_PAGE)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a run id that could name a path, without touching the disk', async () => {
    for (const channel of ['history:get', 'history:delete'] as const) {
      expect(await router.handle(channel, { runId: '../accounts' }, OWN_PAGE)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await router.handle(
        'report:export-client',
        { client: 'Bakery', runIds: ['../accounts'], format: 'json' },
        OWN_PAGE,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await readdir(env.dataDir)).toEqual([]);
  });

  it('answers NOT_FOUND for a client report naming a run the history does not have', async () => {
    expect(
      await router.handle(
        'report:export-client',
        { client: 'Bakery', runIds: ['0123456789abcdef'], format: 'html' },
        OWN_PAGE,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to audit an account that does not exist, before starting anything', async () => {
    const outcome = await router.handle(
      'audit:start',
      { target: { kind: 'account', accountId: 'nope' } },
      OWN_PAGE,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
