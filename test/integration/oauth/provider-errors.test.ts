/**
 * Microsoft's and Google's sign-in errors in plain words, and Microsoft's `organizations` issuer, over the
 * real path: openid-client through Mailwarden's provider fetch, HTTPS from the test CA, names resolved by
 * a real DNS server (Knot) to one loopback HTTPS server that answers as login.microsoftonline.com,
 * accounts.google.com and oauth2.googleapis.com do, with the error bodies shaped as they document them.
 *
 * The host names must be the real ones: openid-client accepts the `{tenantid}` issuer template of
 * Microsoft's multi-tenant discovery document only from https://login.microsoftonline.com.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureContext, type SecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../main/adapters/dns-resolver';
import { createProviderFetch } from '../../../main/adapters/oauth/provider-fetch';
import { signInWithDeviceCode } from '../../../main/core/oauth/device-sign-in-flow';
import { OAuthError } from '../../../main/core/oauth/oauth-error';
import { PROVIDER_PROFILES } from '../../../main/core/oauth/oauth-providers';
import { connectToProvider, type OAuthSignInMethod } from '../../../main/core/oauth/provider-connection';
import { refreshAccessToken } from '../../../main/core/oauth/token-requests';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki } from '../../helpers/test-certificates';

const MICROSOFT = 'login.microsoftonline.com';
const GOOGLE_ACCOUNTS = 'accounts.google.com';
const GOOGLE_TOKENS = 'oauth2.googleapis.com';

/** Microsoft's multi-tenant discovery document, as https://login.microsoftonline.com/organizations/v2.0 serves it. */
const MICROSOFT_DISCOVERY = {
  token_endpoint: `https://${MICROSOFT}/organizations/oauth2/v2.0/token`,
  token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
  jwks_uri: `https://${MICROSOFT}/organizations/discovery/v2.0/keys`,
  response_modes_supported: ['query', 'fragment', 'form_post'],
  subject_types_supported: ['pairwise'],
  id_token_signing_alg_values_supported: ['RS256'],
  response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
  scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
  issuer: `https://${MICROSOFT}/{tenantid}/v2.0`,
  request_uri_parameter_supported: false,
  userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
  authorization_endpoint: `https://${MICROSOFT}/organizations/oauth2/v2.0/authorize`,
  device_authorization_endpoint: `https://${MICROSOFT}/organizations/oauth2/v2.0/devicecode`,
  http_logout_supported: true,
  frontchannel_logout_supported: true,
  end_session_endpoint: `https://${MICROSOFT}/organizations/oauth2/v2.0/logout`,
  claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'email', 'tid'],
  kerberos_endpoint: `https://${MICROSOFT}/organizations/kerberos`,
  tenant_region_scope: null,
  cloud_instance_name: 'microsoftonline.com',
  cloud_graph_host_name: 'graph.windows.net',
  msgraph_host: 'graph.microsoft.com',
  rbac_url: 'https://pas.windows.net',
};

/** Google's discovery document (the fields that matter here), as https://accounts.google.com serves it. */
const GOOGLE_DISCOVERY = {
  issuer: `https://${GOOGLE_ACCOUNTS}`,
  authorization_endpoint: `https://${GOOGLE_ACCOUNTS}/o/oauth2/v2/auth`,
  device_authorization_endpoint: `https://${GOOGLE_TOKENS}/device/code`,
  token_endpoint: `https://${GOOGLE_TOKENS}/token`,
  userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
  revocation_endpoint: `https://${GOOGLE_TOKENS}/revoke`,
  jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
  response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'none'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  scopes_supported: ['openid', 'email', 'profile'],
  token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
  code_challenge_methods_supported: ['plain', 'S256'],
  grant_types_supported: [
    'authorization_code',
    'refresh_token',
    'urn:ietf:params:oauth:grant-type:device_code',
    'urn:ietf:params:oauth:grant-type:jwt-bearer',
  ],
};

