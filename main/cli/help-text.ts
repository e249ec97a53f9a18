/** Every --help text of the `mailwarden` command, in one place. */
import { MAILWARDEN_VERSION } from '../version';

export const VERSION_TEXT = `mailwarden ${MAILWARDEN_VERSION}`;

export const MAIN_HELP = `Mailwarden: test a mail account's security from your own machine.

Usage: mailwarden <command> [options]

Commands:
  accounts add          Save an account (the password goes to your system keychain)
  accounts edit         Change any setting of a saved account; its id and history stay
  accounts list         List saved accounts
  accounts remove       Remove an account and its keychain password
  accounts set-password Set or replace an account's password
  accounts signin       Sign an OAuth account in through the provider's page (Microsoft 365, Google, ...)
  accounts signout      Revoke and delete an account's OAuth sign-in
  analyse FILE.eml|-    Judge a received message: DKIM, SPF, DMARC, ARC, the receiver's results, its path
  audit TARGET          Test an account's server and its domain (or a bare domain)
  clients runs [CLIENT] Stored client runs (all of a client's accounts tested together)
  clients rename OLD NEW
                        Rename a client group on every account; history stays
  discover DOMAIN       Find a domain's mail submission server from DNS
  history list|show|compare|delete
                        Stored audit runs: list them, reopen one, compare two, delete one
  presets               List the built-in provider presets
  prove ACCOUNT         Send one test message through an account and judge how it arrives (asks first)
  reevaluate REPORT.json
                        Re-judge a saved JSON report from its evidence, with no network

Options:
  -h, --help            Show help (also after any command: mailwarden accounts add --help)
  -V, --version         Show the version

Data lives in the platform's app-data folder; set MAILWARDEN_DATA_DIR to use another.
Exit codes: 0 done, 1 findings at or above --fail-on (audit, analyse, prove), 2 usage or input error,
3 could not run (keychain, disk, DNS, a sign-in that was refused or timed out).`;

export const ACCOUNTS_HELP = `Usage: mailwarden accounts <add|edit|list|remove|set-password|signin|signout|clean> [options]

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

Signing in with OAuth instead of a password (Microsoft 365, Google, or your own OpenID provider):
  --auth password|oauth   How the account signs in (default: password)
  --provider P            microsoft, google, or oidc (any OpenID provider, with --issuer)
  --issuer URL            The provider's issuer, https: (default for microsoft and google)
  --client-id ID          The client ID you registered with the provider (see docs/oauth.md);
                          without it, MAILWARDEN_MICROSOFT_CLIENT_ID, MAILWARDEN_GOOGLE_CLIENT_ID
                          or MAILWARDEN_OIDC_CLIENT_ID from the environment
  --client-secret-stdin   Read the client's secret from standard input (Google "Desktop app"
                          clients need one); kept in your system keychain only
  No password is asked for; sign in afterwards with "mailwarden accounts signin".

Incoming server (where the account reads mail; all four of protocol, host, port, security):
  --incoming-protocol P   imap or pop3
  --incoming-host HOST    e.g. imap.example.com
  --incoming-port PORT    993 (IMAP over TLS), 995 (POP3 over TLS), 143 or 110 (STARTTLS)
  --incoming-security M   tls, starttls, or none
  --incoming-user NAME    Login name for reading (default: the sending login name)
  --incoming-own-password Reading has its own password (set it with "accounts set-password --incoming");
                          without it the sending password is used for both

Examples:
  mailwarden accounts add --email ann@example.com --host smtp.example.com --port 465 --security tls
  printf '%s' "$PASSWORD" | mailwarden accounts add --email ann@example.com --host smtp.example.com \\
      --port 587 --security starttls --password-stdin
  mailwarden accounts add --email ann@contoso.com --host smtp.office365.com --port 587 \\
      --security starttls --auth oauth --provider microsoft --client-id YOUR-CLIENT-ID`;

