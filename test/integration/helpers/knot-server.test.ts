import { spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startKnot, type KnotServer } from '../../helpers/knot-server';

const QUERY_TIMEOUT_MS = 500;
const HELPER_PATH = fileURLToPath(new URL('../../helpers/knot-server.ts', import.meta.url));
const CHILD_DEADLINE_MS = 15_000;

const started: KnotServer[] = [];

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

async function queryA(server: string, name: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: QUERY_TIMEOUT_MS, tries: 1 });
  resolver.setServers([server]);
  return resolver.resolve4(name);
}

/** Resolves to the error code of a TCP connection attempt, or 'connected'. */
function tcpConnect(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: QUERY_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? 'error');
    });
  });
}

describe('startKnot', () => {
  it('serves the given zones on a loopback address over UDP and TCP, then stops and closes the port', async () => {
    const knot = await startKnot({ 'helper.test': 'www A 192.0.2.7', 'second.example': 'mail A 192.0.2.8' });
    started.push(knot);
    expect(knot.address).toMatch(/^127\.0\.0\.\d{1,3}$/);
    expect(knot.server).toBe(`${knot.address}:${String(knot.port)}`);
    expect(knot.port).not.toBe(53);
    expect(await queryA(knot.server, 'www.helper.test')).toEqual(['192.0.2.7']);
    expect(await queryA(knot.server, 'mail.second.example')).toEqual(['192.0.2.8']);
    expect(await tcpConnect(knot.address, knot.port)).toBe('connected');

    await knot.stop();
    expect(await tcpConnect(knot.address, knot.port)).toBe('ECONNREFUSED');
    await expect(queryA(knot.server, 'www.helper.test')).rejects.toThrow();
  });

  it('runs two instances side by side, each with its own data', async () => {
    const [one, two] = await Promise.all([
      startKnot({ 'x.test': 'a A 192.0.2.1' }),
      startKnot({ 'x.test': 'a A 192.0.2.2' }),
    ]);
    started.push(one, two);
    expect(one.server).not.toBe(two.server);
    expect(await queryA(one.server, 'a.x.test')).toEqual(['192.0.2.1']);
    expect(await queryA(two.server, 'a.x.test')).toEqual(['192.0.2.2']);
  });

  it("fails start-up with knotd's own log when a zone does not load", async () => {
    await expect(
      startKnot({ 'broken.test': 'www A not-an-address' }, { startDeadlineMs: 2_000 }),
    ).rejects.toThrow(/knotd did not start[\s\S]*knotd log[\s\S]*broken\.test.*failed to load zone/);
  });

  it('leaves no knotd behind when the test process is killed outright', async () => {
    // A child Node process starts knotd, prints where it listens, and kills itself with SIGKILL.
    const script = [
      `import { startKnot } from ${JSON.stringify(HELPER_PATH)};`,
      `const knot = await startKnot({ 'orphan.test': 'www A 192.0.2.9' });`,
      `process.stdout.write(knot.server + '\\n', () => process.kill(process.pid, 'SIGKILL'));`,
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_DEADLINE_MS);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, sig) => {
        resolve(sig);
      }),
    );
    clearTimeout(killer);
    expect(signal).toBe('SIGKILL');
    const server = output.trim();
    expect(server).toMatch(/^127\.0\.0\.\d{1,3}:\d+$/);
    const [address = '', port = '0'] = server.split(':');

    // The watchdog notices the closed pipe and kills knotd; give it a moment.
    const deadline = Date.now() + 3_000;
    let state = await tcpConnect(address, Number(port));
    while (state !== 'ECONNREFUSED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await tcpConnect(address, Number(port));
    }
    expect(state).toBe('ECONNREFUSED');
  });
});
