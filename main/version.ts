/** Mailwarden's version, as reports and `--version` show it. A test keeps it equal to package.json's. */
export const MAILWARDEN_VERSION = '0.1.0';