export const ACCOUNTS_EDIT_HELP = `Usage: mailwarden accounts edit ID|EMAIL [options]

Changes a saved account. Give only what changes; everything else stays. The account keeps its id, so
its history stays: when the server changes, each earlier run still shows the server it tested.
The password is not changed here: use "mailwarden accounts set-password".

Options:
  --email EMAIL           The account's email address (a label, domain or login name that followed
                          the old address follows the new one)
  --host HOST             SMTP submission server
  --port PORT             1-65535
  --security MODE         tls, starttls, or none
  --user NAME             Login name
  --label TEXT            A name for the list ("" for the email address)
  --domain DOMAIN         The mail domain ("" for the part after @)
  --dkim-selector S       Replaces the DKIM selectors; repeat for several ("" for none)
  --client NAME           Client group ("" for none)
  --preset ID             Provider preset ("" for none)
  --incoming-protocol P   imap or pop3 (a new incoming server needs protocol, host, port and security)
  --incoming-host HOST    Incoming server ("" removes it)
  --incoming-port PORT    1-65535
  --incoming-security M   tls, starttls, or none
  --incoming-user NAME    Login name for reading
  --incoming-own-password Reading has its own password (see "accounts set-password --incoming")
  --auth password|oauth   How the account signs in; back to password revokes and deletes the sign-in
  --provider P            microsoft, google, or oidc
  --issuer URL            The provider's issuer (https:)
  --client-id ID          The client ID registered with the provider (another provider without it:
                          MAILWARDEN_<PROVIDER>_CLIENT_ID from the environment)
  --client-secret-stdin   Read the client's secret from standard input; a new client ID or issuer
                          without it drops the stored one

Example:
  mailwarden accounts edit ann@example.com --port 465 --security tls`;

export const ACCOUNTS_SIGNIN_HELP = `Usage: mailwarden accounts signin ID|EMAIL [--no-browser | --device]

Signs an OAuth account in through the provider's own page in your browser (authorization code with
PKCE; the answer comes back to Mailwarden on 127.0.0.1). Only the refresh token is kept, in your system
keychain; audits then sign in with no prompt. Waits five minutes at most; Ctrl+C cancels.

Options:
  --no-browser    Do not open a browser: print the address to open, alone on one line of standard
                  output, and wait for the answer (open it on this machine, e.g. in a test browser)
  --device        For a machine without a browser (RFC 8628 device sign-in): print an address on the
                  first line of standard output and a code on the second; open the address on any
                  device, enter the code and sign in there. Waits as long as the code is valid (15
                  minutes at most). Only where the provider offers it (Microsoft does; Google does not
                  allow mail access this way); otherwise exit 3 says so

Exit codes: 0 signed in, 2 bad input (no such account, not an OAuth account, --device with
--no-browser), 3 timed out or the code expired, refused (also on the other device), cancelled, the
provider could not be reached or offers no device sign-in.`;

export const ACCOUNTS_SIGNOUT_HELP = `Usage: mailwarden accounts signout ID|EMAIL

Revokes the account's OAuth sign-in at the provider (RFC 7009) where it offers that, then deletes the
refresh token from your system keychain. The account stays; sign in again with "accounts signin".`;

export const ACCOUNTS_LIST_HELP = `Usage: mailwarden accounts list [--json]

Lists saved accounts, whether each has a password in the keychain (the password itself is never shown),
and each one's last test from the history: its grade as given then and the day it ran. Also says which
accounts have no password and whether the keychain holds passwords that belong to no account.`;

export const ACCOUNTS_CLEAN_HELP = `Usage: mailwarden accounts clean [--yes]

Lists the passwords in your keychain that belong to no account in this data folder; with --yes,
deletes them. Accounts without a password are kept: give them one with "accounts set-password".

Passwords are filed by account id, not by data folder: if you also use Mailwarden with another
MAILWARDEN_DATA_DIR, its passwords show up here too, so check the list before using --yes.`;

export const ACCOUNTS_REMOVE_HELP = `Usage: mailwarden accounts remove ID|EMAIL

Removes the account and deletes its passwords (sending, and reading if it has its own) from the keychain.`;