/** Microsoft's token endpoint error body (Microsoft Learn, "Microsoft identity platform and OAuth 2.0"). */
function microsoftError(error: string, code: number, text: string, suberror?: string) {
  return {
    error,
    error_description: `AADSTS${String(code)}: ${text} Trace ID: 0f5c6a0e-3b1c-4c5e-9a8b-1d2e3f405060 Correlation ID: 7a8b9c0d-1e2f-4a3b-8c4d-5e6f70819203 Timestamp: 2026-12-06 10:12:31Z`,
    error_codes: [code],
    timestamp: '2026-12-06 10:12:31Z',
    trace_id: '0f5c6a0e-3b1c-4c5e-9a8b-1d2e3f405060',
    correlation_id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f70819203',
    error_uri: `https://${MICROSOFT}/error?code=${String(code)}`,
    ...(suberror === undefined ? {} : { suberror }),
  };
}

/** What the token endpoints answer to each refresh token the tests present. */
const TOKEN_ANSWERS: Readonly<Record<string, { status: number; body: object }>> = {
  'ms-mfa': {
    status: 400,
    body: microsoftError(
      'invalid_grant',
      50076,
      "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.",
      'basic_action',
    ),
  },
  'ms-consent': {
    status: 400,
    body: microsoftError(
      'invalid_grant',
      65001,
      "The user or administrator has not consented to use the application with ID '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0' named 'Mailwarden'. Send an interactive authorization request for this user and resource.",
      'consent_required',
    ),
  },
  'ms-app-not-found': {
    status: 400,
    body: microsoftError(
      'unauthorized_client',
      700016,
      "Application with identifier '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
    ),
  },
  'ms-secret-required': {
    status: 401,
    body: microsoftError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  },
  'google-client-not-found': {
    status: 401,
    body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
  },
  'google-admin-policy': {
    status: 400,
    body: {
      error: 'admin_policy_enforced',
      error_description: 'Access to your account data is restricted by policies within your organization.',
    },
  },
};

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

interface Answer {
  readonly status: number;
  readonly body: object;
}

/** What the loopback server answers as each host; null for a path it does not serve. */
function answerFor(host: string, path: string, form: URLSearchParams): Answer | null {
  if (host === MICROSOFT && path === '/organizations/v2.0/.well-known/openid-configuration')
    return { status: 200, body: MICROSOFT_DISCOVERY };
  if (host === GOOGLE_ACCOUNTS && path === '/.well-known/openid-configuration')
    return { status: 200, body: GOOGLE_DISCOVERY };
  // Google's device endpoint refuses Gmail's scope: only a few scopes are allowed with the device grant.
  if (host === GOOGLE_TOKENS && path === '/device/code')
    return {
      status: 400,
      body: {
        error: 'invalid_scope',
        error_description: 'Invalid device flow scope: https://mail.google.com/',
      },
    };
  const answer = TOKEN_ANSWERS[form.get('refresh_token') ?? ''];
  if (answer !== undefined && (path === '/organizations/oauth2/v2.0/token' || path === '/token'))
    return answer;
  if (path === '/organizations/oauth2/v2.0/token')
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: 'https://outlook.office.com/SMTP.Send',
        expires_in: 3600,
        access_token: 'eyJ0eXAi.ms-access.sig',
      },
    };
  return null;
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').split(':')[0] ?? '';
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    const answer = answerFor(host, path, new URLSearchParams(text));
    if (answer === null) res.writeHead(404).end();
    else json(res, answer.status, answer.body);
  });
}

