import { describe, expect, it } from 'vitest';
import type { AuditTargetDescription } from '../../../../preload/contract/audit';
import type { Finding } from '../../../../preload/contract/findings';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { proofPlan } from '../../../../main/core/prove/proof-plan';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import type { AuditCoverage } from '../../../../preload/contract/coverage';

const fromCatalogue = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const found = (id: string, checkId: string, evidence: Record<string, string | number> = {}): Finding =>
  fromCatalogue(id, checkId, evidence);

const TARGET: AuditTargetDescription = {
  kind: 'account',
  label: 'Bakery',
  domain: 'bakery.test',
  host: 'mail.bakery.test',
  port: 587,
  security: 'starttls',
};
const RAN: AuditCoverage = {
  checks: ['smtp-reach:h', 'tls:h:587', 'auth:h:587', 'relay:h:587', 'spf:d', 'dmarc:d', 'mx:d'].map(
    (checkId) => ({ checkId, title: checkId, area: 'dns' as const, status: 'ran' as const, blockedBy: null }),
  ),
  blockers: [],
};
const planOf = (findings: readonly Finding[]) =>
  assembleReport({
    tool: { name: 'Mailwarden', version: 'test' },
    target: TARGET,
    startedAt: '2026-12-05T10:00:00.000Z',
    finishedAt: '2026-12-05T10:00:01.000Z',
    cancelled: false,
    findings,
    transcript: [],
    coverage: RAN,
  }).plan;