export const ACCOUNTS_SET_PASSWORD_HELP = `Usage: mailwarden accounts set-password ID|EMAIL [--password-stdin] [--incoming]

Sets or replaces the account's password in the system keychain. With --incoming, sets the incoming
server's own password instead (for an account saved with --incoming-own-password).

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
       mailwarden audit --batch FILE.csv --out-dir DIR [--concurrency N]
       mailwarden audit --client NAME [--format FORMAT] [--out FILE]

Tests a saved account (its server, TLS, login, relay behaviour and its domain's DNS records),
an SMTP server given on the command line, or a bare domain's DNS records (SPF, DKIM, DMARC,
MTA-STS, TLS-RPT, BIMI, DANE, MX, reverse DNS). The relay and spoofing tests stop after the
server's reply to RCPT: no message is ever sent.

Options:
  --only AREAS            Comma-separated: smtp, tls, auth, relay, dns, imap, pop3 (default: all;
                          imap and pop3 test the account's incoming server when it has one)
  --dns HOST:PORT         Send every DNS lookup to this resolver
  --ca FILE               Also trust the CA certificate(s) in this PEM file, besides those saved in
                          the app's Settings (the saved server wait and audit limit apply too)
  --oauth-token-stdin     Log in with the OAuth 2.0 access token read from standard input (SASL
                          OAUTHBEARER where the server offers it, else XOAUTH2)
  --no-relay-test         Skip the open-relay and sender-spoofing tests
  --allow-fingerprint FP  Log in over a certificate that did not verify, only if its SHA-256 is FP
  --dkim-selector S       A DKIM selector to check (for a bare domain); repeat for up to 100
  --parked                The domain sends no mail: check SPF -all, DMARC p=reject and a Null MX
                          instead of DKIM and the bulk-sender rules (found on its own from a Null
                          MX, or from "v=spf1 -all" with no MX)
  --ip ADDRESS            Evaluate the domain's SPF for mail sent from this IPv4 or IPv6 address
                          (with the dns area); repeat for several
  --format FORMAT         text, json, md, html (self-contained, prints on A4 and Letter) or csv
                          (one row per finding); default text. Every format hides passwords
  --out FILE              Write the report to FILE instead of standard output
  --fail-on SEVERITY      Exit 1 when a finding is at or above SEVERITY (info, low, medium, high,
                          critical); without it an audit that ran exits 0 whatever it found
  --protocol P            With --host: smtp (default), or imap / pop3 to test an incoming server
                          (its standard ports, its greeting and capabilities, and with --user and
                          --password-stdin a login over verified TLS that reads the inbox's count only)
  --port-map MAP          Where the standard ports really are, e.g. smtp=2525,submission=2587
                          (also imap=, imaps=, pop3=, pop3s= for the incoming server's 143, 993, 110, 995)
  --batch FILE.csv        Audit every row of FILE.csv (see "Batch" below); needs --out-dir
  --out-dir DIR           Where --batch writes one report per row (JSON and HTML), index.html and index.csv
  --concurrency N         How many rows --batch audits at a time, 1-32 (default 4)
  --client NAME           Test every saved account in the client group NAME, one after another,
                          and write one client report (text: a summary line per account; json, md,
                          html, csv: the summary and every account's full report)

Batch (for consultants): FILE.csv has a header row and the columns
  client,email or domain,host,port,security,user
A saved account (matched by email) is audited with its keychain password; leave host, port, security
and user empty for it. Any other row with host, port and security is audited without a password: its
login is only inspected (which mechanisms it offers). A domain with no host gets the DNS checks only.
Optional columns incoming protocol,incoming host,incoming port,incoming security (all four) add the
row's IMAP or POP3 server, audited without a password too; for a saved account they must match it.
A bad row is reported with its line number and the others still run. Ctrl-C stops cleanly: finished
reports are kept and the index says which rows were cancelled. Limits: 5 MB, 10,000 rows.
Batch exit codes: 0 all rows audited, 1 a report has findings at or above --fail-on, 2 some rows
not run (bad rows), 3 some audits could not run, 130 cancelled.

Examples:
  mailwarden audit ann@example.com
  mailwarden audit example.com --only dns --dns 127.0.0.1:5353 --format json
  mailwarden audit ann@example.com --format html --out ann-report.html --fail-on high
  mailwarden audit --batch clients.csv --out-dir reports --concurrency 8
  mailwarden audit --client "Bakery" --format html --out bakery.html
  printf '%s' "$PASSWORD" | mailwarden audit --host smtp.example.com --port 587 --security starttls \\
      --user ann@example.com --password-stdin

Exit codes: 0 the audit ran (nothing at or above --fail-on), 1 findings at or above --fail-on,
2 usage or input error, 3 could not run (keychain, disk, DNS).`;

