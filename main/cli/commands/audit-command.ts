/**
 * `mailwarden audit ACCOUNT|EMAIL|DOMAIN` and the ad hoc `mailwarden audit --host H --port P --security S`.
 *
 * Progress goes to stderr (one line per check), the report to stdout or --out. A password for an ad hoc
 * server comes only from --password-stdin; a saved account's comes from the keychain.
 */
import { parseArgs } from 'node:util';
import { AUDIT_AREAS, type AuditArea, type AuditEvent } from '../../../preload/contract/audit';
import { SECURITY_MODES, type SecurityMode } from '../../../preload/contract/accounts';
import { checkOutputTarget, writeOutputFile } from '../../adapters/output-file';
import type { MainServices } from '../../composition';
import { isIpv4, isIpv6 } from '../../core/accounts/domain-name';
import type { AuditRequest } from '../../core/audit/audit-service';
import { MAX_SELECTORS } from '../../core/checks/dkim/check-dkim';
import type { LoginSecret } from '../../core/smtp/smtp-login';
import type { StandardSmtpPorts } from '../../core/probes/smtp-ports';
import {
  STANDARD_INCOMING_PORTS,
  type StandardIncomingPorts,
} from '../../core/incoming/incoming-reachability';
import type { IncomingProtocol } from '../../core/incoming/line-channel';
import { writeLine, type CliIo } from '../cli-io';
import { runAuditBatch } from './audit-batch';
import { runAuditClient } from './audit-client';
import { EXIT_OK } from '../exit-codes';
import { historyNotice } from '../history-notice';
import { AUDIT_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { readPasswordFromStdin } from '../password-input';
import { readCaFile } from '../read-ca-file';
import { parseHostArgument, parsePortArgument } from '../server-arguments';
import { exitCodeForFindings, parseFailOn, parseReportFormat, renderForCli } from '../report-output';
import { terminalText } from '../../../preload/contract/untrusted-text';
import { UsageError } from '../usage-error';

const COMMAND = 'audit';

export async function runAuditCommand(
  args: readonly string[],
  io: CliIo,
  services: (dnsServer: string | undefined) => MainServices,
): Promise<number> {
  const { values, positionals } = parseOrUsageError(COMMAND, () =>
    parseArgs({
      args: [...args],
      options: {
        only: { type: 'string' },
        dns: { type: 'string' },
        ca: { type: 'string' },
        'no-relay-test': { type: 'boolean' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        out: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        security: { type: 'string' },
        protocol: { type: 'string' },
        user: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'oauth-token-stdin': { type: 'boolean' },
        'dkim-selector': { type: 'string', multiple: true },
        ip: { type: 'string', multiple: true },
        parked: { type: 'boolean' },
        'allow-fingerprint': { type: 'string' },
        'port-map': { type: 'string' },
        batch: { type: 'string' },
        concurrency: { type: 'string' },
        'out-dir': { type: 'string' },
        client: { type: 'string' },
        ...HELP_OPTION,
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, AUDIT_HELP);
    return EXIT_OK;
  }
  const format = parseReportFormat(values.format, COMMAND);
  const failOn = parseFailOn(values['fail-on'], COMMAND);
  const only = parseOnly(values.only);
  const extraCaPem = values.ca === undefined ? undefined : await readCa(values.ca);
  const portMap = values['port-map'] === undefined ? undefined : parsePortMap(values['port-map']);
  const ports = portMap?.smtp;
  const incomingPorts = portMap?.incoming;
  const spfSenderIps = parseSenderIps(values.ip);
  const built = services(values.dns);
  // The saved trusted CAs (plus --ca) and timeouts, as in the app.
  const saved = await built.settings.forAudit(extraCaPem);
  if (values.batch !== undefined) {
    return runAuditBatch(
      {
        file: values.batch,
        outDir: values['out-dir'],
        concurrency: values.concurrency,
        failOn,
        conflicting: positionals.length > 0 || values.host !== undefined || values.out !== undefined,
        settings: {
          only,
          relayTest: values['no-relay-test'] !== true,
          allowCertificateFingerprint: values['allow-fingerprint'],
          ...saved,
          ...(ports === undefined ? {} : { ports }),
          ...(incomingPorts === undefined ? {} : { incomingPorts }),
        },
      },
      io,
      built,
    );
  }
  // A --out the write would refuse is refused now, not after a two-minute audit.
  if (values.out !== undefined) await checkOutputTarget(values.out);
  if (values.client !== undefined) {
    return runAuditClient(
      {
        client: values.client,
        format,
        out: values.out,
        failOn,
        conflicting: positionals.length > 0 || values.host !== undefined || values['out-dir'] !== undefined,
        settings: {
          only,
          relayTest: values['no-relay-test'] !== true,
          allowCertificateFingerprint: values['allow-fingerprint'],
          extraCaPem,
          ...(ports === undefined ? {} : { ports }),
          ...(incomingPorts === undefined ? {} : { incomingPorts }),
        },
      },
      io,
      built,
    );
  }
  if (values.concurrency !== undefined || values['out-dir'] !== undefined)
    throw new UsageError('--concurrency and --out-dir go with --batch FILE.csv.', COMMAND);

  const request = await buildRequest(positionals, values, io, built);
  const progress = progressPrinter(io);
  const report = await built.audits.run(
    request,
    {
      only,
      relayTest: values['no-relay-test'] !== true,
      allowCertificateFingerprint: values['allow-fingerprint'],
      ...saved,
      ...(ports === undefined ? {} : { ports }),
      ...(spfSenderIps.length === 0 ? {} : { spfSenderIps }),
      ...(values.parked === true ? { parked: true } : {}),
      ...(incomingPorts === undefined ? {} : { incomingPorts }),
    },
    { onEvent: progress, onHistory: historyNotice(io) },
  );
  const output = renderForCli(report, format);
  if (values.out === undefined) io.stdout.write(output);
  else {
    writeLine(io.stderr, await writeOutputFile(values.out, output));
  }
  return exitCodeForFindings(report, failOn);
}

async function buildRequest(
  positionals: readonly string[],
  values: {
    host?: string;
    port?: string;
    security?: string;
    protocol?: string;
    user?: string;
    'password-stdin'?: boolean;
    'oauth-token-stdin'?: boolean;
    'dkim-selector'?: string[];
  },
  io: CliIo,
  built: MainServices,
): Promise<AuditRequest> {
  if (values.host !== undefined) {
    if (positionals.length > 0)
      throw new UsageError('Give either a saved account / domain or --host, not both.', COMMAND);
    if (values.port === undefined || values.security === undefined)
      throw new UsageError('--host needs --port and --security.', COMMAND);
    const host = parseHostArgument(values.host, COMMAND);
    const port = parsePortArgument(values.port, '--port', COMMAND);
    const security = values.security;
    if (!isSecurityMode(security))
      throw new UsageError('--security must be one of: tls, starttls, none.', COMMAND);
    const secret = await readSecret(values, io);
    if (secret !== null && values.user === undefined)
      throw new UsageError('--password-stdin and --oauth-token-stdin need --user.', COMMAND);
    const protocol = parseProtocol(values.protocol);
    return {
      kind: 'server',
      server: { host, port, security, username: values.user ?? '', secret },
      ...(protocol === undefined ? {} : { protocol }),
    };
  }
  if (values.protocol !== undefined)
    throw new UsageError(
      '--protocol goes with --host (a saved account names its own incoming server).',
      COMMAND,
    );
  if (positionals.length !== 1 || positionals[0] === undefined)
    throw new UsageError('Name one saved account (id or email) or one domain.', COMMAND);
  if (values['password-stdin'] === true)
    throw new UsageError(
      '--password-stdin is for --host; a saved account uses its keychain password.',
      COMMAND,
    );
  const target = positionals[0];
  const accounts = (await built.accounts.list()).accounts;
  const account =
    accounts.find((a) => a.id === target) ??
    accounts.find((a) => a.email.toLowerCase() === target.trim().toLowerCase());
  if (account !== undefined) {
    // An OAuth token (XOAUTH2) replaces the keychain password for this run only; it is never stored.
    const token = values['oauth-token-stdin'] === true ? await readPasswordFromStdin(io) : undefined;
    return { kind: 'account', accountId: account.id, xoauth2Token: token };
  }
  if (target.includes('@'))
    throw new UsageError(
      `There is no saved account for ${target}. Add it with "mailwarden accounts add".`,
      COMMAND,
    );
  const selectors = values['dkim-selector'] ?? [];
  // The DKIM check tries at most MAX_SELECTORS; more would be dropped without a word.
  if (selectors.length > MAX_SELECTORS)
    throw new UsageError(
      `--dkim-selector was given ${String(selectors.length)} times; at most ${String(MAX_SELECTORS)} selectors are checked.`,
      COMMAND,
    );
  return { kind: 'domain', domain: target, dkimSelectors: selectors };
}

/** A password or an OAuth 2.0 access token (for SASL XOAUTH2), from standard input only, never argv. */
async function readSecret(
  values: { 'password-stdin'?: boolean; 'oauth-token-stdin'?: boolean },
  io: CliIo,
): Promise<LoginSecret | null> {
  if (values['password-stdin'] === true && values['oauth-token-stdin'] === true)
    throw new UsageError('Give either --password-stdin or --oauth-token-stdin, not both.', COMMAND);
  if (values['password-stdin'] === true)
    return { kind: 'password', password: await readPasswordFromStdin(io) };
  if (values['oauth-token-stdin'] === true)
    return { kind: 'xoauth2', token: await readPasswordFromStdin(io) };
  return null;
}

/** `smtp` (the default) or an incoming server's protocol. */
function parseProtocol(text: string | undefined): IncomingProtocol | undefined {
  if (text === undefined || text === 'smtp') return undefined;
  if (text === 'imap' || text === 'pop3') return text;
  throw new UsageError('--protocol must be one of: smtp, imap, pop3.', COMMAND);
}

function parseOnly(text: string | undefined): AuditArea[] | undefined {
  if (text === undefined) return undefined;
  const areas = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const unknown = areas.filter((area) => !(AUDIT_AREAS as readonly string[]).includes(area));
  if (unknown.length > 0 || areas.length === 0) {
    throw new UsageError(
      `--only takes a comma-separated list of: ${AUDIT_AREAS.join(', ')}, not "${text}".`,
      COMMAND,
    );
  }
  return areas as AuditArea[];
}

/** --ip: sender addresses to evaluate SPF for (RFC 7208 section 4: check_host() takes an IP address). */
function parseSenderIps(values: readonly string[] | undefined): string[] {
  const ips = (values ?? []).map((value) => value.trim());
  const bad = ips.find((ip) => !isIpv4(ip) && !isIpv6(ip));
  if (bad !== undefined)
    throw new UsageError(`--ip takes an IPv4 or IPv6 address, not "${terminalText(bad)}".`, COMMAND);
  return ips;
}

/** Where the standard ports really are: the SMTP ones, and the incoming ones for an account's IMAP/POP3. */
interface PortMap {
  readonly smtp: Partial<StandardSmtpPorts>;
  readonly incoming: Partial<Record<IncomingProtocol, StandardIncomingPorts>>;
}

const INCOMING_ROLES = {
  imap: ['imap', 'plain'],
  imaps: ['imap', 'implicitTls'],
  pop3: ['pop3', 'plain'],
  pop3s: ['pop3', 'implicitTls'],
} as const;

/**
 * `smtp=2525,submissions=2465,submission=2587,imap=2143,imaps=2993,pop3=2110,pop3s=2995`. An incoming
 * protocol's two ports go together: naming one keeps the other at its standard number.
 */
function parsePortMap(text: string): PortMap {
  const smtp: { -readonly [K in keyof StandardSmtpPorts]?: number } = {};
  const incoming: { -readonly [K in IncomingProtocol]?: StandardIncomingPorts } = {};
  for (const part of text.split(',')) {
    const [role, value] = part.split('=');
    if (value === undefined) throw portMapUsage();
    const port = parsePortArgument(value, `--port-map ${role ?? ''}`, COMMAND);
    if (role === 'smtp' || role === 'submissions' || role === 'submission') smtp[role] = port;
    else if (role !== undefined && Object.hasOwn(INCOMING_ROLES, role)) {
      const [protocol, which] = INCOMING_ROLES[role as keyof typeof INCOMING_ROLES];
      incoming[protocol] = { ...(incoming[protocol] ?? STANDARD_INCOMING_PORTS[protocol]), [which]: port };
    } else throw portMapUsage();
  }
  return { smtp, incoming };
}

function portMapUsage(): UsageError {
  return new UsageError(
    '--port-map takes smtp=PORT,submissions=PORT,submission=PORT,imap=PORT,imaps=PORT,pop3=PORT,pop3s=PORT.',
    COMMAND,
  );
}

function readCa(path: string): Promise<string> {
  return readCaFile(path, COMMAND);
}

function isSecurityMode(value: string): value is SecurityMode {
  return (SECURITY_MODES as readonly string[]).includes(value);
}

/** One line per finished check on stderr, so a long audit visibly moves; nothing on stdout. */
function progressPrinter(io: CliIo): (event: AuditEvent) => void {
  let total = 0;
  let done = 0;
  return (event) => {
    if (event.type === 'planned') {
      total = event.checks.length;
      writeLine(io.stderr, `Running ${String(total)} checks...`);
    } else if (event.type === 'check-finished') {
      done += 1;
      writeLine(
        io.stderr,
        `[${String(done)}/${String(total)}] ${terminalText(event.checkId)} (${String(event.elapsedMs)} ms)`,
      );
    }
  };
}
