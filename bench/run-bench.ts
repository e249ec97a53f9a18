/**
 * `npm run bench`: times Mailwarden's audit engine against real loopback servers and, in the same run,
 * testssl.sh and swaks on the same endpoint. Targets are printed as PASS/MISS and never fail the process;
 * only a broken setup (a server that will not start) does.
 */
import { loadavg } from 'node:os';
import { benchSwaks, benchTestssl } from './baselines';
import { startBenchServers } from './bench-servers';
import { installSignalHooks, stopAll } from './cleanup';
import { benchColdStart, coldStartLines } from './cold-start-bench';
import { BATCH_ACCOUNTS, BATCH_CONCURRENCY, batchBenchLines, benchBatch } from './batch-bench';
import { benchDnsBatch } from './dns-batch';
import { benchDomains, benchZones, POLICY_HOST_ADDRESS } from './domain-zones';
import { benchBothSides, bothSidesLines } from './both-sides-bench';
import { benchFullProbe, type FullProbeFigures } from './full-probe-bench';
import { benchHistoryList, historyBenchLines } from './history-bench';
import { formatMachineFacts, machineFacts } from './machine-facts';
import {
  baselineLines,
  dnsBatchLines,
  fullProbeLines,
  suiteCostLines,
  TESTSSL_RATIO_TARGET,
} from './print-figures';
import { benchLoginProbe, benchTlsProbe } from './single-probes';

const FULL_PROBE_RUNS = 5;
const SINGLE_PROBE_RUNS = 5;
/** testssl.sh takes seconds per run; three runs still give a median. */
const TESTSSL_RUNS = 3;
const SWAKS_RUNS = 5;
const DNS_DOMAINS = 200;
const DNS_CONCURRENCY = 16;
const SWAKS_RATIO_TARGET = null;
/** A consultant's year: 50 accounts tested most weeks. */
const HISTORY_RUNS = 2_000;
const COLD_START_RUNS = 15;

