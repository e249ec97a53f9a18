/** The one account a subcommand works on, named by id or email address. */
import { UsageError } from '../usage-error';

export function singleTarget(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined)
    throw new UsageError('Name exactly one account, by id or email address.', command);
  return positionals[0];
}