export const HISTORY_HELP = `Usage: mailwarden history <list|show|compare|delete> [options]

Every audit run is kept with its full report in the data folder's history/ folder, and every checked
message (mailwarden analyse, "Check a message" in the app) with its verdict.
Run "mailwarden history <subcommand> --help" for each one.`;

export const HISTORY_LIST_HELP = `Usage: mailwarden history list [ACCOUNT|EMAIL|DOMAIN] [--json]

Lists stored audit runs, newest first: all of them, a saved account's, or those about a domain
(a bare-domain audit, or an account or server on that domain). Checked messages follow in a table
of their own: all of them, or those whose From domain is the DOMAIN named. Test messages ("mailwarden
prove") follow in a third: all of them, an account's own, or those sent from the DOMAIN. A stored file that cannot
be read is moved to history/corrupt/ and named in a warning.

Options:
  --json            Print the list (and any unreadable files) as JSON

Examples:
  mailwarden history list
  mailwarden history list ann@example.com
  mailwarden history list example.com --json`;

export const HISTORY_SHOW_HELP = `Usage: mailwarden history show RUN_ID [--format text|json]

Prints a stored run's report, exactly as "mailwarden audit" printed it; for a checked message, its
verdict as "mailwarden analyse" printed it, without the subject and recipients, which are not kept;
for a test message, its journey and verdict as "mailwarden prove" printed them.

Options:
  --format text|json  Report format (default text)

Example:
  mailwarden history show 3f2b0c1e-8d4a-4f0e-9b1a-2c5d6e7f8a90 --format json`;

export const HISTORY_COMPARE_HELP = `Usage: mailwarden history compare RUN_A RUN_B [--json]

Compares two stored runs, older against newer whatever order you name them in: the problems
fixed since the older run, the new ones, and the findings in both (with any change of severity).
Findings match on their id and the check that found them.

Options:
  --json            Print the comparison as JSON

Example:
  mailwarden history compare 3f2b0c1e-8d4a-4f0e-9b1a-2c5d6e7f8a90 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`;

export const HISTORY_DELETE_HELP = `Usage: mailwarden history delete RUN_ID

Deletes a stored run and its report.

Example:
  mailwarden history delete 3f2b0c1e-8d4a-4f0e-9b1a-2c5d6e7f8a90`;

export const REEVALUATE_HELP = `Usage: mailwarden reevaluate REPORT.json [--format text|json] [--out FILE]

Re-judges a report saved with "mailwarden audit ... --format json" from the evidence it carries:
the DNS answers, HTTPS policy, SMTP replies, certificates and login results the audit saw. Nothing
goes over the network and no password is needed; the clock is set back to the audit's own time, so
with the same rules the findings come out the same. A newer Mailwarden shows what its rules make of
what the servers said then. A test message ("mailwarden prove") the report's fix plan included
stays in the new plan. Reports made before evidence was recorded cannot be re-evaluated.

Options:
  --format text|json  Report format (default text)
  --out FILE          Write the report to FILE instead of standard output

Examples:
  mailwarden reevaluate report.json
  mailwarden reevaluate report.json --format json --out report-today.json

Exit codes: 0 done, 2 the file is missing, not JSON, not a report, has no evidence, or its evidence
or test message is damaged.`;

export const CLIENTS_HELP = `Usage: mailwarden clients <runs|rename> [options]

A client is the client group of saved accounts ("accounts add ... --client NAME"). Each time all of
a client's accounts are tested together ("audit --client NAME", or "Test all" in the app), the
client run is kept with its summary in the data folder's client-runs.json.
Run "mailwarden clients <subcommand> --help" for each one.`;

export const CLIENTS_RUNS_HELP = `Usage: mailwarden clients runs [CLIENT] [--json]

Lists stored client runs, newest first: every client's, or one client's (its name, ignoring case).
Each line has the date, the client, how many accounts were tested, the worst grade and the run id.

Options:
  --json            Print the runs, with each account's line, as JSON

Examples:
  mailwarden clients runs
  mailwarden clients runs Bakery --json`;

