/**
 * The window's security policy as plain data and small functions.
 *
 * Electron's binary cannot run in tests, so every decision the Electron glue (window.ts,
 * web-contents-guards.ts, content-protocol.ts) makes lives here, where unit tests check it rule by rule.
 * The glue only forwards events to these functions. Nothing here imports Electron's runtime.
 */
import path from 'node:path';
import type { Privileges, WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

// ---------------------------------------------------------------------------------------------------
// The window

/**
 * webPreferences for every Mailwarden window (`preload` is added by window.ts).
 *
 * Each line is an item of Electron's security checklist: the page gets no Node, runs in Chromium's
 * sandbox in an isolated world, and cannot loosen web security, embed <webview>, or navigate by drops.
 */
export const WINDOW_WEB_PREFERENCES = {
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
} as const satisfies WebPreferences;

/**
 * Privileges of the `app:` scheme, registered before `ready`.
 *
 * standard + secure give the page a real origin and a secure context. supportFetchAPI only makes the
 * scheme loadable the way module scripts and the Fetch API expect (the CSP's `connect-src 'none'` still
 * forbids the page any fetch). Everything that would weaken isolation stays off: bypassCSP, service
 * workers, and corsEnabled (which would let other origins read our files).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
  codeCache: false,
} as const satisfies Privileges;

/**
 * Chromium switches for `app.commandLine.appendSwitch`. Deliberately empty.
 *
 * What switches used to harden (disabling the inspector, NODE_OPTIONS, run-as-node) is now done by
 * electron-builder's fuses, which an attacker cannot undo from the command line; the renderer sandbox is
 * on through `app.enableSandbox()`. `--js-flags=--jitless` was considered and rejected: it also applies
 * to the main process, where Node's fetch needs WebAssembly.
 */
export const HARDENING_SWITCHES: readonly { readonly name: string; readonly value?: string }[] = [];

// ---------------------------------------------------------------------------------------------------
// Content Security Policy (CSP Level 3, W3C)

/** Every CSP directive and its sources. No 'unsafe-inline', no 'unsafe-eval', nothing remote. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // data: images cannot run script (an <img> never executes SVG script); nothing else may be inline.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The renderer never talks to the network: main does, through IPC.
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'manifest-src': ["'none'"],
};

/** The CSP header value, built from CSP_DIRECTIVES. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Features no page of ours uses, switched off by Permissions-Policy (W3C Permissions Policy). */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** Headers on every response of the `app:` scheme. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', '),
};

// ---------------------------------------------------------------------------------------------------
// Navigation, new windows, requests

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for `app://mailwarden/...` exactly: our scheme, our host, no port, no credentials.
 *
 * Compares parts rather than `URL.origin`, which Node reports as 'null' for non-special schemes. Host
 * comparison ignores case (RFC 3986 section 3.2.2); Chromium lowercases standard-scheme hosts anyway.
 */
function isAppUrl(parsed: URL): boolean {
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether the window (or any frame) may navigate to `url`: only within Mailwarden's own page. */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isAppUrl(parsed);
}

/** Whether a request made by a page may leave for `url` (session.webRequest). */
export function isAllowedRequest(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  // data: matches the CSP's img-src; devtools: is Chromium's own inspector.
  return isAppUrl(parsed) || parsed.protocol === 'devtools:' || parsed.protocol === 'data:';
}

/** What `setWindowOpenHandler` answers: never a new window; safe links go to the user's browser instead. */
export function windowOpenDecision(url: string): {
  readonly response: { readonly action: 'deny' };
  readonly openExternally: boolean;
} {
  return { response: { action: 'deny' }, openExternally: isSafeExternalUrl(url) };
}

/** `will-attach-webview` is always refused: no <webview> may exist in Mailwarden. */
export function shouldRefuseWebview(): boolean {
  return true;
}

// ---------------------------------------------------------------------------------------------------
// External links

/** Longer links are refused: no real help link is this long, and some OS handlers choke on them. */
const MAX_EXTERNAL_URL_LENGTH = 2_048;

export type ExternalUrlVerdict =
  { readonly safe: true; readonly url: string } | { readonly safe: false; readonly reason: string };

/**
 * Decides whether a link may be handed to the operating system.
 *
 * Only https: (with a host and no user:password@, which is a classic way to disguise the real host,
 * RFC 3986 section 7.6) and mailto:. Everything else could start a local program (file:, smb:, custom
 * handlers) or run code (javascript:, data:). The verdict carries the URL re-serialised by the parser,
 * so what was checked is exactly what is opened.
 */
export function checkExternalUrl(url: string): ExternalUrlVerdict {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return { safe: false, reason: 'The link is too long.' };
  const parsed = parseUrl(url);
  if (parsed === null) return { safe: false, reason: 'The link is not a valid URL.' };
  if (parsed.protocol === 'mailto:') return { safe: true, url: parsed.href };
  if (parsed.protocol !== 'https:') {
    return {
      safe: false,
      reason: `Links of type "${parsed.protocol}" are not opened; only https and mailto are.`,
    };
  }
  if (parsed.hostname === '') return { safe: false, reason: 'The link has no host.' };
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      safe: false,
      reason: 'The link carries a user name or password, which can disguise its real host.',
    };
  }
  return { safe: true, url: parsed.href };
}

