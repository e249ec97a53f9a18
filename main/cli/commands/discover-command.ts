/** `mailwarden discover DOMAIN [--dns HOST:PORT] [--json]`. */
import { parseArgs } from 'node:util';
import type { DiscoveryResult } from '../../../preload/contract/providers';
import type { MainServices } from '../../composition';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { DISCOVER_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { formatTable } from '../terminal-text';
import { UsageError } from '../usage-error';

export async function runDiscoverCommand(
  args: readonly string[],
  io: CliIo,
  services: (dnsServer: string | undefined) => MainServices,
): Promise<number> {
  const { values, positionals } = parseOrUsageError('discover', () =>
    parseArgs({
      args: [...args],
      options: { dns: { type: 'string' }, json: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, DISCOVER_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1 || positionals[0] === undefined)
    throw new UsageError('Name exactly one domain.', 'discover');

  const result = await services(values.dns).discovery.run(positionals[0]);
  if (values.json === true) writeLine(io.stdout, jsonText(result));
  else writeLine(io.stdout, formatDiscovery(result));
  return EXIT_OK;
}

export function formatDiscovery(result: DiscoveryResult): string {
  const lines = [
    `Submission servers for ${terminalText(result.domain)} (DNS: ${terminalText(result.resolver)})`,
    '',
  ];
  if (result.candidates.length === 0) {
    lines.push('Nothing found. Ask your mail provider for its SMTP server, port and security mode.');
  } else {
    lines.push(
      formatTable(
        ['HOST', 'PORT', 'SECURITY', 'FOUND BY', 'WHY'],
        result.candidates.map((c) => [c.host, String(c.port), c.security, c.source, c.reason]),
      ),
    );
  }
  lines.push('', `Incoming servers (IMAP, POP3) for ${terminalText(result.domain)}`, '');
  if (result.incomingCandidates.length === 0) {
    lines.push(
      'Nothing found. Ask your mail provider for its IMAP (or POP3) server, port and security mode.',
    );
  } else {
    lines.push(
      formatTable(
        ['PROTOCOL', 'HOST', 'PORT', 'SECURITY', 'FOUND BY', 'WHY'],
        result.incomingCandidates.map((c) => [
          c.protocol,
          c.host,
          String(c.port),
          c.security,
          c.source,
          c.reason,
        ]),
      ),
    );
  }
  lines.push('', 'How we looked:');
  for (const step of result.steps)
    lines.push(`  - ${terminalText(step.step)}: ${terminalText(step.outcome)}`);
  return lines.join('\n');
}