export const CLIENTS_RENAME_HELP = `Usage: mailwarden clients rename OLD NEW

Renames the client group OLD (matched ignoring case) to NEW on every account in it, and on its
stored client runs. The accounts keep their ids, so their history stays.

Examples:
  mailwarden clients rename Bakery "Bakery & Sons"`;

export const ANALYSE_HELP = `Usage: mailwarden analyse FILE.eml|- [--no-dns | --dns HOST:PORT] [--format text|json|md|html|csv] [--out FILE] [--fail-on SEVERITY]

Judges one message as it arrived: every DKIM signature (signing domain, selector, algorithm, key
size, body hash, alignment with From), SPF for the address of the first outside server in its
Received lines, DMARC and ARC; the receiver's own Authentication-Results beside Mailwarden's verdict
with any disagreement explained; and the path (each hop, its TLS version and suite where recorded,
the delay). Save the message with "Show original" / "Save as .eml" in your mail program, or pipe it
in with "-". A header without the body is judged too, but its DKIM body hashes cannot be checked.

Messages over 40 MB, with over 1,000 header fields, nesting deeper than 20 parts or other hostile
shapes give a finding, never a hang. DKIM keys, SPF and DMARC records are looked up in DNS (at most
60 lookups and 60 s for one message).

Options:
  --no-dns            Look nothing up: judge only what the message itself says (body hashes, its
                      path, the receiver's results) and say which verdicts need DNS
  --dns HOST:PORT     Send every lookup to this DNS server (default: the one in Settings, else the system's)
  --format FORMAT     text (default), json, md (or markdown), html or csv (one row per finding)
  --out FILE          Write the result to FILE instead of standard output
  --fail-on SEVERITY  Exit 1 when a finding is at or above SEVERITY (info, low, medium, high, critical)

Examples:
  mailwarden analyse message.eml
  mailwarden analyse message.eml --no-dns --format json
  pbpaste | mailwarden analyse - --fail-on high

The verdict (never the message, its subject or its recipients) is kept in the history beside audit
runs: "mailwarden history list" shows it, "mailwarden history show RUN" prints it again.

Exit codes: 0 done, 1 a finding at or above --fail-on, 2 usage error or unreadable file.`;

export const PROVE_HELP = `Usage: mailwarden prove ACCOUNT [--to ADDRESS] [--keep] [--timeout S] [--yes] [--dns HOST:PORT] [--ca FILE] [--format text|json|md|html|csv] [--out FILE] [--fail-on SEVERITY]

Sends one plainly worded test message through the account's own sending server (logging in as the
audit does, over verified TLS) to the account's own address, then watches the account's IMAP mailbox
(IDLE, else polling) until it arrives in the inbox or the junk folder, fetches it (at most 1 MB),
deletes it again and judges it as "mailwarden analyse" does: every DKIM signature (domain, selector,
key size, body hash, alignment with From), SPF, DMARC, ARC, the receiver's own results, and the path.
Junk is a finding; a message that never arrives is a finding naming the last thing known (the
server's reply and queue id, or its refusal). A valid DKIM selector of the account's domain that
the account does not list yet is offered with the "accounts edit" command that adds it. The run is
kept in the history (never the message body or a password): see "mailwarden history list".

This is the only command that sends a message. It asks before sending; without a terminal it needs
--yes. The account needs an IMAP server reached over TLS (accounts edit --incoming-protocol imap).

Options:
  --to ADDRESS        Send to ADDRESS instead: an alias or forward that reaches this account's mailbox
  --keep              Leave the test message in the mailbox
  --timeout S         Seconds to wait for the message (default 120)
  --yes               Send without asking (scripts, CI)
  --dns HOST:PORT     Send every lookup to this DNS server (default: the one in Settings, else the system's)
  --ca FILE           Also trust the CA certificates in FILE (PEM), for both servers
  --format FORMAT     text (default), json, md, html or csv
  --out FILE          Write the result to FILE instead of standard output
  --fail-on SEVERITY  Exit 1 when a finding is at or above SEVERITY (info, low, medium, high, critical)

Examples:
  mailwarden prove ann@example.com
  mailwarden prove ann@example.com --yes --timeout 300 --format md --out proof.md

Exit codes: 0 done, 1 a finding at or above --fail-on, 2 usage error (or no consent without a
terminal), 3 could not run (keychain, DNS).`;
