/**
 * The loopback redirect listener against real HTTP requests: 127.0.0.1 only, one redirect to / and then
 * closed, other paths not counted, and a deadline or cancel that closes it.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLoopbackRedirectListener } from '../../../../main/adapters/oauth/loopback-redirect-listener';

/** A browser's GET; resolves with the status and the page. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.setTimeout(5_000, () => req.destroy(new Error('no answer')));
    req.on('error', reject);
    req.end();
  });
}

describe('loopback redirect listener', () => {
  it('takes the one redirect to / with its query, tells the browser to go back to Mailwarden, then closes', async () => {
    const listener = await createLoopbackRedirectListener().open();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d{1,5}\/$/);
    const arrived = listener.next(new AbortController().signal);

    const page = await get(`${listener.redirectUri}?code=abc&state=xyz`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Go back to Mailwarden');
    const url = await arrived;
    expect(url.searchParams.get('code')).toBe('abc');
    expect(url.searchParams.get('state')).toBe('xyz');

    await expect(get(`${listener.redirectUri}?code=second`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers other paths (a favicon) with 404 and keeps waiting for the redirect', async () => {
    const listener = await createLoopbackRedirectListener().open();
    const arrived = listener.next(new AbortController().signal);
    expect((await get(`${listener.redirectUri}favicon.ico`)).status).toBe(404);
    expect((await get(`${listener.redirectUri}?code=late`)).status).toBe(200);
    expect((await arrived).searchParams.get('code')).toBe('late');
  });

  it('is not reachable on another loopback address (bound to 127.0.0.1 only)', async () => {
    const listener = await createLoopbackRedirectListener().open();
    const other = listener.redirectUri.replace('127.0.0.1', '127.0.0.2');
    await expect(get(other)).rejects.toThrow(/ECONNREFUSED/);
    listener.close();
  });

  it('gives up and closes when the signal aborts (deadline or cancel)', async () => {
    const listener = await createLoopbackRedirectListener().open();
    const controller = new AbortController();
    const arrived = listener.next(controller.signal);
    controller.abort(new Error('cancelled by the person'));
    await expect(arrived).rejects.toThrow('cancelled by the person');
    await expect(get(listener.redirectUri)).rejects.toThrow(/ECONNREFUSED/);
  });
});
