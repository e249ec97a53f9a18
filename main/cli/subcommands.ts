/**
 * Commands made of subcommands (`accounts add|list|...`, `history list|show|...`): one dispatcher, so
 * every such command answers help, a missing and an unknown subcommand the same way.
 */
import type { MainServices } from '../composition';
import { writeLine, type CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { terminalText } from '../../preload/contract/untrusted-text';
import { UsageError } from './usage-error';

/** Builds the services on first use, so `--help` and usage errors touch no file or keychain. */
export type ServicesFactory = () => MainServices;

export type Subcommand = (args: readonly string[], io: CliIo, services: ServicesFactory) => Promise<number>;

export function runSubcommand(
  command: string,
  help: string,
  subcommands: Readonly<Record<string, Subcommand>>,
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    writeLine(io.stdout, help);
    return Promise.resolve(EXIT_OK);
  }
  const run = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (run === undefined)
    throw new UsageError(`Unknown subcommand "${command} ${terminalText(name)}".`, command);
  return run(rest, io, services);
}
