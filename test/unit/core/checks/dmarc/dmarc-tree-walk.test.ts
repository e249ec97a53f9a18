import { describe, expect, it } from 'vitest';
import { psdOf, walkNames } from '../../../../../main/core/checks/dmarc/dmarc-tree-walk';

describe('walkNames (RFC 9989 section 4.10)', () => {
  it('asks the Author Domain, then each parent up to the top-level domain', () => {
    expect(walkNames('a.mail.example.com')).toEqual([
      'a.mail.example.com',
      'mail.example.com',
      'example.com',
      'com',
    ]);
  });

  it('cuts a name of 8 or more labels to its last 7 before walking on: at most 8 queries', () => {
    const names = walkNames('a.b.c.d.e.f.g.h.i.example');
    expect(names).toEqual([
      'a.b.c.d.e.f.g.h.i.example',
      'd.e.f.g.h.i.example',
      'e.f.g.h.i.example',
      'f.g.h.i.example',
      'g.h.i.example',
      'h.i.example',
      'i.example',
      'example',
    ]);
    expect(walkNames('b.c.d.e.f.g.h.example')).toHaveLength(8);
  });
});

describe('psdOf', () => {
  it('reads the psd tag in any position and case', () => {
    expect(psdOf('v=DMARC1; p=reject; PSD=Y')).toBe('y');
    expect(psdOf('v=DMARC1;psd=n;p=none')).toBe('n');
    expect(psdOf('v=DMARC1; p=none')).toBeNull();
  });
});
