import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditCoverage, CheckCoverage } from '../../../../preload/contract/coverage';
import type { Finding } from '../../../../preload/contract/findings';
import { GRADES, type AreaScore, type AuditScore, type ScoreArea } from '../../../../preload/contract/score';
import { blockerOf } from '../../../../main/core/coverage/blockers';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { gradeOf, scoreAudit } from '../../../../main/core/score/score-audit';

/** Findings built from the real catalogue, so a renamed id or a changed severity shows up here. */
const fromCatalogue = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const found = (id: string, checkId = `check:${id}`): Finding => fromCatalogue(id, checkId, {});

/** One check per kind that decides an area, every one ran: a complete account audit on port 587. */
const CHECK_IDS = [
  'smtp-reach:mx.test',
  'smtp-dialogue:mx.test:587',
  'tls:mx.test:587',
  'auth:mx.test:587',
  'relay:mx.test:587',
  'spf:a.test',
  'dmarc:a.test',
  'mx:a.test',
];
const check = (checkId: string, over: Partial<CheckCoverage> = {}): CheckCoverage => ({
  checkId,
  title: `Check ${checkId}`,
  area: 'dns',
  status: 'ran',
  blockedBy: null,
  ...over,
});
const ALL_RAN: AuditCoverage = { checks: CHECK_IDS.map((id) => check(id)), blockers: [] };

const score = (findings: readonly Finding[], coverage: AuditCoverage = ALL_RAN, cancelled = false) =>
  scoreAudit({ findings, coverage, cancelled, context: { accountPort: 587 } });

function area(result: AuditScore, name: ScoreArea): AreaScore {
  const found = result.areas.find((a) => a.area === name);
  if (found === undefined) throw new Error(`no ${name} area`);
  return found;
}

describe('scoreAudit: area scores', () => {
  it('deducts 5 for low, 15 for medium and 30 for high, once per problem however many ports show it', () => {
    const result = score([
      found('dmarc.policy.none'),
      found('dkim.key.testing'),
      found('tls.protocol.tls1_0-accepted', 'tls:mx.test:465'),
      found('tls.protocol.tls1_0-accepted', 'tls:mx.test:587'),
      found('auth.cleartext.offered'),
    ]);
    expect(area(result, 'domain-authentication')).toMatchObject({ status: 'tested', score: 80, grade: 'B' });
    expect(area(result, 'encryption')).toMatchObject({ score: 85 });
    expect(area(result, 'encryption').counts.medium).toBe(2);
    expect(area(result, 'login')).toMatchObject({ score: 70, grade: 'C' });
  });

  it('draws the grade boundaries at 90, 80, 65 and 50', () => {
    expect([100, 90, 89, 80, 79, 65, 64, 50, 49, 0].map(gradeOf)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'F',
      'F',
    ]);
  });

  it('weighs the areas: abuse protection 3, login and encryption 2, connection 1', () => {
    // Abuse protection 70 (x3), everything else 100: (6*100 + ... ) = (1+2+2+2+1)*100 + 3*70 = 1010 / 11 = 92.
    const result = score([found('spoofing.foreign-domain.accepted')]);
    expect(result.overall).toMatchObject({ uncappedScore: 92 });
  });
});

describe('scoreAudit: what was tested', () => {
  it('says "not asked" for an area no planned check decides, and grades without it', () => {
    const dnsOnly: AuditCoverage = {
      checks: ['spf:a.test', 'dmarc:a.test', 'mx:a.test'].map((id) => check(id)),
      blockers: [],
    };
    const result = score([found('spf.record.found')], dnsOnly);
    expect(area(result, 'login')).toMatchObject({ status: 'not-asked', score: null, grade: null });
    expect(area(result, 'domain-authentication')).toMatchObject({ status: 'tested', grade: 'A' });
    expect(result.overall).toMatchObject({ grade: 'A', partial: false });
  });

  it('gives no overall grade, and says why, when an asked area could not be tested', () => {
    const down = blockerOf({ kind: 'dns-unreachable', subject: '127.0.0.1:9' });
    const coverage: AuditCoverage = {
      checks: ['spf:a.test', 'dmarc:a.test', 'mx:a.test'].map((id) =>
        check(id, { status: 'not-run', blockedBy: down.id }),
      ),
      blockers: [down],
    };
    const result = score([], coverage);
    expect(result.overall).toBeNull();
    expect(area(result, 'domain-authentication')).toMatchObject({ status: 'not-tested', grade: null });
    expect(area(result, 'domain-authentication').why).toEqual([down.message]);
    expect(result.incomplete).toEqual([
      `Domain authentication and deliverability rules could not be tested. ${down.message}`,
    ]);
  });

  it('grades a partly tested area on what ran, and says the overall grade is partial', () => {
    const coverage: AuditCoverage = {
      checks: [...ALL_RAN.checks, check('dane:a.test', { status: 'timed-out' })],
      blockers: [],
    };
    const result = score([found('tls.protocol.modern')], coverage);
    expect(area(result, 'encryption')).toMatchObject({ status: 'partly-tested', score: 100 });
    expect(area(result, 'encryption').why).toEqual(['Check dane:a.test did not finish in time.']);
    expect(result.overall).toMatchObject({ grade: 'A', partial: true });
  });

  it('treats a switched-off test as not asked, not as a gap', () => {
    const off = blockerOf({ kind: 'not-asked', subject: 'The open relay test' });
    const coverage: AuditCoverage = {
      checks: ALL_RAN.checks.map((c) =>
        c.checkId.startsWith('relay:') ? { ...c, status: 'not-run', blockedBy: off.id } : c,
      ),
      blockers: [off],
    };
    const result = score([found('relay.skipped')], coverage);
    expect(area(result, 'abuse-protection')).toMatchObject({ status: 'not-asked', grade: null });
    expect(result.overall?.grade).toBe('A');
  });

  it('is incomplete when the run was cancelled, whatever ran before', () => {
    const result = score([found('tls.protocol.modern')], ALL_RAN, true);
    expect(result.overall).toBeNull();
    expect(result.incomplete).toContain('The run was cancelled before every check finished.');
  });
});

