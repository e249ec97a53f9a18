/** A server's AUTH reply, quoted from a login finding's evidence for the words of that finding. */
import type { Evidence } from '../../../preload/contract/findings';

/** `"535 5.7.8 Authentication failed"`, or "no reply" when the evidence carries none. */
export function replyOf(e: Evidence): string {
  const reply = e['reply'];
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return 'no reply';
  const fields = reply as { readonly [key: string]: unknown };
  const code = typeof fields['code'] === 'number' ? String(fields['code']) : '?';
  const enhanced = typeof fields['enhancedCode'] === 'string' ? ` ${fields['enhancedCode']}` : '';
  const text = typeof fields['text'] === 'string' ? ` ${fields['text']}` : '';
  return `"${code}${enhanced}${text}"`;
}
