/**
 * Serves the built renderer to the page through Playwright routing: no network server,
 * no socket. Responses carry the app's own CSP header (main/app/security-policy), so the page runs
 * under the same policy as in Electron, plus the meta tag in index.html.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Route } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/security-policy';

/** A host Chromium never resolves by itself: every request to it must be answered by the route. */
export const TEST_ORIGIN = 'http://mailwarden.test';
export const TEST_ENTRY_URL = `${TEST_ORIGIN}/index.html`;

/** Where global-setup.ts built the renderer for this run. */
export const RENDERER_DIR_ENV = 'MAILWARDEN_E2E_RENDERER_DIR';

function rendererDir(): string {
  const dir = process.env[RENDERER_DIR_ENV];
  if (dir === undefined || dir === '')
    throw new Error(`${RENDERER_DIR_ENV} is not set: run the tests through playwright.config.ts.`);
  return dir;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The file under the built renderer a URL asks for, or null when it points outside it. */
export function fileForUrl(url: string): string | null {
  const { pathname } = new URL(url);
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const root = resolve(rendererDir());
  const file = resolve(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

export async function serveRenderer(route: Route): Promise<void> {
  const file = fileForUrl(route.request().url());
  const body = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || body === null) {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    return;
  }
  await route.fulfill({
    status: 200,
    body,
    headers: {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
