import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../preload/contract/accounts';
import {
  NOTE_DOMAIN_ONLY,
  NOTE_KEYCHAIN,
  NOTE_NO_PASSWORD,
  NOTE_SAVED_NO_PASSWORD,
  planBatch,
} from '../../../../main/core/batch/batch-plan';
import { readBatchFile } from '../../../../main/core/batch/batch-rows';

function saved(email: string, hasPassword: AccountView['hasPassword']): AccountView {
  return {
    id: `id-${email}`,
    label: email,
    email,
    domain: email.split('@')[1] ?? '',
    host: 'smtp.acme.test',
    port: 587,
    security: 'starttls',
    username: email,
    dkimSelectors: [],
    clientGroup: null,
    presetId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    hasPassword,
  };
}

function plan(body: string, accounts: readonly AccountView[] = []) {
  const file = readBatchFile(`client,email or domain,host,port,security,user\n${body}`);
  if (!file.ok) throw new Error(file.message);
  return planBatch(file.rows, accounts);
}

describe('planBatch', () => {
  const accounts = [saved('ann@acme.test', 'stored'), saved('bob@acme.test', 'missing')];

  it('audits a saved account (matched by email, any case) with its keychain password', () => {
    expect(plan('Acme,ANN@acme.test,,,,', accounts)).toEqual([
      {
        kind: 'job',
        job: {
          line: 2,
          client: 'Acme',
          target: 'ANN@acme.test',
          request: { kind: 'account', accountId: 'id-ann@acme.test' },
          note: NOTE_KEYCHAIN,
        },
      },
    ]);
  });

  it('says when a saved account has no password, so its login can only be inspected', () => {
    expect(plan('Acme,bob@acme.test,,,,', accounts)[0]).toMatchObject({
      job: { note: NOTE_SAVED_NO_PASSWORD },
    });
  });

  it('accepts a saved account row that repeats the saved settings', () => {
    expect(plan('Acme,ann@acme.test,smtp.acme.test,587,starttls,ann@acme.test', accounts)[0]).toMatchObject({
      kind: 'job',
      job: { request: { kind: 'account' } },
    });
  });

  it('does not run a saved account row whose server differs from the saved one', () => {
    const [entry] = plan('Acme,ann@acme.test,smtp.other.test,465,tls,', accounts);
    expect(entry).toMatchObject({ kind: 'not-run', problem: { line: 2, client: 'Acme' } });
    if (entry?.kind === 'not-run') expect(entry.problem.reason).toContain('smtp.acme.test:587 starttls');
  });

  it('audits an unsaved address with a server without a password, login inspected only', () => {
    expect(plan('Zed,zed@zed.test,smtp.zed.test,465,tls,', accounts)[0]).toEqual({
      kind: 'job',
      job: {
        line: 2,
        client: 'Zed',
        target: 'zed@zed.test',
        request: {
          kind: 'unsaved-account',
          label: 'zed@zed.test',
          email: 'zed@zed.test',
          domain: 'zed.test',
          server: { host: 'smtp.zed.test', port: 465, security: 'tls', username: 'zed@zed.test' },
        },
        note: NOTE_NO_PASSWORD,
      },
    });
  });

  it('audits a domain with a server as that server plus the domain, with the given user', () => {
    expect(plan('Srv,srv.test,mx.srv.test,25,none,admin')[0]).toMatchObject({
      job: {
        request: {
          kind: 'unsaved-account',
          email: null,
          domain: 'srv.test',
          server: { host: 'mx.srv.test', port: 25, security: 'none', username: 'admin' },
        },
      },
    });
  });

  it('audits a bare domain from DNS only', () => {
    expect(plan('Dom,dom.test,,,,')[0]).toMatchObject({
      job: { request: { kind: 'domain', domain: 'dom.test' }, note: NOTE_DOMAIN_ONLY },
    });
  });

  it('does not run an unsaved address without a server, and passes bad rows through', () => {
    const entries = plan('Who,who@who.test,,,,\nBad,bad.test,h.test,1,ssl,');
    expect(entries.map((e) => e.kind)).toEqual(['not-run', 'not-run']);
    if (entries[0]?.kind === 'not-run') expect(entries[0].problem.reason).toContain('not a saved account');
    expect(entries[1]).toMatchObject({ problem: { line: 3 } });
  });
});
