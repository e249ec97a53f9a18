/**
 * Whether a domain is an internal-use name, where private addresses in MX hosts are expected.
 *
 * Public domains must point mail at addresses the internet can reach; names reserved for local networks
 * cannot be reached from outside anyway. `.test` and `.example` (RFC 6761) stand in for public domains in
 * documentation and tests, so they are checked like public ones.
 */

/** RFC 8375 (home.arpa), RFC 6762 (local), RFC 6761 (localhost), ICANN's 2024 private-use `.internal`, and common habits. */
const INTERNAL_SUFFIXES: readonly string[] = [
  'home.arpa',
  'local',
  'localhost',
  'internal',
  'localdomain',
  'lan',
  'corp',
  'home',
  'intranet',
  'private',
];

export function isInternalUseDomain(asciiDomain: string): boolean {
  const name = asciiDomain.toLowerCase().replace(/\.$/, '');
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}