describe('Microsoft and Google sign-in errors in plain words, over HTTPS with their own host names', () => {
  let server: Server;
  let knot: KnotServer;
  let fetch: ReturnType<typeof createProviderFetch>;

  beforeAll(async () => {
    const pki = await getTestPki();
    const contexts = new Map<string, SecureContext>();
    for (const name of [MICROSOFT, GOOGLE_ACCOUNTS, GOOGLE_TOKENS]) {
      const leaf = await pki.leaf('good', name);
      contexts.set(name, createSecureContext({ cert: leaf.certPem, key: leaf.keyPem }));
    }
    const fallback = await pki.leaf('good', MICROSOFT);
    server = createServer(
      {
        cert: fallback.certPem,
        key: fallback.keyPem,
        SNICallback: (name, done) => {
          done(null, contexts.get(name));
        },
      },
      route,
    );
    const address = await listenOnPort443(server);
    knot = await startKnot({
      'microsoftonline.com': `login A ${address}`,
      'google.com': `accounts A ${address}`,
      'googleapis.com': `oauth2 A ${address}`,
    });
    fetch = createProviderFetch({
      resolver: createDnsResolver({ server: { host: knot.address, port: knot.port } }),
      extraCaPem: pki.caPem,
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await knot.stop();
  });

  const microsoft: OAuthSignInMethod = {
    method: 'oauth',
    provider: 'microsoft',
    issuer: PROVIDER_PROFILES.microsoft.defaultIssuer ?? '',
    clientId: '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0',
  };
  const google: OAuthSignInMethod = {
    method: 'oauth',
    provider: 'google',
    issuer: PROVIDER_PROFILES.google.defaultIssuer ?? '',
    clientId: '1234-abc.apps.googleusercontent.com',
  };

  async function refreshFailure(signIn: OAuthSignInMethod, refreshToken: string): Promise<OAuthError> {
    const provider = await connectToProvider(signIn, fetch);
    const failure: unknown = await refreshAccessToken(provider, refreshToken).then(
      () => new Error('the refresh was accepted'),
      (error: unknown) => error,
    );
    if (!(failure instanceof OAuthError)) throw failure;
    return failure;
  }

  it("accepts Microsoft's organizations discovery document, whose issuer is the {tenantid} template", async () => {
    const provider = await connectToProvider(microsoft, fetch);
    expect(provider.serverMetadata().issuer).toBe(`https://${MICROSOFT}/{tenantid}/v2.0`);
    expect(provider.serverMetadata().device_authorization_endpoint).toBe(
      MICROSOFT_DISCOVERY.device_authorization_endpoint,
    );
    const refreshed = await refreshAccessToken(provider, 'a-working-refresh-token');
    expect(refreshed.scopes).toEqual(['https://outlook.office.com/SMTP.Send']);
  });

  it('says a second factor is needed (AADSTS50076) and asks to sign in again on refresh', async () => {
    const failure = await refreshFailure(microsoft, 'ms-mfa');
    expect(failure.reason).toBe('sign-in-again');
    expect(failure.code).toBe('SIGN_IN_AGAIN');
    expect(failure.message).toContain('requires a second factor');
    expect(failure.message).toContain('Sign in again with "mailwarden accounts signin"');
    expect(failure.message).not.toContain('Trace ID');
  });

  it('says an administrator must grant consent (AADSTS65001)', async () => {
    const failure = await refreshFailure(microsoft, 'ms-consent');
    expect(failure.message).toContain('Grant admin consent');
    expect(failure.reason).toBe('sign-in-again');
  });

  it('says the client ID is unknown in that organisation (AADSTS700016), naming how to change it', async () => {
    const failure = await refreshFailure(microsoft, 'ms-app-not-found');
    expect(failure.reason).toBe('refused');
    expect(failure.message).toContain('does not know this client ID in the organisation');
    expect(failure.message).toContain('accounts edit ID --client-id ID');
  });

  it('says to allow public client flows when Microsoft wants a client secret (AADSTS7000218)', async () => {
    const failure = await refreshFailure(microsoft, 'ms-secret-required');
    expect(failure.reason).toBe('refused');
    expect(failure.message).toContain('"Allow public client flows" to Yes');
  });

  it("says Google does not know the client ID (invalid_client, 'client was not found')", async () => {
    const failure = await refreshFailure(google, 'google-client-not-found');
    expect(failure.message).toContain('does not know this client ID');
    expect(failure.message).not.toContain('needs its client secret');
  });

  it('says the Workspace administrator must trust the app (admin_policy_enforced)', async () => {
    const failure = await refreshFailure(google, 'google-admin-policy');
    expect(failure.message).toContain('Manage third-party app access');
  });

  it('says Google does not allow mail access with the device sign-in (invalid_scope), pointing at --no-browser', async () => {
    const provider = await connectToProvider(google, fetch);
    const failure: unknown = await signInWithDeviceCode({
      signIn: google,
      provider,
      showCode: () => undefined,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OAuthError);
    expect((failure as OAuthError).message).toContain(
      'does not allow mail access with a code on another device',
    );
    expect((failure as OAuthError).message).toContain('--no-browser');
  });
});

/** Binds 443 on a free 127.0.0.x: the issuer's origin must be the real one, which has no port. */
async function listenOnPort443(server: Server): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
    const bound = await new Promise<boolean>((resolve) => {
      const onError = (): void => {
        resolve(false);
      };
      server.once('error', onError);
      server.listen(443, address, () => {
        server.off('error', onError);
        resolve(true);
      });
    });
    if (bound) return address;
  }
  throw new Error('no free 127.0.0.x address for port 443');
}
