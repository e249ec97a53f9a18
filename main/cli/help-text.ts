/** Every --help text of the `mailwarden` command, in one place. */
import { MAILWARDEN_VERSION } from '../version';

export const VERSION_TEXT = `mailwarden ${MAILWARDEN_VERSION}`;

export const MAIN_HELP = `Mailwarden: test a mail account's security from your own machine.

Usage: mailwarden <command> [options]

Commands:
  accounts add          Save an account (the password goes to your system keychain)
  accounts list         List saved accounts
  accounts remove       Remove an account and its keychain password
  accounts set-password Set or replace an account's password
  audit TARGET          Test an account's server and its domain (or a bare domain)
  discover DOMAIN       Find a domain's mail submission server from DNS
  presets               List the built-in provider presets

Options:
  -h, --help            Show help (also after any command: mailwarden accounts add --help)
  -V, --version         Show the version

Data lives in the platform's app-data folder; set MAILWARDEN_DATA_DIR to use another.
Exit codes: 0 done, 2 usage or input error, 3 could not run (keychain, disk, DNS).`;

export const ACCOUNTS_HELP = `Usage: mailwarden accounts <add|list|remove|set-password> [options]

Run "mailwarden accounts <subcommand> --help" for each one.`;

export const ACCOUNTS_ADD_HELP = `Usage: mailwarden accounts add --email EMAIL --host HOST --port PORT --security tls|starttls|none [options]

Saves an account. Its password is stored only in your system keychain, never in a file.
Without --password-stdin you are asked for it on the terminal (nothing is shown as you type);
press Enter to save the account without a password.

Options:
  --email EMAIL           The account's email address
  --host HOST             SMTP submission server, e.g. smtp.example.com
  --port PORT             1-65535 (465 for implicit TLS, 587 for STARTTLS)
  --security MODE         tls (implicit TLS), starttls, or none
  --user NAME             Login name (default: the email address)
  --label TEXT            A name for the list (default: the email address)
  --domain DOMAIN         The mail domain (default: the part after @)
  --dkim-selector S       A DKIM selector to check; repeat for several
  --client NAME           Group accounts by client (for consultants)
  --preset ID             Provider preset (see "mailwarden presets")
  --password-stdin        Read the password from standard input

Examples:
  mailwarden accounts add --email ann@example.com --host smtp.example.com --port 465 --security tls
  printf '%s' "$PASSWORD" | mailwarden accounts add --email ann@example.com --host smtp.example.com \\
      --port 587 --security starttls --password-stdin`;

export const ACCOUNTS_LIST_HELP = `Usage: mailwarden accounts list [--json]

Lists saved accounts and whether each has a password in the keychain (the password itself is never shown).`;

export const ACCOUNTS_REMOVE_HELP = `Usage: mailwarden accounts remove ID|EMAIL

Removes the account and deletes its password from the keychain.`;

export const ACCOUNTS_SET_PASSWORD_HELP = `Usage: mailwarden accounts set-password ID|EMAIL [--password-stdin]

Sets or replaces the account's password in the system keychain.

Example:
  printf '%s' "$PASSWORD" | mailwarden accounts set-password ann@example.com --password-stdin`;

export const DISCOVER_HELP = `Usage: mailwarden discover DOMAIN [--dns HOST:PORT] [--json]

Finds the domain's mail submission server: SRV records (RFC 6186 and RFC 8314), then the
provider behind its MX records, then a guess (implicit TLS on 465 before STARTTLS on 587).

Options:
  --dns HOST:PORT   Send every DNS lookup to this resolver (e.g. 127.0.0.1:5353) instead of the system's
  --json            Print the result as JSON

Example:
  mailwarden discover example.com --dns 9.9.9.9:53`;

export const PRESETS_HELP = `Usage: mailwarden presets [--json]

Lists the built-in provider presets: servers, ports, and what each provider needs (app passwords, API keys).`;

export const AUDIT_HELP = `Usage: mailwarden audit ACCOUNT|EMAIL|DOMAIN [options]
       mailwarden audit --host HOST --port PORT --security tls|starttls|none [--user NAME --password-stdin]

Tests a saved account (its server, TLS, login, relay behaviour and its domain's DNS records),
an SMTP server given on the command line, or a bare domain's DNS records (SPF, DKIM, DMARC,
MTA-STS, TLS-RPT, BIMI, DANE, MX, reverse DNS). The relay and spoofing tests stop after the
server's reply to RCPT: no message is ever sent.

Options:
  --only AREAS            Comma-separated: smtp, tls, auth, relay, dns (default: all)
  --dns HOST:PORT         Send every DNS lookup to this resolver
  --ca FILE               Also trust the CA certificate(s) in this PEM file
  --no-relay-test         Skip the open-relay and sender-spoofing tests
  --allow-fingerprint FP  Log in over a certificate that did not verify, only if its SHA-256 is FP
  --dkim-selector S       A DKIM selector to check (for a bare domain); repeat for several
  --format text|json      Report format (default text)
  --out FILE              Write the report to FILE instead of standard output
  --port-map MAP          Where the standard ports really are, e.g. smtp=2525,submission=2587

Examples:
  mailwarden audit ann@example.com
  mailwarden audit example.com --only dns --dns 127.0.0.1:5353 --format json
  printf '%s' "$PASSWORD" | mailwarden audit --host smtp.example.com --port 587 --security starttls \\
      --user ann@example.com --password-stdin`;
