/**
 * The `app:` protocol handler serving real files from a real folder and reports waiting to print, with
 * Electron's `protocol` module replaced by a recording stand-in (the binary cannot run here). The
 * handler is the real one.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveAppContent } from '../../../main/app/content-protocol';
import { createPrintDocuments, type PrintDocuments } from '../../../main/app/print-documents';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/security-policy';
import { electronStandIn, resetElectronStandIn } from '../../helpers/electron-stand-in';
import { makeTempDir } from '../../helpers/temp-dir';

vi.mock('electron', async () => (await import('../../helpers/electron-stand-in')).electronStandIn);

const INDEX_HTML = '<!doctype html><title>Mailwarden</title>';
const SECRET = 'accounts file beside the renderer folder';

let work = '';
let rendererRoot = '';
let printDocuments: PrintDocuments = createPrintDocuments();

async function request(url: string, method = 'GET'): Promise<Response> {
  const handler = electronStandIn.protocol.handlers.get('app');
  if (handler === undefined) throw new Error('no handler registered for app:');
  return handler(new Request(url, { method }));
}

beforeAll(async () => {
  work = await makeTempDir();
  rendererRoot = path.join(work, 'renderer');
  await mkdir(path.join(rendererRoot, 'assets', 'folder.js'), { recursive: true });
  await writeFile(path.join(rendererRoot, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererRoot, 'assets', 'index.js'), 'console.log(1);');
  await writeFile(path.join(work, 'secret.json'), JSON.stringify({ SECRET }));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

beforeEach(() => {
  resetElectronStandIn();
  printDocuments = createPrintDocuments();
  serveAppContent(rendererRoot, printDocuments);
});

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme that cannot bypass the CSP', () => {
    registerAppScheme();
    expect(electronStandIn.protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) as unknown,
      },
    ]);
  });
});

describe('serveAppContent', () => {
  it('serves index.html for the bare origin, as HTML, with the CSP and nosniff', async () => {
    const response = await request('app://mailwarden/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a script as JavaScript', async () => {
    const response = await request('app://mailwarden/assets/index.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers HEAD without a body', async () => {
    const response = await request('app://mailwarden/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404, still with the CSP, for a file that is not there', async () => {
    const response = await request('app://mailwarden/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a folder whose name looks like a file', async () => {
    expect((await request('app://mailwarden/assets/folder.js')).status).toBe(404);
  });

  it('refuses an encoded slash that would climb out of the folder with 403', async () => {
    const response = await request('app://mailwarden/..%2Fsecret.json');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses another host with 403', async () => {
    expect((await request('app://other/secret.json')).status).toBe(403);
  });

  // The URL parser folds these dot segments away before the handler runs (as Chromium does), so they
  // name a file inside the folder, which is not there.
  for (const url of ['app://mailwarden/%2e%2e/secret.json', 'app://mailwarden/assets/../../secret.json']) {
    it(`never serves the file beside the folder for ${url}`, async () => {
      const response = await request(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    });
  }

  it('refuses anything but GET and HEAD with 405', async () => {
    expect((await request('app://mailwarden/index.html', 'POST')).status).toBe(405);
  });
});

describe('reports waiting to print', () => {
  const REPORT = '<!doctype html><style>h1{color:navy}</style><h1>Bakery report</h1>';

  it('serves a held report at its address with a CSP that allows its inline style and nothing else', async () => {
    const document = printDocuments.add(REPORT);
    const response = await request(document.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(REPORT);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("img-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 once the report is released, and the printer holds nothing afterwards', async () => {
    const document = printDocuments.add(REPORT);
    document.release();
    document.release();
    const response = await request(document.url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(printDocuments.size).toBe(0);
  });

  it('answers 404 for a guessed, shortened or padded address, never another report', async () => {
    const document = printDocuments.add(REPORT);
    const token = document.url.slice('app://mailwarden/print/'.length);
    for (const url of [
      'app://mailwarden/print/',
      `app://mailwarden/print/${token.slice(1)}`,
      `app://mailwarden/print/${token}x`,
      `app://mailwarden/print/${token}/..`,
      `app://mailwarden/print/${'A'.repeat(43)}`,
    ]) {
      const response = await request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('Bakery');
    }
  });

  it('never serves a print address from the renderer folder, even if a file of that name exists', async () => {
    await mkdir(path.join(rendererRoot, 'print'), { recursive: true });
    await writeFile(path.join(rendererRoot, 'print', 'planted.html'), SECRET);
    const response = await request('app://mailwarden/print/planted.html');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses a print address on another host', async () => {
    const document = printDocuments.add(REPORT);
    const response = await request(document.url.replace('//mailwarden/', '//other/'));
    expect(response.status).toBe(403);
  });
});
