import { describe, expect, it } from 'vitest';
import { isInternalUseDomain } from '../../../../../main/core/checks/mx/internal-domain';

describe('isInternalUseDomain', () => {
  it('knows names reserved for local networks', () => {
    expect(isInternalUseDomain('intranet.home.arpa')).toBe(true);
    expect(isInternalUseDomain('printer.local.')).toBe(true);
    expect(isInternalUseDomain('corp.internal')).toBe(true);
  });

  it('treats public and documentation names as public', () => {
    expect(isInternalUseDomain('example.com')).toBe(false);
    expect(isInternalUseDomain('mail.test')).toBe(false);
    expect(isInternalUseDomain('notlocal.example')).toBe(false);
  });
});
