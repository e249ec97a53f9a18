import { describe, expect, it } from 'vitest';
import {
  COMMON_DKIM_SELECTORS,
  providerOfCnameTarget,
  selectorsToTry,
} from '../../../../../main/core/checks/dkim/dkim-selectors';
import { PROVIDER_PRESETS } from '../../../../../main/core/accounts/provider-presets';

describe('DKIM selector discovery data', () => {
  it('tries the account selectors first, then the common list and every preset selector, once each', () => {
    const list = selectorsToTry(['Custom', 'google']);
    expect(list.slice(0, 2)).toEqual(['custom', 'google']);
    expect(new Set(list).size).toBe(list.length);
    for (const { selector } of COMMON_DKIM_SELECTORS) expect(list).toContain(selector);
    for (const preset of PROVIDER_PRESETS) for (const s of preset.dkimSelectors) expect(list).toContain(s);
  });

  it('names the provider behind a CNAME target on a label boundary', () => {
    expect(providerOfCnameTarget('abc123.dkim.amazonses.com.')).toBe('amazon-ses');
    expect(providerOfCnameTarget('fm1.example.com.dkim.fmhosted.com')).toBe('fastmail');
    expect(providerOfCnameTarget('selector1-example-com._domainkey.contoso.onmicrosoft.com')).toBe(
      'microsoft-365',
    );
    expect(providerOfCnameTarget('evildkim.amazonses.com')).toBeNull();
    expect(providerOfCnameTarget('dkim.example.test')).toBeNull();
  });

  it('only maps CNAME targets to presets that exist', () => {
    const ids = new Set(PROVIDER_PRESETS.map((preset) => preset.id));
    const targets = [
      'x.dkim.amazonses.com',
      'x.onmicrosoft.com',
      'x.dkim.fmhosted.com',
      'x.domains.proton.ch',
      'x.sendgrid.net',
      'x.mandrillapp.com',
      'x.dkim.brevo.com',
      'x.icloudmailadmin.com',
      'x.dkim.ionos.com',
      'x.mailgun.org',
    ];
    for (const target of targets) expect(ids.has(providerOfCnameTarget(target) ?? '')).toBe(true);
  });
});
