/**
 * `mailwarden accounts signin` and `accounts signout`: the OAuth sign-in of an account, in the system
 * browser, or (`--no-browser`) by printing the authorization URL alone on one line of standard output,
 * or (`--device`, RFC 8628) by printing an address and a code to use on any other device: the address on
 * the first line of standard output and the code on the second, so a script can read both.
 *
 * Ctrl+C cancels a sign-in that is waiting for the browser. Exit codes: 0 signed in or out, 2 bad input,
 * 3 timed out, refused, cancelled or the provider unreachable (SIGN_IN_FAILED, see exit-codes.ts).
 */
import { parseArgs } from 'node:util';
import { terminalText } from '../../../preload/contract/untrusted-text';
import { createSystemBrowserOpener } from '../../adapters/oauth/system-browser';
import { PROVIDER_PROFILES } from '../../core/oauth/oauth-providers';
import type { DeviceCodePrompt } from '../../core/oauth/device-sign-in-flow';
import type { SignOutOutcome } from '../../core/oauth/oauth-service';
import { minutes } from '../../core/oauth/sign-in-flow';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { ACCOUNTS_SIGNIN_HELP, ACCOUNTS_SIGNOUT_HELP } from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { UsageError } from '../usage-error';
import type { ServicesFactory } from '../subcommands';
import { singleTarget } from './single-target';

export async function signIn(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'accounts signin';
  const { values, positionals } = parseOrUsageError(command, () =>
    parseArgs({
      args: [...args],
      options: { 'no-browser': { type: 'boolean' }, device: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_SIGNIN_HELP);
    return EXIT_OK;
  }
  const target = singleTarget(positionals, command);
  if (values.device === true && values['no-browser'] === true)
    throw new UsageError('--device and --no-browser are two different ways to sign in; give one.', command);
  const { accounts, oauth } = services();
  const account = await accounts.resolve(target);
  const provider =
    account.signIn?.method === 'oauth' ? PROVIDER_PROFILES[account.signIn.provider].displayName : null;
  const withProvider = provider === null ? '' : ` with ${provider}`;
  const browser = createSystemBrowserOpener();
  const openUrl =
    values['no-browser'] === true
      ? (url: string): Promise<void> => {
          writeLine(io.stderr, `Open this address in a browser on this computer to sign in${withProvider}:`);
          // The URL alone on its line of standard output, so a script can read it.
          writeLine(io.stdout, url);
          return Promise.resolve();
        }
      : async (url: string): Promise<void> => {
          writeLine(io.stderr, `Finish signing in${withProvider} in your browser.`);
          await browser(url);
        };
  const showCode = (prompt: DeviceCodePrompt): void => {
    writeLine(
      io.stderr,
      `To sign in${withProvider}, open this address in a browser on any device and enter the code below ` +
        `(waiting ${minutes(prompt.waitMs)} at most; Ctrl+C cancels):`,
    );
    // The address and the code alone on two lines of standard output, so a script can read them.
    writeLine(io.stdout, terminalText(prompt.verificationUri));
    writeLine(io.stdout, terminalText(prompt.userCode));
  };
  const cancel = new AbortController();
  const onInterrupt = (): void => {
    cancel.abort();
  };
  process.once('SIGINT', onInterrupt);
  try {
    const outcome =
      values.device === true
        ? await oauth.signInOnDevice(account.id, { showCode, signal: cancel.signal })
        : await oauth.signIn(account.id, { openUrl, signal: cancel.signal });
    const who = outcome.signedInAs === null ? '' : ` as ${terminalText(outcome.signedInAs)}`;
    writeLine(
      io.stderr,
      `Signed in${who}. ${terminalText(outcome.account.label)} keeps its sign-in in your system keychain.`,
    );
    return EXIT_OK;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

const SIGN_OUT_WORDS: Readonly<Record<SignOutOutcome['revocation'], string>> = {
  revoked: 'The provider revoked the sign-in, and it was deleted from your system keychain.',
  'not-offered':
    'The provider offers no way to revoke it from here, so it was deleted from your system keychain; ' +
    'the provider may still hold it.',
  'nothing-stored': 'It was not signed in; nothing to do.',
  failed: 'It was deleted from your system keychain.',
};

export async function signOut(
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  const command = 'accounts signout';
  const { values, positionals } = parseOrUsageError(command, () =>
    parseArgs({ args: [...args], options: HELP_OPTION, allowPositionals: true, strict: true }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_SIGNOUT_HELP);
    return EXIT_OK;
  }
  const { oauth } = services();
  const { account, outcome } = await oauth.signOut(singleTarget(positionals, command));
  writeLine(io.stdout, `Signed out ${terminalText(account.label)}.`);
  reportSignOut(io, outcome);
  return EXIT_OK;
}

/** What became of the OAuth sign-in: revoked and deleted, only deleted (and why), or nothing stored. */
export function reportSignOut(io: CliIo, outcome: SignOutOutcome): void {
  writeLine(io.stdout, SIGN_OUT_WORDS[outcome.revocation]);
  if (outcome.revocation === 'not-offered') writeLine(io.stdout, outcome.withdraw);
  if (outcome.revocation === 'failed')
    writeLine(
      io.stderr,
      `Warning: the revocation could not be done, so the provider may still hold the sign-in. ` +
        `${outcome.reason} ${outcome.withdraw}`,
    );
}
