/**
 * Parses a BIMI assertion record (draft-brand-indicators-for-message-identification section 4):
 * `v=BIMI1; l=https://.../logo.svg; a=https://.../vmc.pem`.
 *
 * Uses the shared tag-list parser; checks the URL forms only (the logo is not fetched). Never throws.
 */
import { describeTagListProblem, parseTagList, printable } from '../dkim/tag-list';

export interface BimiRecord {
  /** The logo URL, '' when the domain declines to show one (`l=` empty), null when absent. */
  readonly logo: string | null;
  /** The evidence document (VMC/CMC) URL, or null. */
  readonly authority: string | null;
  /** Problems with the record as a whole (syntax, version). */
  readonly problems: readonly string[];
  readonly logoProblems: readonly string[];
  readonly authorityProblems: readonly string[];
}

/** Parses one BIMI record text. */
export function parseBimiRecord(record: string): BimiRecord {
  const list = parseTagList(record);
  const problems = list.problems.map(describeTagListProblem);
  const first = list.tags[0];
  if (first?.name !== 'v' || first.value !== 'BIMI1') problems.push('the record must start with "v=BIMI1"');
  const logo = list.tags.find((tag) => tag.name === 'l')?.value ?? null;
  const authority = list.tags.find((tag) => tag.name === 'a')?.value ?? null;
  const logoProblems = logo === null || logo === '' ? [] : urlProblems(logo, '.svg', 'an SVG file (.svg)');
  const authorityProblems =
    authority === null || authority === '' ? [] : urlProblems(authority, '.pem', 'a PEM file (.pem)');
  if (logo === null) problems.push('the "l=" tag (the logo address) is missing');
  return { logo, authority, problems, logoProblems, authorityProblems };
}

/** The draft requires https URLs; the logo is SVG Tiny PS, the evidence document PEM. */
function urlProblems(text: string, extension: string, what: string): string[] {
  const shown = `"${printable(text, 120)}"`;
  // Section 4.2: the l= tag may hold a comma-separated list in early drafts; one URL is what receivers use.
  if (text.includes(',')) return [`${shown} holds several addresses; give exactly one`];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [`${shown} is not a valid URL`];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push(`${shown} must start with https://`);
  if (!url.pathname.toLowerCase().endsWith(extension)) problems.push(`${shown} should point to ${what}`);
  return problems;
}