describe('the fix plan', () => {
  it('makes TLS 1.0 and 1.1 on two ports one action for the server administrator, not four findings', () => {
    const plan = planOf([
      found('tls.protocol.tls1_0-accepted', 'tls:mail.bakery.test:465', { port: 465 }),
      found('tls.protocol.tls1_1-accepted', 'tls:mail.bakery.test:465', { port: 465 }),
      found('tls.protocol.tls1_0-accepted', 'tls:mail.bakery.test:587', { port: 587 }),
      found('tls.protocol.tls1_1-accepted', 'tls:mail.bakery.test:587', { port: 587 }),
      found('tls.protocol.modern', 'tls:mail.bakery.test:587'),
    ]);
    expect(plan.actions).toHaveLength(1);
    const [action] = plan.actions;
    expect(action).toMatchObject({
      id: 'tls.old-versions',
      title: 'Ports 465 and 587 accept TLS 1.0 and 1.1: switch them off',
      who: 'provider',
      where: ['port 465', 'port 587'],
    });
    expect(action?.findings).toHaveLength(4);
    // The fix is given once, not once per port and version.
    expect(new Set(action?.steps).size).toBe(action?.steps.length);
    expect(plan.verdict).toEqual({ tone: 'improve', sentence: 'Safe to use; 1 improvement recommended.' });
  });

  it('makes every weak class of cipher suites on two ports one action, since one cipher setting removes them', () => {
    const plan = planOf([
      found('tls.suites.null', 'tls:mail.bakery.test:465', {
        port: 465,
        cipher: 'NULL-SHA256',
        protocol: 'TLSv1.2',
      }),
      found('tls.suites.cbc', 'tls:mail.bakery.test:465', {
        port: 465,
        cipher: 'AES128-SHA',
        protocol: 'TLSv1.2',
      }),
      found('tls.suites.cbc', 'tls:mail.bakery.test:587', {
        port: 587,
        cipher: 'AES128-SHA',
        protocol: 'TLSv1.2',
      }),
      found('tls.suites.static-rsa', 'tls:mail.bakery.test:587', {
        port: 587,
        cipher: 'AES128-SHA',
        protocol: 'TLSv1.2',
      }),
    ]);
    expect(plan.actions.map((a) => [a.id, a.title, a.who, a.findings.length])).toEqual([
      [
        'tls.cipher-suites',
        'Ports 465 and 587 accept weak cipher suites: remove them from the server’s cipher list',
        'provider',
        4,
      ],
    ]);
  });

  it('joins a missing DMARC record and the bulk-sender rules it breaks into one DNS action with the record', () => {
    const plan = planOf([
      found('dmarc.record.missing', 'dmarc:bakery.test', { domain: 'bakery.test' }),
      found('bulk.dmarc-policy.fail', 'bulk-sender:bakery.test'),
      found('bulk.dmarc-alignment.fail', 'bulk-sender:bakery.test'),
      found('spf.record.found', 'spf:bakery.test'),
    ]);
    expect(plan.actions.map((a) => [a.id, a.title, a.who, a.findings.length])).toEqual([
      ['dmarc', 'Publish a DMARC record', 'dns', 3],
    ]);
    expect(plan.verdict).toEqual({ tone: 'fix', sentence: 'Fix before relying on it: 1 serious problem.' });
  });

  it('orders actions by impact and says stop for an open relay', () => {
    const plan = planOf([
      found('tls-rpt.record.missing', 'tls-rpt:bakery.test'),
      found('relay.open', 'relay:mail.bakery.test:587', { port: 587 }),
      found('dmarc.policy.none', 'dmarc:bakery.test'),
    ]);
    expect(plan.actions.map((a) => a.severity)).toEqual(['critical', 'medium', 'low']);
    expect(plan.verdict).toEqual({
      tone: 'stop',
      sentence: 'Stop: anyone on the internet can send mail through this server.',
    });
  });

  it('writes a message a host can act on without Mailwarden: what was seen, why, the change, the record', () => {
    const plan = planOf([found('dmarc.record.missing', 'dmarc:bakery.test', { domain: 'bakery.test' })]);
    const message = plan.actions[0]?.message ?? '';
    expect(message).toContain('the DNS records of bakery.test');
    expect(message).toContain('found this: Publish a DMARC record');
    expect(message).toContain('Why it matters: ');
    expect(message).toMatch(/What to change:\n1\. /);
    expect(message).not.toMatch(/--[a-z]/); // no CLI flags for a reader without the CLI
  });

  it('joins a test message that arrived unsigned or signed by another domain with the missing DKIM key: one action; Junk is its own', () => {
    const plan = planOf([
      found('dkim.discovery.none-found', 'dkim:bakery.test', { domain: 'bakery.test' }),
      found('message.dkim.unsigned', 'prove:message'),
      found('message.dkim.not-aligned', 'prove:message', {
        signingDomain: 'relay.example',
        fromDomain: 'bakery.test',
      }),
      found('message.proof.junk', 'prove:message', {
        to: 'ann@bakery.test',
        mailbox: 'Junk',
        waitedSeconds: 3,
      }),
    ]);
    const ids = plan.actions.map((action) => action.id);
    expect(ids).toContain('dkim-signing');
    expect(ids).toContain('message.proof.junk');
    expect(plan.actions).toHaveLength(2);
    const signing = plan.actions.find((action) => action.id === 'dkim-signing');
    expect(signing?.findings.map((finding) => finding.id).sort()).toEqual([
      'dkim.discovery.none-found',
      'message.dkim.not-aligned',
      'message.dkim.unsigned',
    ]);
  });

  it('plans nothing for passes, notes and findings about the audit itself', () => {
    const plan = planOf([
      found('tls.protocol.modern', 'tls:h:587'),
      found('smtp.ext.requiretls.absent', 'smtp-dialogue:h:587'),
      found('audit.check.timed-out', 'dane:bakery.test', { title: 'DANE' }),
    ]);
    expect(plan.actions).toEqual([]);
    expect(plan.verdict).toEqual({ tone: 'good', sentence: 'Safe to use; nothing to fix.' });
  });
});

describe('a test message’s own short plan', () => {
  it('groups an unsigned, misaligned message into one DKIM action and keeps Junk its own, with no test-message label', () => {
    const actions = proofPlan({
      provedAt: '2026-12-06T09:00:00.000Z',
      account: { label: 'Bakery', email: 'ann@bakery.test' },
      findings: [
        found('message.proof.inbox', 'prove:message', {
          to: 'ann@bakery.test',
          mailbox: 'INBOX',
          waitedSeconds: 2,
        }),
        found('message.dkim.unsigned', 'prove:message'),
        found('message.dkim.not-aligned', 'prove:message', {
          signingDomain: 'relay.example',
          fromDomain: 'bakery.test',
        }),
        found('message.proof.junk', 'prove:message', {
          to: 'ann@bakery.test',
          mailbox: 'Junk',
          waitedSeconds: 3,
        }),
      ],
    });
    expect(actions.map((action) => action.id).sort()).toEqual(['dkim-signing', 'message.proof.junk']);
    const signing = actions.find((action) => action.id === 'dkim-signing');
    expect(signing?.title).toBe('Turn on DKIM signing for your domain and publish its key');
    expect(signing?.where).toEqual([]);
    expect(signing?.message).toContain('found this: Turn on DKIM signing');
  });
});
