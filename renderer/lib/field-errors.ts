/**
 * Maps main's per-field validation messages onto the form's inputs.
 *
 * `FieldError.field` is the AccountInput property name; nested paths ("dkimSelectors.1") belong to
 * their top-level field. Several messages for one field are joined so none is lost.
 */
import type { FieldError } from '../../preload/contract/outcome';

export type FieldMessages = Readonly<Partial<Record<string, string>>>;

export function fieldMessages(fields: readonly FieldError[] | undefined): FieldMessages {
  const messages: Partial<Record<string, string>> = {};
  for (const { field, message } of fields ?? []) {
    const name = field.split(/[.[]/)[0] ?? field;
    const earlier = messages[name];
    messages[name] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return messages;
}
