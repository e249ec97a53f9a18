import { describe, expect, it } from 'vitest';
import { SCORE_AREAS } from '../../../../preload/contract/score';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { SCORE_AREA_TABLE, areasFedBy, scoreAreaOf } from '../../../../main/core/score/score-areas';

describe('score areas', () => {
  it('lists the six areas once each, in the contract order, with positive weights', () => {
    expect(SCORE_AREA_TABLE.map((info) => info.area)).toEqual([...SCORE_AREAS]);
    for (const info of SCORE_AREA_TABLE) expect(info.weight).toBeGreaterThan(0);
  });

  it('puts every catalogue finding in exactly one area, except findings about the audit itself or one message', () => {
    for (const id of FINDINGS_CATALOGUE.keys()) {
      const matches = SCORE_AREA_TABLE.flatMap((info) => info.prefixes).filter((p) => id.startsWith(p));
      // `mailwarden analyse` judges one message, not an account: its findings feed no account score.
      if (id.startsWith('audit.') || id.startsWith('message.')) {
        expect(matches, id).toEqual([]);
        expect(scoreAreaOf(id), id).toBeNull();
      } else {
        expect(matches, id).toHaveLength(1);
      }
    }
  });

  it('has no prefix that matches nothing (a typo would silently leave findings unscored)', () => {
    for (const prefix of SCORE_AREA_TABLE.flatMap((info) => info.prefixes))
      expect(
        [...FINDINGS_CATALOGUE.keys()].some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it('splits the SMTP findings by what they are about', () => {
    expect(scoreAreaOf('smtp.reach.ok')).toBe('connection');
    expect(scoreAreaOf('smtp.dialogue.banner')).toBe('connection');
    expect(scoreAreaOf('smtp.ext.size.offered')).toBe('connection');
    expect(scoreAreaOf('smtp.starttls.not-offered')).toBe('encryption');
    expect(scoreAreaOf('smtp.vrfy.discloses')).toBe('abuse-protection');
    expect(scoreAreaOf('smtp.expn.discloses')).toBe('abuse-protection');
  });

  it('counts the STARTTLS injection test towards encryption, so its gap leaves encryption partly tested', () => {
    expect(areasFedBy('smtp-starttls-injection:mail.example.com:587')).toEqual(['encryption']);
    expect(areasFedBy('tls:mail.example.com:465')).toEqual(['encryption']);
  });

  it('maps the domain checks to encryption, domain authentication and deliverability', () => {
    expect(scoreAreaOf('tls-rpt.record.missing')).toBe('encryption');
    expect(scoreAreaOf('mta-sts.mode.testing')).toBe('encryption');
    expect(scoreAreaOf('dane.tlsa.no-match')).toBe('encryption');
    expect(scoreAreaOf('bimi.record.ok')).toBe('domain-authentication');
    expect(scoreAreaOf('dmarc.policy.none')).toBe('domain-authentication');
    expect(scoreAreaOf('rdns.ptr.missing')).toBe('deliverability');
    expect(scoreAreaOf('bulk.tls.fail')).toBe('deliverability');
    expect(scoreAreaOf('auth.login.accepted')).toBe('login');
    expect(scoreAreaOf('spoofing.foreign-domain.accepted')).toBe('abuse-protection');
    expect(scoreAreaOf('nothing.like.this')).toBeNull();
  });
});
