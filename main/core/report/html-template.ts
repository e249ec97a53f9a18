/**
 * A tiny HTML builder that escapes by default: every interpolated string is escaped, only fragments built
 * by `markup` itself pass through, so hostile server or DNS text can never become markup.
 */
import { htmlText } from '../../../preload/contract/untrusted-text';

/** Markup built by `markup`: safe to embed as is. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

/** Escapes text for an element's content or a quoted attribute value (HTML Living Standard 13.1.2.3). */
export function escapeHtml(text: string): string {
  return htmlText(text);
}

export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += toMarkup(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

function toMarkup(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(toMarkup).join('');
}
