/**
 * A real OpenID provider for the OAuth tests: oidc-provider (a certified OpenID Connect server) on
 * https://127.0.0.1:PORT with a certificate from the suite's test CA.
 *
 * It has one public native client (no secret, PKCE, any port on http://127.0.0.1/ as RFC 8252 section
 * 7.3 asks), a native client that also needs its secret (client_secret_post, as Google's "Desktop app"
 * clients do), introspection (RFC 7662) and revocation (RFC 7009) on (unless `revocation: false`),
 * short-lived access tokens so refresh is exercised, and refresh-token rotation. Every token it issues
 * is recorded, for canary checks, and every request's method and path.
 *
 * `approve` and `deny` walk its own login and consent pages with plain HTTPS requests, as a person in a
 * browser would (cookies kept, forms posted), and deliver the final redirect to Mailwarden's listener.
 *
 * The device authorization grant (RFC 8628) is on: `approveDevice` and `denyDevice` enter a user code on
 * its verification page, confirm or abort, and sign in and consent, as a person on another device would.
 * Device codes of SHORT_DEVICE_CODE_CLIENT expire after two seconds, before the first poll (five seconds).
 */
import { createServer, request as httpsRequest, type Server } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { getTestPki } from './test-certificates';

export const TEST_CLIENT_ID = 'mailwarden-native-test';
/**
 * A native client with a secret sent in the token request body (client_secret_post), like Google's
 * "Desktop app" clients: the token endpoint refuses it without the secret.
 */
export const CONFIDENTIAL_NATIVE_CLIENT = {
  id: 'mailwarden-desktop-app',
  secret: 'desktop-app-secret-4be0c9',
};
/**
 * A public native client like TEST_CLIENT_ID whose device codes expire after two seconds, for the
 * expired_token case (RFC 8628 section 3.5).
 */
export const SHORT_DEVICE_CODE_CLIENT = 'mailwarden-device-short-code';
const SHORT_DEVICE_CODE_TTL_SECONDS = 2;
/** A confidential client for resource servers (an SMTP server) that introspect tokens. */
export const INTROSPECTION_CLIENT = { id: 'mail-resource-server', secret: 'resource-server-secret-5c1d' };

