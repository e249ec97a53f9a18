import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../../preload/contract/accounts';
import { signedInFlash } from '../../../../../renderer/features/sign-in/signed-in-flash';

/** Shop orders, an OAuth account signed in as `signedInAs` (not yet known when undefined). */
function signedIn(signedInAs: string | undefined): AccountView {
  return {
    id: 'shop',
    label: 'Shop orders',
    email: 'ann@shop.example',
    domain: 'shop.example',
    host: 'smtp.shop.example',
    port: 587,
    security: 'starttls',
    username: 'ann@shop.example',
    dkimSelectors: [],
    clientGroup: null,
    presetId: null,
    signIn: {
      method: 'oauth',
      provider: 'oidc',
      issuer: 'https://id.shop.example',
      clientId: 'mailwarden',
      ...(signedInAs === undefined ? {} : { signedInAs }),
    },
    createdAt: '2026-12-06T12:00:00.000Z',
    updatedAt: '2026-12-06T12:00:00.000Z',
    hasPassword: 'stored',
  };
}

const saved = (address: string) => `Shop orders was saved and is signed in as ${address}.`;

describe('the flash after an OAuth sign-in', () => {
  it('confirms plainly when signed in as the account’s own address, whatever its case', () => {
    expect(signedInFlash(signedIn('Ann@Shop.Example'), 'Shop orders was saved.', saved)).toEqual({
      message: 'Shop orders was saved.',
    });
  });

  it('confirms plainly when the provider named no address', () => {
    expect(signedInFlash(signedIn(undefined), 'Shop orders was saved.', saved)).toEqual({
      message: 'Shop orders was saved.',
    });
  });

  it('is a warning alone, naming the other mailbox and asking to sign in as the account’s own', () => {
    expect(signedInFlash(signedIn('front-desk@shop.example'), 'Shop orders was saved.', saved)).toEqual({
      message: null,
      warning: {
        title: 'Shop orders was saved and is signed in as front-desk@shop.example.',
        paragraphs: [
          'This is not ann@shop.example: the tests would prove that other mailbox, not this account’s. Sign in again as ann@shop.example.',
        ],
      },
    });
  });
});