/** Every section, in the order they run; `npm run bench -- --only 1,1b` runs a subset while tuning one. */
const SECTIONS = ['1', '1b', '2a', '2b', '3', '4', '5', '6'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(argv: readonly string[]): ReadonlySet<Section> {
  const at = argv.indexOf('--only');
  if (at === -1) return new Set(SECTIONS);
  const asked = (argv[at + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (asked.length === 0 || unknown.length > 0)
    throw new Error(
      `--only takes a comma-separated list of ${SECTIONS.join(', ')}; got "${argv[at + 1] ?? ''}".`,
    );
  return new Set(SECTIONS.filter((name) => asked.includes(name)));
}

const loadLine = (): string =>
  `Load avg after this section: ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`;

const print = (lines: readonly string[]): void => {
  for (const line of lines) process.stdout.write(`${line}\n`);
};
const heading = (title: string): void => {
  print(['', `== ${title} ==`]);
};

async function main(): Promise<void> {
  const sections = chosenSections(process.argv.slice(2));
  installSignalHooks();
  heading('Machine');
  print([
    ...formatMachineFacts(machineFacts()),
    `Load avg: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (1/5/15 min; other work on this machine shares the CPU)`,
  ]);
  const domains = benchDomains(DNS_DOMAINS);
  const servers = await startBenchServers(benchZones(domains));
  const { postfix, knot } = servers;
  print([
    `Servers:  Postfix+Dovecot on ${postfix.address} (smtp ${String(postfix.ports.smtp)}, submission ${String(postfix.ports.submission)} STARTTLS, submissions ${String(postfix.ports.submissions)} implicit TLS); Knot on ${knot.server} with ${String(DNS_DOMAINS + 1)} zones`,
  ]);

  // Section 1 is 1b's named baseline, so asking for 1b runs it too.
  let smtpOnly: FullProbeFigures | null = null;
  if (sections.has('1') || sections.has('1b')) {
    heading(`1. Full account audit through runAudit (${String(FULL_PROBE_RUNS)} runs)`);
    print([
      'reachability of 3 ports, SMTP dialogue, TLS 1.0-1.3 enumeration on every reachable port, a real login,',
      'open-relay test, the spoofing test after login (no message is ever sent), and the domain DNS checks',
    ]);
    smtpOnly = await benchFullProbe(servers, FULL_PROBE_RUNS);
    print([...fullProbeLines(smtpOnly), loadLine()]);
  }

  if (sections.has('1b') && smtpOnly !== null) {
    heading(`1b. Account audit with both sides: SMTP and its IMAP server (${String(FULL_PROBE_RUNS)} runs)`);
    print([
      "section 1, plus the account's IMAP server on its own Dovecot: reachability of 143/993, the dialogue and",
      'the TLS checks on each, a real login over verified TLS and the inbox count (EXAMINE), in the same run',
    ]);
    print([...bothSidesLines(await benchBothSides(servers, FULL_PROBE_RUNS), smtpOnly.wall), loadLine()]);
  }

  if (sections.has('2a')) {
    heading('2a. TLS facts of the submission port (STARTTLS): Mailwarden TLS probe vs testssl.sh');
    print([
      'testssl.sh -p -S: protocols and the server certificate, the facts both tools report (-S also adds',
      'extensions, session resumption and clock skew, which Mailwarden does not report; -p alone is shown too)',
    ]);
    const tls = await benchTlsProbe(servers, SINGLE_PROBE_RUNS);
    const tlsLabel = 'TLS probe (probeTls: TLS 1.0-1.3 + certificate + cipher suites)';
    print(['Cipher-suite enumeration (issue 14: at most 300 ms extra per port):']);
    print(suiteCostLines(tls, await benchTlsProbe(servers, SINGLE_PROBE_RUNS, false)));
    print(['']);
    print(
      baselineLines(
        await benchTestssl(servers, TESTSSL_RUNS, ['-p', '-S']),
        tls,
        tlsLabel,
        TESTSSL_RATIO_TARGET,
      ),
    );
    print(['', 'Lower bound, testssl.sh protocols only:']);
    print(baselineLines(await benchTestssl(servers, TESTSSL_RUNS, ['-p']), tls, tlsLabel, null));
  }

  if (sections.has('2b')) {
    heading('2b. Login on the submission port (STARTTLS + AUTH): Mailwarden login probe vs swaks');
    const login = await benchLoginProbe(servers, SINGLE_PROBE_RUNS);
    print(
      baselineLines(
        await benchSwaks(servers, SWAKS_RUNS),
        login,
        'login probe (runAuthProbe)',
        SWAKS_RATIO_TARGET,
      ),
    );
  }

  if (sections.has('3')) {
    heading(`3. DNS batch: domain checks of ${String(DNS_DOMAINS)} domains against one Knot`);
    print([
      `zones: 1/4 good, 1/4 weak, 1/4 broken, 1/4 bare; MTA-STS policy hosts resolve to ${POLICY_HOST_ADDRESS}, where`,
      'nothing listens on 443, so each policy fetch is refused at once (no HTTPS server in this batch)',
    ]);
    print(dnsBatchLines(await benchDnsBatch(servers, domains, DNS_CONCURRENCY)));
  }

  if (sections.has('4')) {
    heading(
      `4. Batch of ${String(BATCH_ACCOUNTS)} accounts, ${String(BATCH_CONCURRENCY)} at a time (the consultant's --batch)`,
    );
    print(batchBenchLines(await benchBatch()));
  }

  if (sections.has('5')) {
    heading(
      `5. History list of ${String(HISTORY_RUNS)} stored runs (the History screen and \`history list\`)`,
    );
    print(historyBenchLines(await benchHistoryList(HISTORY_RUNS)));
  }

  if (sections.has('6')) {
    heading(
      `6. CLI cold start against bare Node (${String(COLD_START_RUNS)} interleaved runs each, built bundle)`,
    );
    print(coldStartLines(benchColdStart(COLD_START_RUNS)));
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
