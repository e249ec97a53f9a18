import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../preload/contract/findings';
import type { AreaScore, AuditScore, ScoreArea } from '../../../../preload/contract/score';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { gradeOf, scoreFindings } from '../../../../main/core/score/score-findings';

/** Findings built from the real catalogue, so a renamed id or a changed severity shows up here. */
const fromCatalogue = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const found = (id: string, checkId = `check:${id}`): Finding => fromCatalogue(id, checkId, {});

function area(score: AuditScore, name: ScoreArea): AreaScore {
  const result = score.areas.find((a) => a.area === name);
  if (result === undefined) throw new Error(`no ${name} area`);
  return result;
}

/** One passing finding per area, so every area is tested and perfect. */
const ALL_GOOD = [
  'smtp.reach.ok',
  'tls.protocol.modern',
  'auth.login.accepted',
  'relay.closed',
  'spf.record.found',
  'mx.records.present',
].map((id) => found(id));

describe('scoreFindings', () => {
  it('grades nothing when nothing was tested: no area is a free 100', () => {
    const score = scoreFindings([]);
    expect(score.overall).toBeNull();
    expect(score.areas.map((a) => a.label)).toEqual([
      'Connection',
      'Encryption',
      'Login',
      'Abuse protection',
      'Domain authentication',
      'Deliverability rules',
      'Incoming mail',
    ]);
    for (const a of score.areas) {
      expect(a).toMatchObject({ score: null, grade: null });
      expect(Object.values(a.counts).every((n) => n === 0)).toBe(true);
    }
  });

  it('gives 100 and an A to a tested area with only passing and informational findings', () => {
    const score = scoreFindings([
      found('spf.record.found'),
      found('dmarc.policy.reject'),
      found('bimi.record.missing'),
    ]);
    expect(area(score, 'domain-authentication')).toMatchObject({ score: 100, grade: 'A' });
    expect(area(score, 'domain-authentication').counts).toMatchObject({ pass: 2, info: 1 });
    expect(area(score, 'login')).toMatchObject({ score: null, grade: null });
  });

  it('deducts 5 for low, 15 for medium and 30 for high', () => {
    // DMARC p=none (medium) and a DKIM key in testing mode (low): 100 - 15 - 5.
    const mild = scoreFindings([
      found('spf.record.found'),
      found('dmarc.policy.none'),
      found('dkim.key.testing'),
    ]);
    expect(area(mild, 'domain-authentication')).toMatchObject({ score: 80, grade: 'B' });
    expect(area(mild, 'domain-authentication').counts).toMatchObject({ pass: 1, medium: 1, low: 1, high: 0 });
    // Login offered before encryption (high): 100 - 30.
    expect(area(scoreFindings([found('auth.cleartext.offered')]), 'login')).toMatchObject({
      score: 70,
      grade: 'C',
    });
  });

  it('deducts once for the same problem on several ports, but counts each finding', () => {
    const score = scoreFindings([
      found('tls.protocol.tls1_0-accepted', 'tls:mail.example.com:465'),
      found('tls.protocol.tls1_0-accepted', 'tls:mail.example.com:587'),
      found('tls.protocol.tls1_1-accepted', 'tls:mail.example.com:587'),
    ]);
    expect(area(score, 'encryption')).toMatchObject({ score: 70, grade: 'C' });
    expect(area(score, 'encryption').counts.medium).toBe(3);
  });

  it('never goes below 0', () => {
    const score = scoreFindings(
      ['spf.record.missing', 'dmarc.record.missing', 'dkim.cname.broken', 'dkim.key.syntax'].map((id) =>
        found(id),
      ),
    );
    expect(area(score, 'domain-authentication')).toMatchObject({ score: 0, grade: 'F' });
  });

  it('leaves an area untested when its checks did not run, and scores no audit-internal finding', () => {
    const score = scoreFindings([
      found('relay.skipped'),
      found('spoofing.skipped'),
      found('audit.check.timed-out'),
      found('smtp.reach.ok'),
    ]);
    expect(area(score, 'abuse-protection')).toMatchObject({ score: null, grade: null });
    expect(area(score, 'abuse-protection').counts.info).toBe(2);
    expect(score.areas.reduce((sum, a) => sum + a.counts.info, 0)).toBe(2);
    expect(score.overall).toEqual({ score: 100, grade: 'A' });
  });

  it('fails an area with a critical finding and caps the overall grade at D', () => {
    const score = scoreFindings([...ALL_GOOD, found('relay.open')]);
    expect(area(score, 'abuse-protection')).toMatchObject({ score: 40, grade: 'F' });
    expect(area(score, 'abuse-protection').counts.critical).toBe(1);
    // Without the cap: (100*1 + 100*2 + 100*2 + 40*3 + 100*2 + 100*1) / 11 = 84 (B).
    expect(score.overall).toEqual({ score: 64, grade: 'D' });
  });

  it('lets a poor overall score stand below the critical cap', () => {
    const score = scoreFindings([found('spf.all.plus-all'), found('dmarc.record.missing')]);
    expect(area(score, 'domain-authentication')).toMatchObject({ score: 10, grade: 'F' });
    expect(score.overall).toEqual({ score: 10, grade: 'F' });
  });

  it('weighs the areas: abuse protection 3, login 2, connection 1', () => {
    // Abuse protection 70 (weight 3) and login 100 (weight 2): (210 + 200) / 5 = 82, not the plain mean 85.
    const withLogin = scoreFindings([
      found('spoofing.foreign-domain.accepted'),
      found('auth.login.accepted'),
    ]);
    expect(withLogin.overall).toEqual({ score: 82, grade: 'B' });
    // The same abuse score with connection 100 (weight 1): (210 + 100) / 4 = 77.5, rounded to 78.
    const withConnection = scoreFindings([found('spoofing.foreign-domain.accepted'), found('smtp.reach.ok')]);
    expect(withConnection.overall).toEqual({ score: 78, grade: 'C' });
  });

  it('gives the README example its documented result', () => {
    const score = scoreFindings(
      [
        'dmarc.policy.none',
        'spf.record.found',
        'mta-sts.record.missing',
        'tls-rpt.record.missing',
        'mx.records.present',
      ].map((id) => found(id)),
    );
    expect(area(score, 'domain-authentication')).toMatchObject({ score: 85, grade: 'B' });
    expect(area(score, 'encryption')).toMatchObject({ score: 90, grade: 'A' });
    expect(area(score, 'deliverability')).toMatchObject({ score: 100, grade: 'A' });
    expect(score.areas.filter((a) => a.score === null).map((a) => a.label)).toEqual([
      'Connection',
      'Login',
      'Abuse protection',
      'Incoming mail',
    ]);
    expect(score.overall).toEqual({ score: 90, grade: 'A' });
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
    // Two low findings (VRFY and EXPN both answer): 90, still an A; a medium one on top drops it to C.
    const two = scoreFindings([found('smtp.vrfy.discloses'), found('smtp.expn.discloses')]);
    expect(area(two, 'abuse-protection')).toMatchObject({ score: 90, grade: 'A' });
    const three = scoreFindings([
      found('smtp.vrfy.discloses'),
      found('smtp.expn.discloses'),
      found('spoofing.same-domain.accepted'),
    ]);
    expect(area(three, 'abuse-protection')).toMatchObject({ score: 75, grade: 'C' });
  });
});