export interface TestOidcProvider {
  readonly issuer: string;
  readonly caPem: string;
  /** The provider's own certificate, for a browser that trusts it by its public key. */
  readonly certificatePem: string;
  /** Every access token, refresh token, ID token and authorization code issued so far. */
  readonly issuedTokens: ReadonlySet<string>;
  /** Refresh tokens issued so far, in order. */
  readonly refreshTokens: readonly string[];
  /** Refresh tokens the provider revoked at its revocation endpoint. */
  readonly revokedTokens: ReadonlySet<string>;
  /** Every request that reached the provider, as "METHOD /path" (no query: it may carry a code). */
  readonly requests: readonly string[];
  /** Signs in as `login`, consents, and delivers the redirect; returns the status the listener gave. */
  approve(authorizationUrl: string, login: string): Promise<number>;
  /** Signs in as `login`, then refuses consent (access_denied) and delivers that redirect. */
  deny(authorizationUrl: string, login: string): Promise<number>;
  /** Enters `userCode` at `verificationUri`, confirms, signs in as `login` and consents (RFC 8628). */
  approveDevice(verificationUri: string, userCode: string, login: string): Promise<void>;
  /** Enters `userCode` at `verificationUri` and aborts on the confirmation page (access_denied). */
  denyDevice(verificationUri: string, userCode: string): Promise<void>;
  /** Revokes a refresh token from the provider's side (an administrator or the user ending it). */
  revokeAtProvider(refreshToken: string): Promise<void>;
  /** RFC 7662 introspection with the resource server's credentials. */
  introspect(token: string): Promise<{ active: boolean; scope?: string; sub?: string }>;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  readonly accessTokenTtlSeconds?: number;
  /** False for a provider without the device authorization grant (no endpoint in its discovery). */
  readonly deviceFlow?: boolean;
  /**
   * False for a provider without RFC 7009 revocation: its discovery document names no
   * revocation_endpoint, as Microsoft's does not.
   */
  readonly revocation?: boolean;
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface TokenModel {
  readonly jti: string;
}

export async function startTestOidcProvider(
  options: TestOidcProviderOptions = {},
): Promise<TestOidcProvider> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', 'oidc.test');
  const server: Server = createServer({ key: leaf.keyPem, cert: leaf.certPem });
  // Dovecot's oauth2 passdb keeps its introspection connection open and does not retry a POST that met a
  // connection Node had just closed as idle (after 5 s by default): that login then fails as temporary.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `https://127.0.0.1:${String(port)}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/'],
        grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT],
        response_types: ['code'],
      },
      {
        client_id: SHORT_DEVICE_CODE_CLIENT,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/'],
        grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT],
        response_types: ['code'],
      },
      {
        client_id: CONFIDENTIAL_NATIVE_CLIENT.id,
        client_secret: CONFIDENTIAL_NATIVE_CLIENT.secret,
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: ['http://127.0.0.1/'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      {
        client_id: INTROSPECTION_CLIENT.id,
        client_secret: INTROSPECTION_CLIENT.secret,
        redirect_uris: [],
        response_types: [],
        grant_types: [],
      },
    ],
    features: {
      devInteractions: { enabled: true },
      deviceFlow: { enabled: options.deviceFlow ?? true },
      // The resource server may introspect any token; a public client may revoke its own (RFC 7009).
      introspection: { enabled: true, allowedPolicy: () => true },
      revocation: { enabled: options.revocation ?? true, allowedPolicy: () => true },
    },
    // Put the email claim in the ID token, as Microsoft and Google do (not only at userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'email'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 300,
      RefreshToken: 3600,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      DeviceCode: (_ctx: unknown, _code: unknown, client: { clientId: string }) =>
        client.clientId === SHORT_DEVICE_CODE_CLIENT ? SHORT_DEVICE_CODE_TTL_SECONDS : 600,
    },
    rotateRefreshToken: true,
    cookies: { keys: ['mailwarden-test-cookie-key'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true }),
    }),
  });
  const issuedTokens = new Set<string>();
  const refreshTokens: string[] = [];
  const revokedTokens = new Set<string>();
  provider.on('access_token.saved', (token: TokenModel) => issuedTokens.add(token.jti));
  provider.on('authorization_code.saved', (token: TokenModel) => issuedTokens.add(token.jti));
  provider.on('refresh_token.saved', (token: TokenModel) => {
    if (!issuedTokens.has(token.jti)) refreshTokens.push(token.jti);
    issuedTokens.add(token.jti);
  });
  // ID tokens are not stored by the provider: take them from each token response as it goes out.
  provider.on('grant.success', (ctx: { body?: unknown }) => {
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (typeof body?.id_token === 'string') issuedTokens.add(body.id_token);
  });
  provider.on('refresh_token.destroyed', (token: TokenModel) => revokedTokens.add(token.jti));
  const handle = provider.callback();
  const requests: string[] = [];
  server.on('request', (req, res) => {
    requests.push(`${req.method ?? ''} ${new URL(req.url ?? '/', issuer).pathname}`);
    void handle(req, res);
  });

  /** One HTTPS request to the provider, trusting only the test CA, with the cookies collected so far. */
  function call(
    url: URL,
    jar: Map<string, string>,
    method = 'GET',
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; body: string }> {
    const body = form === undefined ? undefined : new URLSearchParams(form).toString();
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        url,
        {
          method,
          ca: pki.caPem,
          headers: {
            cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
            ...(body === undefined
              ? {}
              : {
                  'content-type': 'application/x-www-form-urlencoded',
                  'content-length': Buffer.byteLength(body),
                }),
          },
        },
        (res) => {
          for (const header of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = header.split(';');
            const at = pair.indexOf('=');
            jar.set(pair.slice(0, at), pair.slice(at + 1));
          }
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text });
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url.href}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The browser arriving at Mailwarden's loopback redirect listener. */
  function deliver(redirect: URL): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(redirect, (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error('the loopback listener did not answer')));
      req.on('error', reject);
      req.end();
    });
  }

  async function walk(authorizationUrl: string, login: string, consent: 'approve' | 'deny'): Promise<number> {
    const jar = new Map<string, string>();
    let next = new URL(authorizationUrl);
    let method = 'GET';
    let form: Record<string, string> | undefined;
    for (let step = 0; step < 20; step += 1) {
      if (next.origin !== issuer) return deliver(next);
      const answer = await call(next, jar, method, form);
      method = 'GET';
      form = undefined;
      if (answer.location !== null) {
        next = new URL(answer.location, next);
        continue;
      }
      if (answer.status !== 200)
        throw new Error(`the provider answered ${String(answer.status)}: ${answer.body}`);
      // A devInteractions page: the login form, or the consent form.
      if (answer.body.includes('name="login"')) {
        method = 'POST';
        form = { prompt: 'login', login, password: 'any' };
      } else if (consent === 'deny') {
        next = new URL(`${next.pathname}/abort`, next);
      } else {
        method = 'POST';
        form = { prompt: 'consent' };
      }
    }
    throw new Error('the sign-in pages did not end in a redirect');
  }

  /** The hidden xsrf field of the device pages' forms. */
  function xsrfOf(body: string): string {
    const match = /name="xsrf" value="([^"]+)"/.exec(body);
    if (match?.[1] === undefined) throw new Error('the device page had no form');
    return match[1];
  }

  /** A person on another device: opens the address, types the code, confirms or aborts, signs in. */
  async function walkDevice(
    verificationUri: string,
    userCode: string,
    login: string,
    consent: 'approve' | 'deny',
  ): Promise<void> {
    const jar = new Map<string, string>();
    const page = new URL(verificationUri);
    if (page.origin !== issuer)
      throw new Error(`the verification address is not the provider's: ${page.href}`);
    const input = await call(page, jar);
    const typed = { xsrf: xsrfOf(input.body), user_code: userCode };
    const confirmation = await call(page, jar, 'POST', typed);
    if (!confirmation.body.includes('op.deviceConfirmForm'))
      throw new Error(`the provider did not accept the code: ${confirmation.body}`);
    const confirmed = { xsrf: xsrfOf(confirmation.body), user_code: userCode };
    if (consent === 'deny') {
      await call(page, jar, 'POST', { ...confirmed, abort: 'yes' });
      return;
    }
    let answer = await call(page, jar, 'POST', { ...confirmed, confirm: 'yes' });
    let here = page;
    for (let step = 0; step < 20; step += 1) {
      if (answer.location !== null) {
        here = new URL(answer.location, here);
        answer = await call(here, jar);
        continue;
      }
      if (answer.status !== 200)
        throw new Error(`the provider answered ${String(answer.status)}: ${answer.body}`);
      if (answer.body.includes('Sign-in Success')) return;
      answer = answer.body.includes('name="login"')
        ? await call(here, jar, 'POST', { prompt: 'login', login, password: 'any' })
        : await call(here, jar, 'POST', { prompt: 'consent' });
    }
    throw new Error('the device sign-in pages did not end in success');
  }

  function basic(): string {
    return `Basic ${Buffer.from(`${INTROSPECTION_CLIENT.id}:${INTROSPECTION_CLIENT.secret}`).toString('base64')}`;
  }

  async function endpointPost(path: string, form: Record<string, string>): Promise<string> {
    const body = new URLSearchParams(form).toString();
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        new URL(path, issuer),
        {
          method: 'POST',
          ca: pki.caPem,
          headers: {
            authorization: basic(),
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            resolve(text);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    issuer,
    caPem: pki.caPem,
    certificatePem: leaf.certPem,
    issuedTokens,
    refreshTokens,
    revokedTokens,
    requests,
    approve: (url, login) => walk(url, login, 'approve'),
    deny: (url, login) => walk(url, login, 'deny'),
    approveDevice: (uri, code, login) => walkDevice(uri, code, login, 'approve'),
    denyDevice: (uri, code) => walkDevice(uri, code, '', 'deny'),
    async revokeAtProvider(refreshToken) {
      const found = await provider.RefreshToken.find(refreshToken);
      if (found === undefined) throw new Error('no such refresh token at the provider');
      await found.destroy();
    },
    async introspect(token) {
      return JSON.parse(await endpointPost('/token/introspection', { token })) as {
        active: boolean;
        scope?: string;
        sub?: string;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