/** Whether `url` may leave the app for the user's browser or mail program. */
export function isSafeExternalUrl(url: string): boolean {
  return checkExternalUrl(url).safe;
}

/**
 * The ONE way a link leaves Mailwarden: checks it, then calls `openExternal` (Electron's shell.openExternal).
 *
 * Never throws: a refused link or a failing OS handler is a result the caller can show or log.
 */
export async function openExternalSafely(
  url: string,
  openExternal: (url: string) => Promise<void>,
): Promise<{ readonly opened: true } | { readonly opened: false; readonly reason: string }> {
  const verdict = checkExternalUrl(url);
  if (!verdict.safe) return { opened: false, reason: verdict.reason };
  try {
    await openExternal(verdict.url);
    return { opened: true };
  } catch {
    return { opened: false, reason: 'The operating system could not open the link.' };
  }
}

// ---------------------------------------------------------------------------------------------------
// Permissions

/**
 * Answer to `session.setPermissionRequestHandler`: no, whatever is asked.
 *
 * Electron 45 names these permissions: ar, automatic-fullscreen, background-fetch, background-sync,
 * captured-surface-control, clipboard-read, clipboard-sanitized-write, deprecated-sync-clipboard-read,
 * display-capture, fileSystem, fullscreen, geolocation, geolocation-approximate, hand-tracking, hid,
 * idle-detection, keyboardLock, local-fonts, local-network, local-network-access, loopback-network, media,
 * mediaKeySystem, midi, midiSysex, nfc, notifications, openExternal, payment-handler,
 * periodic-background-sync, persistent-storage, pointerLock, screen-wake-lock, sensors, serial,
 * smart-card, speaker-selection, storage-access, system-wake-lock, top-level-storage-access, usb, vr,
 * web-app-installation, web-printing, window-management, unknown. Mailwarden's page needs none of them.
 */
export function permissionRequestDecision(_permission: string): false {
  return false;
}

/** Answer to `session.setPermissionCheckHandler` and `setDevicePermissionHandler`: no, for every name above. */
export function permissionCheckDecision(_permission: string): false {
  return false;
}

// ---------------------------------------------------------------------------------------------------
// The app: scheme's files

/**
 * Content types served, by extension. Anything else is 404 rather than application/octet-stream: the
 * served set stays an allow-list, so stray files in the build output (source maps, notes) never leak.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', // RFC 9239
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2', // RFC 8081
  '.json': 'application/json',
  '.ico': 'image/vnd.microsoft.icon',
};

const INDEX_FILE = 'index.html';

export type AppAsset =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 404 | 403 };

const FORBIDDEN: AppAsset = { ok: false, status: 403 };
const NOT_FOUND: AppAsset = { ok: false, status: 404 };

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * True when a decoded path tries to leave the renderer folder or smuggle bytes: dot segments,
 * backslashes, NUL, a percent sign left after one decoding (double encoding), or an empty segment
 * (`//etc/passwd`).
 */
function isSuspiciousPath(decodedPath: string): boolean {
  if (/[\\\0%]/.test(decodedPath)) return true;
  const segments = decodedPath.split('/').slice(1);
  return segments.some((segment, index) => {
    const isLast = index === segments.length - 1;
    return segment === '.' || segment === '..' || segment.includes(':') || (segment === '' && !isLast);
  });
}

/**
 * Maps `app://mailwarden/<path>` to a file under `rendererRoot`, or says why not (403 refused, 404 unknown).
 *
 * The raw URL is checked before the parser normalises `..` and `%2e%2e` away, and the decoded path again
 * after, so `/..%2F..%2Fetc/passwd` is caught too; the final path must still be inside `rendererRoot`.
 */
export function resolveAppAsset(requestUrl: string, rendererRoot: string): AppAsset {
  const parsed = parseUrl(requestUrl);
  if (parsed === null || !isAppUrl(parsed)) return FORBIDDEN;

  const rawPath = decodeOnce(requestUrl.split(/[?#]/)[0] ?? '');
  const pathname = decodeOnce(parsed.pathname);
  if (rawPath === null || pathname === null) return FORBIDDEN;
  if (isSuspiciousPath(rawPath.slice(`${APP_SCHEME}://`.length)) || isSuspiciousPath(pathname))
    return FORBIDDEN;

  const relative = pathname === '' || pathname === '/' ? INDEX_FILE : pathname.slice(1);
  if (relative.endsWith('/')) return NOT_FOUND;
  if (path.isAbsolute(relative)) return FORBIDDEN;

  const mimeType = MIME_TYPES[path.extname(relative).toLowerCase()];
  if (mimeType === undefined) return NOT_FOUND;

  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, ...relative.split('/'));
  if (!filePath.startsWith(root + path.sep)) return FORBIDDEN;
  return { ok: true, filePath, mimeType };
}
