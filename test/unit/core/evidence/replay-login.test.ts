import { describe, expect, it } from 'vitest';
import type { EvidenceLogin } from '../../../../preload/contract/evidence';
import { replayLogin } from '../../../../main/core/evidence/replay-login';
import { createVirtualTimeline } from '../../../../main/core/evidence/virtual-timeline';
import type { LoginRequest, LoginResult } from '../../../../main/core/smtp/smtp-login';
import { evidenceFixture } from '../../../helpers/evidence-fixture';

const TARGET = { host: 'smtp.example.test', address: '192.0.2.25', port: 587 };
const ACCEPTED: LoginResult = {
  outcome: 'accepted',
  withheldReason: null,
  failure: null,
  reply: { code: 235, enhancedCode: '2.7.0', text: 'Authentication successful' },
  mechanism: 'PLAIN',
  mechanismsBeforeTls: [],
  mechanismsAfterTls: ['PLAIN', 'LOGIN'],
  startTlsOffered: true,
  tls: null,
  elapsedMs: 120,
  transcript: [
    { at: '2026-01-01T00:00:00.100Z', elapsedMs: 0, direction: 'client', text: 'AUTH PLAIN <redacted>' },
  ],
};
const trial = {
  mailFrom: { code: 250, enhancedCode: '2.1.0', text: 'Accepted' },
  rcptTo: { code: 250, enhancedCode: '2.1.5', text: 'Accepted' },
  failure: null,
};
const recorded: EvidenceLogin = {
  ...TARGET,
  security: 'starttls',
  username: 'ann@example.test',
  mechanism: null,
  withSecret: true,
  keepSession: true,
  atMs: 50,
  seq: 1,
  result: ACCEPTED as unknown as EvidenceLogin['result'],
  session: {
    trials: [{ from: 'ceo@other.test', to: 'ann@example.test', atMs: 60, seq: 2, trial }],
    transcript: [],
    transcriptReads: [],
    closedAtMs: 70,
    closedSeq: 3,
  },
};
const request = (overrides: Partial<LoginRequest> = {}): LoginRequest => ({
  target: TARGET,
  security: 'starttls',
  username: 'ann@example.test',
  // Replays never need the secret; this one is only a stand-in.
  secret: { kind: 'password', password: '' },
  deadlineMs: 10_000,
  ...overrides,
});

describe('replayLogin', () => {
  it('replays the recorded, redacted verdict and the kept session envelope trials', async () => {
    const evidence = evidenceFixture({ logins: [recorded] });
    const login = replayLogin(evidence, createVirtualTimeline(evidence.startedAtMs));
    const attempt = await login.login(request(), { keepSession: true });
    expect(attempt.result).toEqual(ACCEPTED);
    expect(await attempt.session?.tryEnvelope('ceo@other.test', 'ann@example.test', 5_000)).toEqual(trial);
    await attempt.session?.close();
  });

  it('fails a login the report never made as "not recorded", and an envelope it never tried too', async () => {
    const evidence = evidenceFixture({ logins: [recorded] });
    const login = replayLogin(evidence, createVirtualTimeline(evidence.startedAtMs));
    const other = await login.login(request({ username: 'bob@example.test' }), { keepSession: true });
    expect(other.session).toBeNull();
    expect(other.result).toMatchObject({
      outcome: 'failed',
      failure: { kind: 'closed', message: 'not recorded in this report' },
    });
    const attempt = await login.login(request(), { keepSession: true });
    expect(await attempt.session?.tryEnvelope('someone@else.test', 'ann@example.test', 5_000)).toEqual({
      mailFrom: null,
      rcptTo: null,
      failure: { kind: 'closed', message: 'not recorded in this report' },
    });
    // The one recording has been used: logging in again is not recorded.
    expect((await login.login(request(), { keepSession: true })).result.outcome).toBe('failed');
  });
});
