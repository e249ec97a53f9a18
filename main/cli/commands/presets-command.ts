/** `mailwarden presets [--json]`: the built-in provider presets and their quirks. */
import { parseArgs } from 'node:util';
import { PROVIDER_PRESETS } from '../../core/accounts/provider-presets';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { PRESETS_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { UsageError } from '../usage-error';

export function runPresetsCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOrUsageError('presets', () =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0)
    throw new UsageError(`Unexpected argument "${positionals[0] ?? ''}".`, 'presets');
  if (values.help === true) {
    writeLine(io.stdout, PRESETS_HELP);
    return EXIT_OK;
  }
  if (values.json === true) {
    writeLine(io.stdout, JSON.stringify(PROVIDER_PRESETS, null, 2));
    return EXIT_OK;
  }
  for (const preset of PROVIDER_PRESETS) {
    writeLine(io.stdout, `${preset.name} (--preset ${preset.id})`);
    for (const endpoint of preset.endpoints) {
      const label = endpoint.label === undefined ? '' : ` [${endpoint.label}]`;
      const unconfirmed = endpoint.confidence === 'unconfirmed' ? ' (unconfirmed)' : '';
      writeLine(io.stdout, `  ${endpoint.host}:${endpoint.port} ${endpoint.security}${label}${unconfirmed}`);
    }
    for (const incoming of preset.incomingEndpoints ?? []) {
      const label = incoming.label === undefined ? '' : ` [${incoming.label}]`;
      const unconfirmed = incoming.confidence === 'unconfirmed' ? ' (unconfirmed)' : '';
      writeLine(
        io.stdout,
        `  reading: ${incoming.protocol} ${incoming.host}:${incoming.port} ${incoming.security}${label}${unconfirmed}`,
      );
    }
    writeLine(io.stdout, `  Username: ${preset.usernameHint}`);
    for (const quirk of preset.quirks) writeLine(io.stdout, `  - ${quirk}`);
    writeLine(io.stdout);
  }
  return EXIT_OK;
}
