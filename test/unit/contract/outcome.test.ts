import { describe, expect, it } from 'vitest';
import { failure, isErrorCode, success } from '../../../preload/contract/outcome';

describe('Outcome', () => {
  it('carries a value on success and a stable code on failure', () => {
    expect(success(3)).toEqual({ ok: true, value: 3 });
    expect(failure('NOT_FOUND', 'No account with id x.')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No account with id x.' },
    });
  });

  it('recognises only the documented error codes', () => {
    expect(isErrorCode('KEYCHAIN_LOCKED')).toBe(true);
    expect(isErrorCode('keychain_locked')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
