/**
 * A real validating recursive resolver (Unbound, Debian package `unbound`) for DNSSEC tests.
 *
 * The AD bit comes from a validating resolver, never from the authoritative server, so DANE tests put
 * Unbound in front of Knot: stub zones point at the Knot instance, trust anchors are the signed zones'
 * DNSKEYs read from that instance with kdig, and nothing is asked of the root (there is no network).
 * Each instance has its own directory and a random 127.0.0.x address; like knot-server.ts, unbound runs
 * in the foreground under a shell watchdog that kills it when our stdin pipe closes, even if the test
 * process dies.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startWatchedDaemon } from './loopback-daemon';
import { waitForSoaAnswers } from './soa-readiness';
import type { KnotServer } from './knot-server';

const UNBOUND_PATH = '/usr/sbin/unbound';
const KDIG_PATH = '/usr/bin/kdig';
const START_DEADLINE_MS = 10_000;
const KDIG_TIMEOUT_MS = 5_000;
/** RFC 4034 section 2.1.1: flags 257 = zone key + secure entry point (a KSK or a single combined key). */
const SEP_KEY_FLAGS = '257';

export interface UnboundServer {
  readonly address: string;
  readonly port: number;
  /** `127.0.0.x:PORT`. */
  readonly server: string;
  stop(): Promise<void>;
}

export interface UnboundOptions {
  /** Zones Unbound sends to `knot` (stub zones); names outside them are never asked for. */
  readonly stubZones: readonly string[];
  readonly knot: KnotServer;
  /** Trust anchors in zone-file form, e.g. `signed.test. DNSKEY 257 3 13 ...` (see readTrustAnchors). */
  readonly trustAnchors: readonly string[];
}

/** The secure-entry-point DNSKEY of each zone, read from the Knot instance, as Unbound trust anchors. */
export async function readTrustAnchors(knot: KnotServer, zones: readonly string[]): Promise<string[]> {
  const anchors: string[] = [];
  for (const zone of zones) {
    const name = `${zone.replace(/\.$/, '')}.`;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        KDIG_PATH,
        [`@${knot.address}`, '-p', String(knot.port), '+short', '+time=2', '+retry=1', name, 'DNSKEY'],
        { timeout: KDIG_TIMEOUT_MS },
        (error, stdout) => {
          if (error !== null) reject(new Error(`kdig failed: ${error.message}`));
          else resolve(stdout);
        },
      );
    });
    const keys = output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith(`${SEP_KEY_FLAGS} `));
    if (keys.length === 0) throw new Error(`knotd served no DNSKEY with flags 257 for ${name}:\n${output}`);
    anchors.push(...keys.map((key) => `${name} DNSKEY ${key}`));
  }
  return anchors;
}

/** Start a validating Unbound in front of `knot` and resolve once it answers for every stub zone. */
export async function startUnbound(options: UnboundOptions): Promise<UnboundServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mailwarden-unbound-'));
  try {
    const address = `127.0.0.${String(2 + Math.floor(Math.random() * 252))}`;
    const port = await findFreePort(address);
    await writeFile(join(dir, 'unbound.conf'), unboundConfig(dir, address, port, options));
    return await launch(dir, address, port, options.stubZones);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function unboundConfig(dir: string, address: string, port: number, options: UnboundOptions): string {
  const knotAt = `${options.knot.address}@${String(options.knot.port)}`;
  const zones = options.stubZones.map((zone) => `${zone.replace(/\.$/, '')}.`);
  return [
    'server:',
    `  interface: ${address}@${String(port)}`,
    `  port: ${String(port)}`,
    '  do-ip6: no',
    '  username: ""',
    '  chroot: ""',
    `  directory: "${dir}"`,
    `  pidfile: "${join(dir, 'unbound.pid')}"`,
    '  use-syslog: no',
    '  logfile: ""',
    '  verbosity: 1',
    '  val-log-level: 2',
    '  num-threads: 1',
    '  so-reuseport: no',
    '  module-config: "validator iterator"',
    // Knot listens on 127.0.0.x: Unbound refuses to query loopback addresses unless told otherwise.
    '  do-not-query-localhost: no',
    '  access-control: 127.0.0.0/8 allow',
    '  qname-minimisation: no',
    // Unbound answers .test, .invalid, .home.arpa and the private reverse zones itself (RFC 6761): not here.
    ...zones.flatMap((zone) => [`  local-zone: "${zone}" nodefault`]),
    '  local-zone: "test." nodefault',
    ...options.trustAnchors.map((anchor) => `  trust-anchor: "${anchor}"`),
    ...zones.flatMap((zone) => ['stub-zone:', `  name: "${zone}"`, `  stub-addr: ${knotAt}`]),
    'remote-control:',
    '  control-enable: no',
    '',
  ].join('\n');
}

async function launch(
  dir: string,
  address: string,
  port: number,
  zones: readonly string[],
): Promise<UnboundServer> {
  const daemon = await startWatchedDaemon(
    UNBOUND_PATH,
    ['-d', '-c', join(dir, 'unbound.conf')],
    dir,
    START_DEADLINE_MS,
  );
  const server = `${address}:${String(port)}`;

  try {
    await waitForSoaAnswers({
      daemon: 'unbound',
      server,
      zones,
      hasExited: daemon.hasExited,
      deadlineMs: START_DEADLINE_MS,
      // SERVFAIL is an answer too: a zone set up to fail validation (bogus) gives nothing else.
      servfailIsAnswer: true,
    });
  } catch (error) {
    await daemon.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`unbound did not start on ${server}: ${reason}\n--- unbound log ---\n${daemon.log()}`, {
      cause: error,
    });
  }
  return { address, port, server, stop: daemon.stop };
}
