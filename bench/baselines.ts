/**
 * Issue 3, part 2: testssl.sh and swaks on the same submission port (STARTTLS) as Mailwarden's probes.
 *
 * testssl.sh is limited to what both tools report: `-p` (which TLS/SSL versions are offered) and `-S` (the
 * server's default handshake and its certificate). `--nodns none` stops it from looking up CAA and reverse
 * names, which would otherwise wait on resolvers this loopback-only machine does not have; `--warnings off`
 * keeps it from stopping to ask. swaks does STARTTLS, logs in and quits (`--quit-after AUTH`).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchServers } from './bench-servers';
import { findExecutable, runTool, type ToolRun } from './external-tool';
import { summarize, type Summary } from './stats';

const TESTSSL_NAMES = ['testssl', 'testssl.sh'];
const SWAKS_NAMES = ['swaks'];
const TESTSSL_TIMEOUT_MS = 180_000;
const SWAKS_TIMEOUT_MS = 30_000;

export type BaselineFigures =
  | { readonly kind: 'missing'; readonly tool: string; readonly hint: string }
  | {
      readonly kind: 'measured';
      readonly tool: string;
      readonly path: string;
      readonly args: readonly string[];
      readonly wall: Summary;
      /** Whether every run exited cleanly and showed the expected facts; a broken baseline is no baseline. */
      readonly sane: boolean;
      readonly note: string;
    };

/** `-p -S` (protocols and certificate) for the comparison; `-p` alone as testssl.sh's smallest TLS job. */
export function testsslArgs(servers: BenchServers, checks: readonly string[]): string[] {
  const { address, ports } = servers.postfix;
  return [
    '--starttls',
    'smtp',
    ...checks,
    '--quiet',
    '--color',
    '0',
    '--nodns',
    'none',
    '--warnings',
    'off',
    `${address}:${String(ports.submission)}`,
  ];
}

export function swaksArgs(servers: BenchServers): string[] {
  const { address, ports } = servers.postfix;
  return [
    '--server',
    address,
    '--port',
    String(ports.submission),
    '--tls',
    '--auth-user',
    servers.user.username,
    '--auth-password',
    servers.user.password,
    '--quit-after',
    'AUTH',
  ];
}

/** The password as swaks is given it; never printed. */
export function redactedSwaksArgs(servers: BenchServers): string[] {
  return swaksArgs(servers).map((arg) => (arg === servers.user.password ? '***' : arg));
}

export async function benchTestssl(
  servers: BenchServers,
  runs: number,
  checks: readonly string[],
): Promise<BaselineFigures> {
  const withCertificate = checks.includes('-S');
  return measure({
    tool: 'testssl.sh',
    names: TESTSSL_NAMES,
    args: testsslArgs(servers, checks),
    shownArgs: testsslArgs(servers, checks),
    runs,
    timeoutMs: TESTSSL_TIMEOUT_MS,
    hint: 'apt-get install testssl.sh',
    // The protocol table, and the certificate section when -S was asked for.
    looksRight: (output) =>
      /TLS 1\.2\s+offered/.test(output) && (!withCertificate || /Certificate Validity/i.test(output)),
    // testssl.sh's output holds nothing secret; keep it so a failed run can be read.
    keepOutput: true,
  });
}

export async function benchSwaks(servers: BenchServers, runs: number): Promise<BaselineFigures> {
  return measure({
    tool: 'swaks',
    names: SWAKS_NAMES,
    args: swaksArgs(servers),
    shownArgs: redactedSwaksArgs(servers),
    runs,
    timeoutMs: SWAKS_TIMEOUT_MS,
    hint: 'apt-get install swaks',
    // RFC 4954 section 6: 235 means the login was accepted.
    looksRight: (output) => /^<~?\s*235[ -]/m.test(output),
    // swaks prints the AUTH exchange, i.e. the password in base64: never written anywhere.
    keepOutput: false,
  });
}

interface Measurement {
  readonly tool: string;
  readonly names: readonly string[];
  readonly args: readonly string[];
  readonly shownArgs: readonly string[];
  readonly runs: number;
  readonly timeoutMs: number;
  readonly hint: string;
  readonly looksRight: (output: string) => boolean;
  readonly keepOutput: boolean;
}

async function measure(m: Measurement): Promise<BaselineFigures> {
  const path = await findExecutable(m.names);
  if (path === null) return { kind: 'missing', tool: m.tool, hint: m.hint };
  const results: ToolRun[] = [];
  for (let run = 0; run < m.runs; run += 1) results.push(await runTool(path, m.args, m.timeoutMs));
  const bad = results.filter((r) => r.timedOut || r.code !== 0 || !m.looksRight(r.output));
  const kept = m.keepOutput ? await keepOutputs(m.tool, bad) : [];
  return {
    kind: 'measured',
    tool: m.tool,
    path,
    args: m.shownArgs,
    wall: summarize(results.map((r) => r.ms)),
    sane: bad.length === 0,
    note:
      bad.length === 0
        ? 'every run exited 0 and showed the expected facts'
        : `${String(bad.length)} of ${String(results.length)} runs timed out, failed or lacked the expected facts (exit ${bad.map((r) => String(r.code)).join(', ')})` +
          (kept.length === 0 ? '' : `; output in ${kept.join(', ')}`),
  };
}

/** Writes the output of failed runs to the temp dir and returns the paths. */
async function keepOutputs(tool: string, runs: readonly ToolRun[]): Promise<string[]> {
  const stamp = String(Date.now());
  return Promise.all(
    runs.map(async (run, index) => {
      const path = join(tmpdir(), `mailwarden-bench-${tool}-${stamp}-${String(index)}.log`);
      await writeFile(path, run.output);
      return path;
    }),
  );
}
