/** House rules for node:util parseArgs: strict, and a parse mistake becomes a UsageError for that command. */
import { parseArgs } from 'node:util';
import { writeLine, type CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { UsageError } from './usage-error';

/** Every command takes -h/--help; spread this into its parseArgs options. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

export function parseOrUsageError<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--prot'"), which is what the user needs.
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

type SubcommandOptions = Record<string, { type: 'string' | 'boolean' }>;
type SubcommandParse<O extends SubcommandOptions> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: O & typeof HELP_OPTION;
    allowPositionals: true;
    strict: true;
  }>
>;

/** A subcommand's own options plus -h/--help, with positionals, parsed by the house rules above. */
export function parseSubcommandArgs<O extends SubcommandOptions>(
  command: string,
  args: readonly string[],
  options: O,
): SubcommandParse<O> {
  return parseOrUsageError(command, () =>
    parseArgs({
      args: [...args],
      options: { ...options, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
}

/** Prints a command's help on standard output; asking for help succeeds. */
export function printHelp(io: CliIo, text: string): number {
  writeLine(io.stdout, text);
  return EXIT_OK;
}
