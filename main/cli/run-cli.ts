/**
 * The `mailwarden` command: parses the first word, runs the command, turns every failure into a clear
 * message and a documented exit code. Never prints a stack trace or a secret.
 */
import { createMainServices, type MainServices } from '../composition';
import { resolveDataDir } from '../adapters/data-dir';
import { toFailure } from '../core/errors/mailwarden-error';
import { writeLine, type CliIo } from './cli-io';
import { runAccountsCommand } from './commands/accounts-command';
import { runAuditCommand } from './commands/audit-command';
import { runDiscoverCommand } from './commands/discover-command';
import { runHistoryCommand } from './commands/history-command';
import { runPresetsCommand } from './commands/presets-command';
import { runReevaluateCommand } from './commands/reevaluate-command';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { MAIN_HELP, VERSION_TEXT } from './help-text';
import { terminalText } from '../../preload/contract/untrusted-text';
import { UsageError } from './usage-error';

export interface CliDeps {
  /** Overridable so tests can point at their own keychain service; defaults to the real composition. */
  readonly createServices?: (options: { dataDir: string; dnsServer?: string }) => MainServices;
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const build = deps.createServices ?? ((options) => createMainServices(options));
  let built: MainServices | undefined;
  const services = (dnsServer?: string): MainServices => {
    built ??= build({ dataDir: resolveDataDir(io.env), ...(dnsServer === undefined ? {} : { dnsServer }) });
    return built;
  };

  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'accounts':
        return await runAccountsCommand(rest, io, () => services());
      case 'audit':
        return await runAuditCommand(rest, io, (dns) => services(dns));
      case 'discover':
        return await runDiscoverCommand(rest, io, (dns) => services(dns));
      case 'history':
        return await runHistoryCommand(rest, io, () => services());
      case 'reevaluate':
        return await runReevaluateCommand(rest, io);
      case 'presets':
        return runPresetsCommand(rest, io);
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
