import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/app/app-origin';
import {
  APP_RESPONSE_HEADERS,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  checkExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
  isSafeExternalUrl,
  openExternalSafely,
  permissionCheckDecision,
  permissionRequestDecision,
  resolveAppAsset,
  shouldRefuseWebview,
  WINDOW_WEB_PREFERENCES,
  windowOpenDecision,
} from '../../../main/app/security-policy';

describe('WINDOW_WEB_PREFERENCES', () => {
  const expected = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;

  for (const [name, value] of Object.entries(expected)) {
    it(`sets ${name} to ${String(value)}`, () => {
      expect(WINDOW_WEB_PREFERENCES).toHaveProperty(name, value);
    });
  }

  it('sets nothing else that could loosen the window (no preload here, no enableBlinkFeatures)', () => {
    expect(Object.keys(WINDOW_WEB_PREFERENCES).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app: as a standard, secure scheme so the page has a real origin', () => {
    expect(APP_SCHEME_PRIVILEGES.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
  });

  for (const name of ['bypassCSP', 'allowServiceWorkers', 'corsEnabled'] as const) {
    it(`leaves ${name} off`, () => {
      expect(APP_SCHEME_PRIVILEGES[name]).toBe(false);
    });
  }
});

describe('CONTENT_SECURITY_POLICY', () => {
  const expected: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': "'none'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'frame-src': "'none'",
    'worker-src': "'none'",
    'manifest-src': "'none'",
  };

  /** Parses the header the way a browser does (CSP3 section 2.2.1), so the string itself is what is tested. */
  function parsedPolicy(): Map<string, string> {
    const directives = new Map<string, string>();
    for (const part of CONTENT_SECURITY_POLICY.split(';')) {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      if (name !== '' && !directives.has(name)) directives.set(name, sources.join(' '));
    }
    return directives;
  }

  for (const [directive, sources] of Object.entries(expected)) {
    it(`sends ${directive} ${sources}`, () => {
      expect(CSP_DIRECTIVES[directive]?.join(' ')).toBe(sources);
      expect(parsedPolicy().get(directive)).toBe(sources);
    });
  }

  it('has no directive beyond the expected ones', () => {
    expect([...parsedPolicy().keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it("allows no inline script or style ('unsafe-inline')", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it("allows no eval ('unsafe-eval', 'wasm-unsafe-eval')", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('names no remote host or wildcard source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('is the exact header value the window gets', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'",
    );
  });
});

describe('APP_RESPONSE_HEADERS', () => {
  it('carries the CSP', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('forbids MIME sniffing', () => {
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('isolates the page (COOP same-origin, COEP require-corp, CORP same-origin)', () => {
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });

  it('sends no referrer', () => {
    expect(APP_RESPONSE_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });

  for (const feature of [
    'camera',
    'microphone',
    'geolocation',
    'usb',
    'serial',
    'hid',
    'payment',
    'display-capture',
  ]) {
    it(`switches ${feature} off in Permissions-Policy`, () => {
      const policy = APP_RESPONSE_HEADERS['Permissions-Policy'] ?? '';
      expect(policy.split(', ')).toContain(`${feature}=()`);
    });
  }
});

describe('isAllowedNavigation', () => {
  const allowed = [
    APP_ENTRY_URL,
    'app://mailwarden/',
    'app://mailwarden/index.html#/accounts',
    'app://mailwarden/index.html?step=2',
    'app://MAILWARDEN/index.html',
  ];
  const refused = [
    'app://mailwarden.evil/index.html',
    'app://mailwarden@evil/index.html',
    'app://user:pass@mailwarden/index.html',
    'app://evil/index.html',
    'app://mailwarden:8080/index.html',
    'app:mailwarden/index.html',
    'app:///mailwarden/index.html',
    'app://mailwarden%2eevil/',
    'https://mailwarden/index.html',
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'blob:app://mailwarden/0b4b4d7e',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ];

  for (const url of allowed) {
    it(`allows ${url}`, () => {
      expect(isAllowedNavigation(url)).toBe(true);
    });
  }
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(isAllowedNavigation(url)).toBe(false);
    });
  }
});

describe('isAllowedRequest', () => {
  it('lets the page load its own files', () => {
    expect(isAllowedRequest('app://mailwarden/assets/index-abc123.js')).toBe(true);
  });

  it('lets inline data: images through, as the CSP does', () => {
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
  });

  it('lets the developer tools load', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html')).toBe(true);
  });

  for (const url of [
    'https://example.com/track.gif',
    'http://127.0.0.1:8080/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'app://evil/x.js',
    'app://mailwarden@evil/x.js',
    'chrome-extension://abc/x.js',
    'nonsense',
  ]) {
    it(`blocks ${url}`, () => {
      expect(isAllowedRequest(url)).toBe(false);
    });
  }
});

describe('windowOpenDecision', () => {
  for (const url of [
    'https://example.com/help',
    APP_ENTRY_URL,
    'javascript:alert(1)',
    'about:blank',
    'file:///etc/passwd',
  ]) {
    it(`never opens a window, even for ${url}`, () => {
      expect(windowOpenDecision(url).response).toEqual({ action: 'deny' });
    });
  }

  it('hands a safe https link to the browser instead', () => {
    expect(windowOpenDecision('https://example.com/help').openExternally).toBe(true);
  });

  it('hands a mailto link to the mail program instead', () => {
    expect(windowOpenDecision('mailto:postmaster@example.com').openExternally).toBe(true);
  });

  for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', APP_ENTRY_URL]) {
    it(`drops ${url} without opening it anywhere`, () => {
      expect(windowOpenDecision(url).openExternally).toBe(false);
    });
  }
});

describe('external links', () => {
  const safe = [
    'https://example.com/',
    'https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4',
    'https://example.com:8443/path?q=1',
    'mailto:postmaster@example.com',
    'mailto:postmaster@example.com?subject=DMARC%20report',
  ];
  const unsafe = [
    'http://example.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://example.com@evil.example/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://attacker.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'ftp://example.com/',
    'app://mailwarden/index.html',
    'about:blank',
    '//example.com/',
    'example.com',
    '',
    `https://example.com/${'a'.repeat(3_000)}`,
  ];

  for (const url of safe) {
    it(`accepts ${url}`, () => {
      expect(isSafeExternalUrl(url)).toBe(true);
    });
  }
  for (const url of unsafe) {
    it(`refuses ${JSON.stringify(url.slice(0, 60))}`, () => {
      expect(isSafeExternalUrl(url)).toBe(false);
    });
  }

  it('says why a link with credentials is refused', () => {
    const verdict = checkExternalUrl('https://user:pass@example.com/');
    expect(verdict.safe).toBe(false);
    expect(verdict.safe ? '' : verdict.reason).toMatch(/user name or password/);
  });

  it('opens a safe link through the given opener, once, with the parsed URL', async () => {
    const opened: string[] = [];
    const result = await openExternalSafely('https://Example.com/a b', (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(result).toEqual({ opened: true });
    expect(opened).toEqual(['https://example.com/a%20b']);
  });

  it('never calls the opener for a refused link, and says why', async () => {
    const opened: string[] = [];
    const result = await openExternalSafely('file:///etc/passwd', (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(opened).toEqual([]);
    expect(result.opened).toBe(false);
    expect(result.opened ? '' : result.reason).toContain('file:');
  });

  it('reports an opener failure instead of throwing', async () => {
    const result = await openExternalSafely('https://example.com/', () =>
      Promise.reject(new Error('no handler')),
    );
    expect(result).toEqual({ opened: false, reason: 'The operating system could not open the link.' });
  });
});

describe('permissions', () => {
  const names = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'pointerLock',
    'unknown',
  ];

  for (const name of names) {
    it(`denies a request for ${name}`, () => {
      expect(permissionRequestDecision(name)).toBe(false);
    });
    it(`denies a check for ${name}`, () => {
      expect(permissionCheckDecision(name)).toBe(false);
    });
  }
});

describe('webview', () => {
  it('refuses every <webview>', () => {
    expect(shouldRefuseWebview()).toBe(true);
  });
});

describe('resolveAppAsset', () => {
  const root = path.resolve('/opt/mailwarden/dist/renderer');
  const served = (relative: string) => path.join(root, ...relative.split('/'));

  it('serves index.html for the bare origin', () => {
    expect(resolveAppAsset('app://mailwarden/', root)).toEqual({
      ok: true,
      filePath: served('index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it('serves index.html for the origin without a slash', () => {
    expect(resolveAppAsset('app://mailwarden', root)).toMatchObject({
      ok: true,
      filePath: served('index.html'),
    });
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppAsset('app://mailwarden/index.html?x=1#/step', root)).toMatchObject({
      ok: true,
      filePath: served('index.html'),
    });
  });

  const types: [string, string][] = [
    ['assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['assets/index-3f2a.css', 'text/css; charset=utf-8'],
    ['assets/shield.svg', 'image/svg+xml'],
    ['assets/logo.PNG', 'image/png'],
    ['assets/inter.woff2', 'font/woff2'],
    ['presets.json', 'application/json'],
    ['favicon.ico', 'image/vnd.microsoft.icon'],
  ];
  for (const [file, mimeType] of types) {
    it(`serves ${file} as ${mimeType}`, () => {
      expect(resolveAppAsset(`app://mailwarden/${file}`, root)).toEqual({
        ok: true,
        filePath: served(file),
        mimeType,
      });
    });
  }

  it('decodes an encoded space in a file name', () => {
    expect(resolveAppAsset('app://mailwarden/assets/my%20icon.svg', root)).toMatchObject({
      ok: true,
      filePath: served('assets/my icon.svg'),
    });
  });

  for (const file of ['assets/index.js.map', 'notes.txt', 'assets/', 'secret', 'main.ts']) {
    it(`answers 404 for ${file} (unknown type or a folder)`, () => {
      expect(resolveAppAsset(`app://mailwarden/${file}`, root)).toEqual({ ok: false, status: 404 });
    });
  }

  const refused = [
    'app://evil/index.html',
    'app://mailwarden.evil/index.html',
    'app://mailwarden@evil/index.html',
    'app://a:b@mailwarden/index.html',
    'app://mailwarden:81/index.html',
    'https://mailwarden/index.html',
    'file:///etc/passwd',
    'app://mailwarden/../../etc/passwd.json',
    'app://mailwarden/assets/../../../etc/x.js',
    'app://mailwarden/%2e%2e/%2e%2e/etc/x.js',
    'app://mailwarden/%2E%2E/x.js',
    'app://mailwarden/.%2e/x.js',
    'app://mailwarden/..%2F..%2Fetc%2Fx.js',
    'app://mailwarden/assets%2F..%2F..%2Fx.js',
    'app://mailwarden/%252e%252e/x.js',
    // The URL parser drops tabs, turning this into /..%2Fsecret.js only after the raw check has run.
    'app://mailwarden/.\t.%2Fsecret.js',
    'app://mailwarden/..\\..\\x.js',
    'app://mailwarden/..%5c..%5cx.js',
    'app://mailwarden/index.html%00.png',
    'app://mailwarden/index.html%00',
    'app://mailwarden//etc/x.js',
    'app://mailwarden/C:/Windows/x.js',
    'app://mailwarden/index.html:stream.js',
    'app://mailwarden/./index.html',
    'app://mailwarden/%E0%A4%A.js',
    'not a url',
  ];
  for (const url of refused) {
    it(`refuses ${url} with 403`, () => {
      expect(resolveAppAsset(url, root)).toEqual({ ok: false, status: 403 });
    });
  }

  it('never resolves outside the renderer folder, whatever the request', () => {
    const attempts = refused.concat(types.map(([file]) => `app://mailwarden/${file}`));
    for (const url of attempts) {
      const asset = resolveAppAsset(url, root);
      if (asset.ok) expect(asset.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});