describe('scoreAudit: caps', () => {
  const capOf = (findings: readonly Finding[]) => {
    const result = score(findings);
    return { grade: result.overall?.grade, caps: result.overall?.caps.map((c) => [c.grade, c.reason]) };
  };

  it('fails an open relay whatever else scores, and shows the uncapped score', () => {
    const result = score([found('relay.open')]);
    expect(area(result, 'abuse-protection')).toMatchObject({ score: 40, grade: 'F' });
    expect(result.overall).toMatchObject({ grade: 'F', score: 49, uncappedScore: 84 });
    expect(result.overall?.caps[0]).toMatchObject({
      rule: 'open-relay',
      grade: 'F',
      reason: 'anyone on the internet can send mail through this server',
      findingIds: ['relay.open'],
    });
  });

  it('caps an untrusted certificate on the account port at D, but not on another port', () => {
    expect(capOf([found('tls.expiry.expired', 'tls:mx.test:587')])).toMatchObject({
      grade: 'D',
      caps: [['D', 'the certificate on port 587, which the mail program uses, has expired']],
    });
    // On port 25 it is still a serious problem (B at best), but mail programs never see it.
    expect(capOf([found('tls.expiry.expired', 'tls:mx.test:25')]).caps?.[0]?.[0]).toBe('B');
  });

  it('caps an untrusted certificate on the incoming port the mail program reads from at D, not on another incoming port', () => {
    const withIncoming = (findings: readonly Finding[]) => {
      const result = scoreAudit({
        findings,
        coverage: ALL_RAN,
        cancelled: false,
        context: { accountPort: 587, incomingPort: 993 },
      });
      return result.overall?.caps.map((c) => [c.grade, c.reason]);
    };
    expect(withIncoming([found('tls.certificate.self-signed', 'imap-tls:imap.test:993')])).toEqual([
      ['D', 'the certificate on port 993, which the mail program reads mail from, is self-signed'],
    ]);
    // 143 is not where this account reads mail: a serious problem, but no D.
    expect(withIncoming([found('tls.certificate.self-signed', 'imap-tls:imap.test:143')])?.[0]?.[0]).toBe(
      'B',
    );
    // An incoming check on the sending port's number is still the incoming server's.
    expect(withIncoming([found('tls.certificate.self-signed', 'pop3-tls:pop.test:587')])?.[0]?.[0]).toBe('B');
  });

  it('caps login before encryption at C and old TLS versions at B', () => {
    expect(capOf([found('auth.cleartext.offered')])).toMatchObject({ grade: 'C' });
    expect(capOf([found('tls.protocol.tls1_1-accepted')])).toMatchObject({
      grade: 'B',
      caps: [['B', 'the server still accepts TLS 1.0 or 1.1, retired by RFC 8996']],
    });
  });

  it('caps weak suites and a small DH group at B, as SSL Labs does, even when only low or medium', () => {
    const weakDh = found('tls.dh.weak', 'tls:mx.test:587');
    expect(weakDh.severity).toBe('medium');
    expect(capOf([weakDh])).toMatchObject({
      grade: 'B',
      caps: [['B', 'the server accepts weak cipher suites or key exchange']],
    });
    expect(
      capOf([found('tls.suites.null', 'tls:mx.test:587'), found('tls.protocol.tls1_0-accepted')]).caps?.[0],
    ).toEqual([
      'B',
      'the server still accepts TLS 1.0 or 1.1, retired by RFC 8996, and weak cipher suites or key exchange',
    ]);
    // CBC and static RSA are weaknesses to remove, not a cap: a server with them can still be an A.
    expect(capOf([found('tls.suites.cbc', 'tls:mx.test:587')])).toMatchObject({ grade: 'A', caps: [] });
  });

  it('never gives an A while a high or critical finding stands', () => {
    const high = capOf([found('dmarc.record.missing')]);
    expect(high.grade).toBe('B');
    expect(high.caps?.[0]?.[1]).toMatch(/^a serious problem stands: “/);
    expect(capOf([found('spf.all.plus-all')]).grade).toBe('D');
  });

  it('never raises a grade when a finding is added or made worse (property)', () => {
    const ids = [...FINDINGS_CATALOGUE.keys()].filter((id) => !id.startsWith('audit.'));
    const port = fc.constantFrom('25', '465', '587');
    const anyFinding = fc
      .tuple(fc.constantFrom(...ids), port)
      .map(([id, p]) => found(id, `${id.split('.')[0] ?? 'x'}:mx.test:${p}`));
    const rank = (result: AuditScore) => GRADES.indexOf(result.overall?.grade ?? 'A');
    fc.assert(
      fc.property(fc.array(anyFinding, { maxLength: 12 }), anyFinding, (base, extra) => {
        const before = score(base);
        const after = score([...base, extra]);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        expect(after.overall?.score ?? 0).toBeLessThanOrEqual(before.overall?.score ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});
