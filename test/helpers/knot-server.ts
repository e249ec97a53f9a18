/**
 * A real authoritative DNS server (Knot DNS, Debian package `knot`) for tests.
 *
 * Each instance gets its own temporary directory for configuration, zone files, databases, PID file and
 * control socket, and listens on a random 127.0.0.x address and a free port, so it never meets the system's
 * knotd (/etc/knot, /var/lib/knot, /run/knot) or another test file's instance. knotd runs in the foreground
 * under a tiny shell watchdog that kills it when our stdin pipe closes, which happens even when the test
 * process is killed outright: a crashed test does not leave knotd behind.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startWatchedDaemon } from './loopback-daemon';
import { waitForSoaAnswers } from './soa-readiness';

const KNOTD_PATH = '/usr/sbin/knotd';
const START_DEADLINE_MS = 10_000;
const START_ATTEMPTS = 3;

export interface KnotServer {
  readonly address: string;
  readonly port: number;
  /** `127.0.0.x:PORT`, the form `setServers` and `--dns` take. */
  readonly server: string;
  stop(): Promise<void>;
}

/**
 * Start knotd serving `zones` (zone name -> zone file text) and resolve once it answers SOA for each zone.
 *
 * The zone text is read with `$ORIGIN <zone>.` and `$TTL 60` already set; when it has no SOA record, a SOA and
 * an NS record are added, so tests only write the records they care about.
 */
export async function startKnot(
  zones: Record<string, string>,
  options: KnotOptions = {},
): Promise<KnotServer> {
  const startDeadlineMs = options.startDeadlineMs ?? START_DEADLINE_MS;
  const signed = new Set((options.signedZones ?? []).map((name) => name.replace(/\.$/, '').toLowerCase()));
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const dir = await mkdtemp(join(tmpdir(), 'mailwarden-knot-'));
    try {
      const zoneNames = await writeZones(dir, zones);
      const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
      const port = await findFreePort(address);
      await writeFile(join(dir, 'knot.conf'), knotConfig(dir, address, port, zoneNames, signed));
      return await launch(dir, address, port, zoneNames, startDeadlineMs);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      lastError = error;
      // Another process took the port between our probe and knotd's bind: try again elsewhere.
      if (!(error instanceof PortTakenError)) break;
    }
  }
  throw lastError;
}

export interface KnotOptions {
  readonly startDeadlineMs?: number;
  /**
   * Zones knotd signs with DNSSEC itself (`dnssec-signing: on`, ECDSA P-256, one key per zone, NSEC), with
   * keys generated in the instance's own directory. Read the DNSKEY from the running server to trust it.
   */
  readonly signedZones?: readonly string[];
}

class PortTakenError extends Error {}

async function writeZones(dir: string, zones: Record<string, string>): Promise<string[]> {
  await mkdir(join(dir, 'zones'));
  await mkdir(join(dir, 'db'));
  const names: string[] = [];
  for (const [rawName, text] of Object.entries(zones)) {
    const name = rawName.replace(/\.$/, '').toLowerCase();
    const header = [`$ORIGIN ${name}.`, '$TTL 60'];
    if (!/\sSOA\s/i.test(text)) {
      header.push(`@ SOA ns.${name}. hostmaster.${name}. 1 3600 600 86400 60`, `@ NS ns.${name}.`);
    }
    await writeFile(
      join(dir, 'zones', `zone-${String(names.length)}.zone`),
      `${header.join('\n')}\n${text}\n`,
    );
    names.push(name);
  }
  return names;
}

function knotConfig(
  dir: string,
  address: string,
  port: number,
  zoneNames: readonly string[],
  signed: ReadonlySet<string> = new Set(),
): string {
  const zoneLines = zoneNames.flatMap((name, index) => [
    `  - domain: "${name}."`,
    `    file: "${join(dir, 'zones', `zone-${String(index)}.zone`)}"`,
    ...(signed.has(name) ? ['    dnssec-signing: on', '    dnssec-policy: test-signing'] : []),
  ]);
  const policyLines =
    signed.size === 0
      ? []
      : ['policy:', '  - id: test-signing', '    algorithm: ecdsap256sha256', '    single-type-signing: on'];
  return [
    'server:',
    `    rundir: "${dir}"`,
    `    pidfile: "${join(dir, 'knot.pid')}"`,
    `    listen: ${address}@${String(port)}`,
    '    udp-workers: 1',
    '    tcp-workers: 1',
    '    background-workers: 1',
    'log:',
    '  - target: stderr',
    '    any: info',
    'database:',
    `    storage: "${join(dir, 'db')}"`,
    'control:',
    `    listen: "${join(dir, 'knot.sock')}"`,
    'template:',
    '  - id: default',
    `    storage: "${join(dir, 'zones')}"`,
    '    zonefile-sync: -1',
    '    zonefile-load: whole',
    '    journal-content: none',
    ...policyLines,
    'zone:',
    ...zoneLines,
    '',
  ].join('\n');
}

async function launch(
  dir: string,
  address: string,
  port: number,
  zoneNames: readonly string[],
  startDeadlineMs: number,
): Promise<KnotServer> {
  const daemon = await startWatchedDaemon(KNOTD_PATH, ['-c', join(dir, 'knot.conf')], dir, startDeadlineMs);
  const server = `${address}:${String(port)}`;
  const log = daemon.log;

  try {
    await waitForSoaAnswers({
      daemon: 'knotd',
      server,
      zones: zoneNames,
      hasExited: daemon.hasExited,
      deadlineMs: startDeadlineMs,
    });
  } catch (error) {
    await daemon.stop().catch(() => undefined);
    if (/cannot bind address/i.test(log())) {
      throw new PortTakenError(`knotd could not bind ${server}.\n${log()}`, { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`knotd did not start on ${server}: ${reason}\n--- knotd log ---\n${log()}`, {
      cause: error,
    });
  }
  return { address, port, server, stop: daemon.stop };
}
