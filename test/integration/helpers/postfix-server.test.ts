import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostfix, TRANSPORT_PARAMETERS, type PostfixServer } from '../../helpers/postfix-server';
import { getTestPki } from '../../helpers/test-certificates';

const PASSWORD = 'Canary-Postfix-4e1d';
let postfix: PostfixServer;

beforeAll(async () => {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', 'mail.test');
  postfix = await startPostfix({
    users: [{ username: 'alice@example.test', password: PASSWORD }],
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
  });
});

afterAll(async () => {
  await postfix.stop();
});

/** One EHLO exchange, over implicit TLS when asked, returning the EHLO reply text. */
function ehlo(port: number, implicitTls: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = implicitTls
      ? tlsConnect({ host: postfix.address, port, rejectUnauthorized: false })
      : createConnection({ host: postfix.address, port });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('timeout'));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.startsWith('220 ') && !text.includes('EHLO-SENT')) {
        text += 'EHLO-SENT\n';
        socket.write('EHLO probe.invalid\r\n');
      }
      if (/\n250 [^\n]*\r\n$/.test(text)) {
        clearTimeout(timer);
        socket.end('QUIT\r\n');
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
}

describe('startPostfix', () => {
  it('serves smtp, submission and submissions with AUTH only where it belongs', async () => {
    const port25 = await ehlo(postfix.ports.smtp, false);
    expect(port25).toContain('STARTTLS');
    expect(port25).not.toMatch(/AUTH/);
    const port587 = await ehlo(postfix.ports.submission, false);
    expect(port587).toContain('STARTTLS');
    expect(port587).not.toMatch(/AUTH/);
    const port465 = await ehlo(postfix.ports.submissions, true);
    expect(port465).toMatch(/250[ -]AUTH PLAIN LOGIN/);
  });

  it('can deliver nowhere: every transport discards and the queue stays empty', async () => {
    for (const parameter of TRANSPORT_PARAMETERS) expect(await postfix.postconf(parameter)).toBe('discard:');
    expect(await postfix.postconf('smtp_dns_support_level')).toBe('disabled');
    expect(await postfix.settledQueuedFiles()).toBe(0);
  });

  it('removes its directory and its processes when stopped', async () => {
    const pki = await getTestPki();
    const leaf = await pki.leaf('good', 'mail.test');
    const other = await startPostfix({ users: [], certPem: leaf.certPem, keyPem: leaf.keyPem });
    expect(existsSync(other.dir)).toBe(true);
    await other.stop();
    expect(existsSync(other.dir)).toBe(false);
  });

  it('leaves nothing running when the test process is killed outright', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'start-postfix-then-hang.ts')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const dir = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => {
        reject(new Error('the child did not start Postfix in time'));
      }, 25_000);
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /^DIR (\S+)\n/m.exec(text);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(existsSync(join(dir, 'queue', 'pid', 'master.pid'))).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (existsSync(dir) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(dir)).toBe(false);
  }, 40_000);
});
