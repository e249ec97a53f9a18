import { describe, expect, it } from 'vitest';
import type {
  DiscoveryCandidate,
  IncomingDiscoveryCandidate,
  ProviderPreset,
} from '../../../../../preload/contract/providers';
import {
  describeFound,
  describeIncoming,
  proposedIncoming,
  domainToLookUp,
  isRecommended,
  manualValues,
  quickSetupInput,
} from '../../../../../renderer/features/quick-setup/quick-setup-model';
import { secretLabel } from '../../../../../renderer/lib/secret-label';
import {
  INITIAL_VALUES,
  withEndpoint,
} from '../../../../../renderer/features/add-account/account-form-state';

/** A provider as main sends it; only what quick setup reads differs between them. */
function provider(id: string, extra: Partial<ProviderPreset> = {}): ProviderPreset {
  return {
    id,
    name: id,
    endpoints: [],
    usernameHint: 'your full email address',
    quirks: [],
    emailDomains: [],
    mxSuffixes: [],
    dkimSelectors: [],
    sources: [],
    ...extra,
  };
}

const PRESETS: Record<string, ProviderPreset> = {
  gmail: provider('gmail', { secretKind: 'app-password' }),
  sendgrid: provider('sendgrid', { secretKind: 'api-key', fixedUsername: 'apikey' }),
  brevo: provider('brevo', { secretKind: 'smtp-key' }),
  'proton-bridge': provider('proton-bridge', { secretKind: 'bridge-password' }),
};

function preset(id: string): ProviderPreset {
  const found = PRESETS[id];
  if (found === undefined) throw new Error(`No preset ${id}`);
  return found;
}

const TLS: DiscoveryCandidate = {
  host: 'smtp.example.com',
  port: 465,
  security: 'tls',
  source: 'autoconfig',
  reason: 'The domain’s own autoconfig file lists this server.',
};
const STARTTLS: DiscoveryCandidate = { ...TLS, port: 587, security: 'starttls' };
const PLAIN: DiscoveryCandidate = { ...TLS, port: 25, security: 'none' };

describe('quick setup', () => {
  it('looks up only a whole address', () => {
    expect(domainToLookUp(' Ann@Example.COM ')).toBe('example.com');
    expect(domainToLookUp('ann@example')).toBeNull();
    expect(domainToLookUp('@example.com')).toBeNull();
    expect(domainToLookUp('ann-at-example.com')).toBeNull();
    expect(domainToLookUp('ann@.example.com')).toBeNull();
  });

  it('says what was found in one sentence, recommending only an encrypted first choice', () => {
    expect(describeFound(TLS, isRecommended([TLS, STARTTLS], TLS))).toBe(
      'Configuration found: smtp.example.com:465, encrypted (recommended)',
    );
    expect(describeFound(STARTTLS, isRecommended([TLS, STARTTLS], STARTTLS))).toBe(
      'Configuration found: smtp.example.com:587, encrypted after connecting (STARTTLS)',
    );
    expect(isRecommended([PLAIN], PLAIN)).toBe(false);
  });

  it('names the password field after what the provider wants', () => {
    expect(secretLabel(preset('gmail'))).toBe('App password');
    expect(secretLabel(preset('sendgrid'))).toBe('API key');
    expect(secretLabel(preset('brevo'))).toBe('SMTP key');
    expect(secretLabel(preset('proton-bridge'))).toBe('Bridge password');
    expect(secretLabel(null)).toBe('Password');
  });

  it('saves the chosen server, with the fixed username a provider requires', () => {
    expect(quickSetupInput(' ann@example.com ', TLS, null)).toEqual({
      email: 'ann@example.com',
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
    });
    const sendgrid = preset('sendgrid');
    expect(quickSetupInput('ann@example.com', { ...TLS, presetId: 'sendgrid' }, sendgrid)).toMatchObject({
      presetId: 'sendgrid',
      username: 'apikey',
    });
  });

  it('saves the incoming server found, reading with the sending password, but never a clear-text one', () => {
    const imaps: IncomingDiscoveryCandidate = {
      protocol: 'imap',
      host: 'imap.example.com',
      port: 993,
      security: 'tls',
      source: 'srv-imaps',
      reason: '_imaps._tcp.example.com points here.',
    };
    const plainPop: IncomingDiscoveryCandidate = {
      ...imaps,
      protocol: 'pop3',
      port: 110,
      security: 'none',
      source: 'autoconfig',
    };
    expect(quickSetupInput('ann@example.com', TLS, null, imaps).incoming).toEqual({
      protocol: 'imap',
      host: 'imap.example.com',
      port: 993,
      security: 'tls',
      ownPassword: false,
    });
    expect(quickSetupInput('ann@example.com', TLS, null, plainPop)).not.toHaveProperty('incoming');
    expect(proposedIncoming([plainPop, imaps])).toBe(imaps);
    expect(proposedIncoming([plainPop])).toBeNull();
    expect(describeIncoming(imaps)).toBe(
      'Reading mail (IMAP): imap.example.com:993, encrypted, found in the domain’s DNS records (SRV). It uses the same password.',
    );
  });

  it('opens the full form with the address, password and chosen server, or with none', () => {
    expect(manualValues('ann@example.com', 'pw', { candidate: STARTTLS, preset: null })).toMatchObject({
      email: 'ann@example.com',
      password: 'pw',
      host: 'smtp.example.com',
      port: '587',
      security: 'starttls',
      presetId: null,
    });
    expect(manualValues('ann@example.com', '', null)).toMatchObject({ host: '', presetId: null });
  });

  it('switching provider in the full form drops the username the previous provider fixed', () => {
    const sendgrid = preset('sendgrid');
    const filled = withEndpoint(INITIAL_VALUES, TLS, sendgrid);
    expect(filled.username).toBe('apikey');
    expect(withEndpoint(filled, STARTTLS, preset('gmail'), sendgrid)).toMatchObject({
      username: '',
      presetId: 'gmail',
      port: '587',
    });
    // A username the person typed stays.
    const typed = { ...filled, username: 'ann' };
    expect(withEndpoint(typed, STARTTLS, preset('gmail'), sendgrid).username).toBe('ann');
  });
});
