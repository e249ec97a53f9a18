/** House rules for node:util parseArgs: strict, and a parse mistake becomes a UsageError for that command. */
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
