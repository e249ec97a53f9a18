/**
 * The `mailwarden` command: parses the first word, runs the command, turns every failure into a clear
 * message and a documented exit code. Never prints a stack trace or a secret.
 */
import type { MainServices } from '../composition';
import { resolveDataDir } from '../adapters/data-dir';
import { toFailure } from '../core/errors/mailwarden-error';
import { writeLine, type CliIo } from './cli-io';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { MAIN_HELP, VERSION_TEXT } from './help-text';
import { terminalText } from '../../preload/contract/untrusted-text';
import { UsageError } from './usage-error';

export interface CliDeps {
  /** Overridable so tests can point at their own keychain service; defaults to the real composition. */
  readonly createServices?: (options: { dataDir: string; dnsServer?: string }) => MainServices;
}

/** The commands that use accounts, settings, history or the network through MainServices. */
const SERVICE_COMMANDS: ReadonlySet<string> = new Set([
  'accounts',
  'analyse',
  'audit',
  'clients',
  'discover',
  'history',
  'prove',
]);

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const [command, ...rest] = argv;
  // Each command's code, and the adapters behind the services, load when that command runs, not at start:
  // `--help` and a usage error then cost little more than starting Node (issue 15, cold start).
  const composition =
    deps.createServices === undefined && command !== undefined && SERVICE_COMMANDS.has(command)
      ? await import('../composition')
      : undefined;
  const build =
    deps.createServices ??
    ((options: { dataDir: string; dnsServer?: string }): MainServices => {
      if (composition === undefined) throw new Error(`"${command ?? ''}" does not use the services.`);
      return composition.createMainServices(options);
    });
  let built: MainServices | undefined;
  const services = (dnsServer?: string): MainServices => {
    built ??= build({ dataDir: resolveDataDir(io.env), ...(dnsServer === undefined ? {} : { dnsServer }) });
    return built;
  };

  try {
    switch (command) {
      case 'accounts':
        return await (
          await import('./commands/accounts-command')
        ).runAccountsCommand(rest, io, () => services());
      case 'analyse':
        return await (
          await import('./commands/analyse-command')
        ).runAnalyseCommand(rest, io, (dns) => services(dns));
      case 'audit':
        return await (
          await import('./commands/audit-command')
        ).runAuditCommand(rest, io, (dns) => services(dns));
      case 'clients':
        return await (
          await import('./commands/clients-command')
        ).runClientsCommand(rest, io, () => services());
      case 'discover':
        return await (
          await import('./commands/discover-command')
        ).runDiscoverCommand(rest, io, (dns) => services(dns));
      case 'history':
        return await (
          await import('./commands/history-command')
        ).runHistoryCommand(rest, io, () => services());
      case 'prove':
        return await (
          await import('./commands/prove-command')
        ).runProveCommand(rest, io, (dns) => services(dns));
      case 'reevaluate':
        return await (await import('./commands/reevaluate-command')).runReevaluateCommand(rest, io);
      case 'presets':
        return (await import('./commands/presets-command')).runPresetsCommand(rest, io);
      case '-V':
      case '--version':
        writeLine(io.stdout, VERSION_TEXT);
        return EXIT_OK;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        writeLine(command === undefined ? io.stderr : io.stdout, MAIN_HELP);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      writeSafeLine(io.stderr, `mailwarden: ${error.message}`);
      writeSafeLine(
        io.stderr,
        `Run "mailwarden ${error.command === undefined ? '' : `${error.command} `}--help" for usage.`,
      );
      return EXIT_USAGE;
    }
    const failure = toFailure(error);
    writeSafeLine(io.stderr, `mailwarden: ${failure.message}`);
    for (const field of failure.fields ?? []) {
      if (!failure.message.includes(field.message))
        writeSafeLine(io.stderr, `  ${field.field}: ${field.message}`);
    }
    if (failure.code === 'INTERNAL' && io.env['MAILWARDEN_DEBUG'] === '1')
      writeSafeLine(io.stderr, String(error));
    return exitCodeFor(failure.code);
  } finally {
    for (const warning of [...(built?.accounts.warnings() ?? []), ...(built?.settings.warnings() ?? [])]) {
      if (command !== 'accounts') writeSafeLine(io.stderr, `Warning: ${warning}`);
    }
  }
}

/**
 * Every error line passes the terminal policy: a message may quote argv or a file's text, and an ESC,
 * OSC 8 or C1 byte from there must be shown, not acted on (ECMA-48). Line breaks a message has are kept.
 */
function writeSafeLine(stream: CliIo['stderr'], text: string): void {
  writeLine(stream, text.split('\n').map(terminalText).join('\n'));
}
