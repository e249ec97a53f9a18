import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../../main/core/message/message-limits';
import { MAX_PASTED_MESSAGE_CHARS } from '../../../preload/contract/message-check';
import { REQUEST_SCHEMAS } from '../../../preload/contract/schemas';

describe('the message check contract', () => {
  it('caps a paste at the message size cap main judges by', () => {
    expect(MAX_PASTED_MESSAGE_CHARS).toBe(MAX_MESSAGE_BYTES);
    const schema = REQUEST_SCHEMAS['message:check'];
    const paste = (length: number) => ({
      source: { kind: 'paste', text: 'x'.repeat(length) },
      offline: true,
    });
    expect(schema.safeParse(paste(MAX_PASTED_MESSAGE_CHARS)).success).toBe(true);
    expect(schema.safeParse(paste(MAX_PASTED_MESSAGE_CHARS + 1)).success).toBe(false);
  });
});
