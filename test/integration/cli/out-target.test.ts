/**
 * `--out PATH` never replaces what is not a regular file (issue 15 item 1). Device nodes are made in a
 * tmpfs inside a private mount namespace (`unshare -m`, as root), so the machine's real /dev is never
 * at risk even when the code under test is wrong.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { startSilentDnsServer } from '../../helpers/silent-dns-server';
import { createTestServices, type TestServices } from '../../helpers/test-services';

/** Runs a shell script in a new mount namespace; resolves with its stdout, stderr and exit code. */
function inPrivateMountNamespace(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the namespace script did not finish in 60 s: ${stderr}`));
    }, 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

describe('mailwarden --out to what is not a regular file', () => {
  let knot: KnotServer;
  let env: TestServices;
  let reportPath: string;
  const cli = (argv: readonly string[]) =>
    runCliInProcess(argv, { dataDir: env.dataDir, keychainService: env.keychainService });
  const reevaluateTo = (out: string) => cli(['reevaluate', reportPath, '--out', out]);

  beforeAll(async () => {
    env = await createTestServices();
    knot = await startKnot({
      'mail.test': ['@ IN MX 10 smtp.mail.test.', 'smtp IN A 127.0.0.1', '@ IN TXT "v=spf1 -all"'].join('\n'),
    });
    reportPath = join(env.dataDir, 'report.json');
    const audited = await cli([
      'audit',
      'mail.test',
      '--only',
      'dns',
      '--dns',
      knot.server,
      '--format',
      'json',
    ]);
    expect(audited.code, audited.stderr).toBe(0);
    await writeFile(reportPath, audited.stdout);
    await knot.stop();
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('writes /dev/null, /dev/full and a /dev/stdout-style link as they are, never replacing the node', async () => {
    const mountPoint = join(env.dataDir, 'private-dev');
    await mkdir(mountPoint);
    const cliCommand = `"${process.execPath}" --import tsx main/cli/main.ts reevaluate "$REPORT"`;
    const script = [
      'set -e',
      'mount -t tmpfs -o mode=0700 mailwarden-test "$DEV"',
      'mknod "$DEV/null" c 1 3',
      'mknod "$DEV/full" c 1 7',
      'ln -s /proc/self/fd/1 "$DEV/stdout"',
      `${cliCommand} --out "$DEV/null" 2>"$DEV/null.err" && echo "null-exit=0" || echo "null-exit=$?"`,
      'echo "null-type=$(stat -c %F "$DEV/null")"',
      'echo "null-said=$(tr "\\n" " " <"$DEV/null.err")"',
      `${cliCommand} --out "$DEV/full" 2>"$DEV/full.err" && echo "full-exit=0" || echo "full-exit=$?"`,
      'echo "full-type=$(stat -c %F "$DEV/full")"',
      'echo "full-said=$(tr "\\n" " " <"$DEV/full.err")"',
      `${cliCommand} --out "$DEV/stdout" 2>"$DEV/stdout.err" >"$DEV/captured" && echo "stdout-exit=0" || echo "stdout-exit=$?"`,
      'echo "stdout-type=$(stat -c %F "$DEV/stdout")"',
      'echo "stdout-captured=$(grep -c "Mailwarden audit of mail.test" "$DEV/captured")"',
    ].join('\n');
    const result = await inPrivateMountNamespace(script, { DEV: mountPoint, REPORT: reportPath });
    expect(result.code, result.stderr).toBe(0);
    const said = Object.fromEntries(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(said['null-exit'], said['null-said']).toBe('0');
    expect(said['null-type']).toBe('character special file');
    expect(said['null-said']).toContain('a device, as it is (not replaced)');
    // /dev/full answers every write with ENOSPC: a clear failure naming the path, and the node stays.
    expect(said['full-exit']).toBe('3');
    expect(said['full-type']).toBe('character special file');
    expect(said['full-said']).toContain(`Could not write the report to "${mountPoint}/full" (ENOSPC)`);
    expect(said['stdout-exit'], said['stdout-said']).toBe('0');
    expect(said['stdout-type']).toBe('symbolic link');
    expect(said['stdout-captured']).toBe('1');
    // Nothing leaked out of the namespace: the folder under the tmpfs is still empty out here.
    expect(await lstat(join(mountPoint, 'null')).catch(() => null)).toBeNull();
  });

  it('writes into a FIFO as a reader takes it, and leaves the FIFO in place', async () => {
    const fifo = join(env.dataDir, 'report.fifo');
    const made = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => made.on('exit', resolve));
    const reading = (async () => {
      let text = '';
      for await (const chunk of createReadStream(fifo)) text += (chunk as Buffer).toString();
      return text;
    })();
    const result = await reevaluateTo(fifo);
    expect(result.code, result.stderr).toBe(0);
    expect(await reading).toContain('Mailwarden audit of mail.test');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(result.stderr).toContain('a named pipe, as it is (not replaced)');
  });

  it('follows a symbolic link to a regular file: the file gets the report, the link stays and is named', async () => {
    const target = join(env.dataDir, 'real-report.txt');
    const link = join(env.dataDir, 'report-link.txt');
    await writeFile(target, 'old');
    await symlink(target, link);
    const result = await reevaluateTo(link);
    expect(result.code, result.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toContain('Mailwarden audit of mail.test');
    expect(result.stderr).toContain(`the file the symbolic link "${link}" points to; the link was kept`);
  });

  it('refuses a dangling link, a folder, an empty path and a path under a file with exit 2 naming it', async () => {
    const dangling = join(env.dataDir, 'dangling');
    await symlink(join(env.dataDir, 'nowhere', 'x'), dangling);
    const plainFile = join(env.dataDir, 'plain.txt');
    await writeFile(plainFile, 'keep me');
    const cases: [string, string][] = [
      [dangling, `"${dangling}" is a symbolic link to something that does not exist`],
      [env.dataDir, `"${env.dataDir}" is a folder`],
      ['', 'The output path is empty'],
      [join(plainFile, 'report.txt'), `"${join(plainFile, 'report.txt')}" goes through a file`],
      [join(env.dataDir, 'no-such-folder', 'report.txt'), 'does not exist; create it first'],
    ];
    for (const [out, message] of cases) {
      const result = await reevaluateTo(out);
      expect(result.code, `${out}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect((await lstat(dangling)).isSymbolicLink()).toBe(true);
    expect(await readFile(plainFile, 'utf8')).toBe('keep me');
    expect((await stat(env.dataDir)).isDirectory()).toBe(true);
  });

  it('refuses a bad --out before the audit starts: the DNS server is never asked', async () => {
    const dns = await startSilentDnsServer();
    try {
      for (const out of [env.dataDir, join(env.dataDir, 'no-such-folder', 'report.json')]) {
        const result = await cli(['audit', 'mail.test', '--only', 'dns', '--dns', dns.server, '--out', out]);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toContain(`"${out}"`);
        expect(result.stdout).toBe('');
      }
      expect(dns.queriesSeen()).toBe(0);
    } finally {
      await dns.stop();
    }
  });
});
