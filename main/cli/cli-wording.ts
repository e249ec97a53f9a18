/**
 * The knowledge tables word their fixes for the app (its controls: Settings, buttons, account fields).
 * On the command line those controls are flags; this table says which, in one place, so a fix printed
 * by `mailwarden` names what a terminal user can type.
 */
const APP_TO_CLI: readonly (readonly [string, string])[] = [
  ['under Settings → Extra trusted certificates', 'with --ca FILE'],
  [
    'then choose “Allow this certificate for one test”',
    'then run again with --allow-fingerprint FINGERPRINT',
  ],
  ['Add that selector to the account’s DKIM selectors', 'Run the check again with --dkim-selector SELECTOR'],
  ['switch the relay test back on', 'leave out --no-relay-test'],
  ['with DNS lookups switched on', 'without --no-dns'],
  ['send the test message again with a longer wait', 'run "mailwarden prove" again with a longer --timeout'],
  ['Test the domain ', 'Run "mailwarden audit --only dns" on the domain '],
  [
    'change this account’s sign-in to Microsoft (OAuth) and sign in on Microsoft’s page',
    'run "mailwarden accounts edit ACCOUNT --auth oauth --provider microsoft --client-id ID", then "mailwarden accounts signin ACCOUNT"',
  ],
];

export function cliWording(step: string): string {
  let text = step;
  for (const [app, cli] of APP_TO_CLI) text = text.replaceAll(app, cli);
  return text;
}
