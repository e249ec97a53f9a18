/**
 * Finds the marks a missing evidence value leaves in a finding's words.
 *
 * A wording function that reads a field its check did not set prints nothing, a fallback or a JavaScript
 * placeholder where the value belonged: "login methods ()", "The record says = while p=.", "Required
 * by: .", "selector """, "_dmarc. ". Each rule below is one such mark; `emptySlotsIn` names the ones a text
 * shows, so a test can say which slot of which finding came out empty.
 *
 * What a server or a record said, quoted in the words ("Google answered "534 …""), is its own text, not a
 * slot: its double spaces and odd punctuation are the server's, so quoted spans are set aside first.
 */

interface EmptySlotRule {
  readonly mark: string;
  readonly pattern: RegExp;
}

/** A configuration setting in a fix step, "smtpd_tls_auth_only = yes": an equals sign with its name. */
const SETTING_NAME = /(?:[a-z0-9]+_[a-z0-9_]*|verify)$/;

const EMPTY_SLOT_RULES: readonly EmptySlotRule[] = [
  {
    mark: 'a JavaScript placeholder (undefined, null, NaN, [object ...])',
    pattern: /\b(?:undefined|NaN)\b|\[object |\bnull\b(?! MX)/,
  },
  { mark: 'empty brackets', pattern: /\(\s*\)|\[\s*\]/ },
  // A setting set to nothing on purpose (imap_id_send = "") is a value, not a missing one.
  { mark: 'an empty quotation', pattern: /(?<!=\s?)(?:""|''|“”|‘’)/ },
  { mark: 'a label with nothing after it (Required by: .)', pattern: /:\s+[.,;]/ },
  { mark: 'a space before punctuation, where a value is missing', pattern: /[^\s]\s+[.,;:](?=\s|$)/ },
  { mark: 'a DNS name with no domain (_dmarc. )', pattern: /\b_[a-z0-9-]+\.(?=[\s,;)"]|$)/ },
  { mark: 'the "?" an evidence reader prints for a missing value', pattern: /(?:^|[\s(])\?(?=[\s.,;:)]|$)/ },
  { mark: 'two spaces where a value is missing', pattern: /\S {2}\S/ },
];

/** "The record says = while": an equals sign standing alone, with no setting name before it. */
function hasValueWithNoTag(text: string): boolean {
  for (const match of text.matchAll(/(^|\S*)\s=(?=\s|$)/g)) {
    if (!SETTING_NAME.test(match[1] ?? '')) return true;
  }
  return /^=\s/.test(text);
}

/** Quoted spans with something inside, replaced by a placeholder: what a server said is not a slot. */
function withoutQuotedText(text: string): string {
  return text.replace(/"[^"]+"|“[^”]+”/g, '"…"');
}

/** The empty-slot marks the text shows, by name; none for a well-filled text. */
export function emptySlotsIn(text: string): string[] {
  const prose = withoutQuotedText(text);
  const marks = EMPTY_SLOT_RULES.filter((rule) => rule.pattern.test(prose)).map((rule) => rule.mark);
  if (hasValueWithNoTag(prose)) marks.push('a value with no tag (= while)');
  return marks;
}
