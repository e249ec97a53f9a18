import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../../preload/contract/accounts';
import type { TranscriptLine } from '../../../../../preload/contract/audit';
import type { Finding, Severity } from '../../../../../preload/contract/findings';
import { DEFAULT_SETTINGS } from '../../../../../preload/contract/settings';
import {
  auditOptionsFor,
  choicesFromSettings,
  DEFAULT_CHOICES,
  evidenceLabel,
  evidenceText,
  isProtocolDetail,
  splitEvidence,
  sortFindings,
  transcriptFor,
} from '../../../../../renderer/features/audit/audit-model';

function account(hasPassword: AccountView['hasPassword']): AccountView {
  return {
    id: 'a1',
    label: 'Shop orders',
    email: 'ann@shop.test',
    domain: 'shop.test',
    host: 'mail.shop.test',
    port: 587,
    security: 'starttls',
    username: 'ann@shop.test',
    dkimSelectors: [],
    clientGroup: null,
    presetId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    hasPassword,
  };
}

function finding(id: string, severity: Severity, checkId = 'check:a'): Finding {
  return {
    id,
    checkId,
    severity,
    title: id,
    evidence: {},
    explanation: '',
    fix: { steps: [] },
    references: [],
  };
}

function line(connection: string, text: string): TranscriptLine {
  return { at: '2026-01-01T00:00:00.000Z', elapsedMs: 0, direction: 'server', connection, text };
}

describe('choicesFromSettings', () => {
  it('starts the plan with every test on when nothing was saved, as before Settings had them', () => {
    expect(choicesFromSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_CHOICES);
  });

  it('starts the plan with the switches saved in Settings', () => {
    const settings = { ...DEFAULT_SETTINGS, defaultTests: { relayTest: false, login: true } };
    expect(choicesFromSettings(settings)).toEqual({ relayTest: false, login: true });
    expect(auditOptionsFor(choicesFromSettings(settings), account('stored'))).toEqual({ relayTest: false });
  });
});

describe('auditOptionsFor', () => {
  it('runs everything, relay test as switched, when the login is on', () => {
    expect(auditOptionsFor({ relayTest: false, login: true }, account('stored'))).toEqual({
      relayTest: false,
    });
  });

  it('leaves out the login and the spoofing test that signs in when the login is switched off', () => {
    expect(auditOptionsFor({ relayTest: true, login: false }, account('stored'))).toEqual({
      relayTest: false,
      only: ['smtp', 'tls', 'dns'],
    });
  });

  it('ignores the login switch when no password is stored (only the methods are inspected)', () => {
    expect(auditOptionsFor({ relayTest: true, login: false }, account('missing'))).toEqual({
      relayTest: true,
    });
  });
});

describe('sortFindings', () => {
  const findings = [
    finding('a', 'info'),
    finding('b', 'critical'),
    finding('c', 'pass'),
    finding('d', 'info'),
  ];

  it('puts the worst first and keeps main’s order within a severity', () => {
    expect(sortFindings(findings).map((f) => f.id)).toEqual(['b', 'a', 'd', 'c']);
  });
});

describe('transcriptFor', () => {
  const transcript = [
    line('auth:mail.test:587', '235 ok'),
    line('smtp-reach:mail.test', '220 hello'),
    line('relay:mail.test', '550 no'),
  ];

  it('keeps the lines of the check that produced the finding', () => {
    expect(transcriptFor(finding('auth.x', 'high', 'auth:mail.test:587'), transcript)).toEqual([
      transcript[0],
    ]);
  });

  it('matches a finding that names the port to its check’s lines', () => {
    expect(transcriptFor(finding('smtp.reach.ok', 'pass', 'smtp-reach:mail.test:587'), transcript)).toEqual([
      transcript[1],
    ]);
  });

  it('does not borrow lines from a check whose id only starts the same', () => {
    expect(transcriptFor(finding('relay.x', 'pass', 'relay:mail.test2'), transcript)).toEqual([]);
  });
});

describe('evidence as text', () => {
  it('reads keys as words, protocol names in capitals', () => {
    expect(evidenceLabel('startTlsOffered')).toBe('Start TLS offered');
    expect(evidenceLabel('fingerprintSha256')).toBe('Fingerprint SHA256');
    expect(evidenceLabel('recordName')).toBe('Record name');
  });

  it('shows values compactly: lists joined, nothing as a dash, objects as JSON', () => {
    expect(evidenceText(['PLAIN', 'LOGIN'])).toBe('PLAIN, LOGIN');
    expect(evidenceText(null)).toBe('—');
    expect(evidenceText('')).toBe('—');
    expect(evidenceText(465)).toBe('465');
    expect(evidenceText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('splitEvidence', () => {
  it('shows the facts with human labels and folds how the check ran into technical details', () => {
    const { facts, technical } = splitEvidence({
      host: 'smtp.bakery.test',
      port: 587,
      fingerprintSha256: 'AB:CD',
      outcome: 'withheld',
      tlsAuthorized: false,
      elapsedMs: 127,
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      presetId: null,
      mechanisms: [],
      reply: { code: 535, text: 'no' },
    });
    expect(facts).toEqual([
      { key: 'host', label: 'Server', value: 'smtp.bakery.test' },
      { key: 'port', label: 'Port', value: '587' },
      { key: 'fingerprintSha256', label: 'Certificate fingerprint (SHA-256)', value: 'AB:CD' },
    ]);
    // Internal outcomes, flags, timings, library codes and nested data: for the curious, never in front.
    expect(technical.map((row) => row.key)).toEqual([
      'outcome',
      'tlsAuthorized',
      'elapsedMs',
      'authorizationError',
      'reply',
    ]);
    // Empty fields ("Preset ID –") are left out altogether.
    expect([...facts, ...technical].some((row) => row.key === 'presetId' || row.key === 'mechanisms')).toBe(
      false,
    );
  });

  it('tells protocol trivia (extensions, feature counts) from notes a person should read', () => {
    const note = (id: string) => finding(id, 'info');
    expect(isProtocolDetail(note('smtp.ext.chunking.absent'))).toBe(true);
    expect(isProtocolDetail(note('smtp.dialogue.capabilities-plain'))).toBe(true);
    expect(isProtocolDetail(note('relay.skipped'))).toBe(false);
  });
});
