/**
 * The consultant's batch, timed: `mailwarden audit --batch` over 50 saved accounts, 8 at a time, against
 * loopback servers (one smtp-server with STARTTLS and a real login, Knot DNS serving each account's own
 * domain), printing accounts per second and the process's peak memory.
 *
 * It runs the real CLI code in-process (parse, plan, audit, write 100 report files and the index), so the
 * figure is what a user waits for. Passwords are kept in memory instead of the keychain: the bench runs
 * outside a keyring session, and one keychain read per account is not what is being measured.
 *
 * Standalone: `node --import tsx bench/batch-bench.ts`; `run-bench.ts` can call `benchBatch()`.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../main/cli/run-cli';
import { createMainServices } from '../main/composition';
import type { SecretStore } from '../main/core/ports';
import { startAuthSmtpServer } from '../test/helpers/auth-smtp-server';
import { startKnot } from '../test/helpers/knot-server';
import { makeTempDir } from '../test/helpers/temp-dir';
import { getTestPki } from '../test/helpers/test-certificates';

export const BATCH_ACCOUNTS = 50;
export const BATCH_CONCURRENCY = 8;
const MAIL_HOST = 'smtp.batch-bench.test';
const USERNAME = 'bench@batch-bench.test';
const PASSWORD_BYTES = 12;
const MEMORY_SAMPLE_MS = 20;
const KNOT_START_DEADLINE_MS = 30_000;
const BYTES_PER_MB = 1024 * 1024;
const KB_PER_MB = 1024;
const MS_PER_SECOND = 1_000;

export interface BatchBenchFigures {
  readonly accounts: number;
  readonly concurrency: number;
  readonly wallMs: number;
  readonly accountsPerSecond: number;
  /** Highest resident set size sampled during the batch. */
  readonly peakRssMb: number;
  /** Highest V8 heap in use sampled during the batch. */
  readonly peakHeapMb: number;
  /** The process's lifetime maximum RSS (getrusage), start-up included. */
  readonly maxRssMb: number;
  readonly exitCode: number;
  readonly reportFiles: number;
}

/** The SecretStore port in memory (see the file comment for why not the keychain). */
function memorySecrets(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (id) => Promise.resolve(secrets.get(id) ?? null),
    set: (id, secret) => {
      secrets.set(id, secret);
      return Promise.resolve();
    },
    delete: (id) => Promise.resolve(secrets.delete(id)),
    accountIdsWithSecrets: () => Promise.resolve(new Set(secrets.keys())),
  };
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return typeof address === 'object' && address !== null ? address.port : 0;
}

const domainOf = (index: number): string => `client${String(index + 1)}.batch-bench.test`;

function zones(accounts: number): Record<string, string> {
  const result: Record<string, string> = { 'batch-bench.test': 'smtp IN A 127.0.0.1' };
  for (let index = 0; index < accounts; index += 1) {
    result[domainOf(index)] = [
      `@ IN MX 10 ${MAIL_HOST}.`,
      '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
      `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${domainOf(index)}"`,
    ].join('\n');
  }
  return result;
}

export async function benchBatch(
  accounts = BATCH_ACCOUNTS,
  concurrency = BATCH_CONCURRENCY,
): Promise<BatchBenchFigures> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', MAIL_HOST);
  const password = randomBytes(PASSWORD_BYTES).toString('base64url');
  const smtp = await startAuthSmtpServer({
    user: { username: USERNAME, password },
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
  });
  const dataDir = await makeTempDir();
  try {
    const knot = await startKnot(zones(accounts), { startDeadlineMs: KNOT_START_DEADLINE_MS });
    try {
      const secretStore = memorySecrets();
      const services = createMainServices({ dataDir, secretStore, dnsServer: knot.server });
      const rows = ['client,email or domain,host,port,security,user'];
      for (let index = 0; index < accounts; index += 1) {
        const email = `owner@${domainOf(index)}`;
        await services.accounts.add(
          { email, host: MAIL_HOST, port: smtp.port, security: 'starttls', username: USERNAME },
          password,
        );
        rows.push(`Client ${String(index + 1)},${email},,,,`);
      }
      const csv = join(dataDir, 'clients.csv');
      await writeFile(csv, `${rows.join('\n')}\n`);
      const outDir = join(dataDir, 'reports');
      const portMap = `smtp=${String(await closedPort())},submissions=${String(await closedPort())},submission=${String(smtp.port)}`;

      let peakRss = 0;
      let peakHeap = 0;
      const sample = (): void => {
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        peakHeap = Math.max(peakHeap, usage.heapUsed);
      };
      const sampler = setInterval(sample, MEMORY_SAMPLE_MS);
      const stderr = new Sink();
      const started = performance.now();
      let exitCode: number;
      try {
        exitCode = await runCli(
          [
            'audit',
            '--batch',
            csv,
            '--out-dir',
            outDir,
            '--concurrency',
            String(concurrency),
            '--dns',
            knot.server,
            '--ca',
            pki.caPath,
            '--port-map',
            portMap,
          ],
          {
            stdin: new PassThrough().end(),
            stdout: new Sink(),
            stderr,
            env: { MAILWARDEN_DATA_DIR: dataDir },
          },
          { createServices: (options) => createMainServices({ ...options, secretStore }) },
        );
      } finally {
        clearInterval(sampler);
      }
      const wallMs = performance.now() - started;
      sample();
      if (exitCode !== 0) throw new Error(`the batch exited ${String(exitCode)}:\n${stderr.text}`);
      return {
        accounts,
        concurrency,
        wallMs,
        accountsPerSecond: accounts / (wallMs / MS_PER_SECOND),
        peakRssMb: peakRss / BYTES_PER_MB,
        peakHeapMb: peakHeap / BYTES_PER_MB,
        maxRssMb: process.resourceUsage().maxRSS / KB_PER_MB,
        exitCode,
        reportFiles: (await readdir(outDir)).filter((name) => name.endsWith('.json')).length,
      };
    } finally {
      await knot.stop();
    }
  } finally {
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function batchBenchLines(figures: BatchBenchFigures): string[] {
  return [
    `${String(figures.accounts)} saved accounts, ${String(figures.concurrency)} at a time (full audit each: 3 ports, TLS, login, relay, spoofing, domain DNS)`,
    `Wall:        ${(figures.wallMs / MS_PER_SECOND).toFixed(2)} s for ${String(figures.reportFiles)} reports + index`,
    `Throughput:  ${figures.accountsPerSecond.toFixed(1)} accounts/s (load average ${loadavg()[0]?.toFixed(2) ?? '?'} on ${String(availableParallelism())} CPUs)`,
    `Peak memory: ${figures.peakRssMb.toFixed(0)} MB RSS (this process, the test smtp-server included), ${figures.peakHeapMb.toFixed(0)} MB heap (sampled every ${String(MEMORY_SAMPLE_MS)} ms); process max RSS ${figures.maxRssMb.toFixed(0)} MB`,
  ];
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  process.stdout.write('\n== Batch: mailwarden audit --batch ==\n');
  for (const line of batchBenchLines(await benchBatch())) process.stdout.write(`${line}\n`);
}
