import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genericPtrReason } from '../../../../../main/core/checks/reverse-dns/generic-ptr';

describe('genericPtrReason', () => {
  it('spots names built from the address or from dynamic-line words', () => {
    expect(genericPtrReason('93-184-215-17.static.isp.test', '93.184.215.17')).toMatch(/IP address/);
    expect(genericPtrReason('17-215-184-93.isp.test', '93.184.215.17')).toMatch(/IP address/);
    expect(genericPtrReason('host.dsl.isp.test', '93.184.215.17')).toMatch(/"dsl"/);
    expect(genericPtrReason('pool-12.isp.test', '93.184.215.17')).toMatch(/"pool"/);
  });

  it('leaves real server names alone', () => {
    expect(genericPtrReason('mail.example.test', '93.184.215.17')).toBeNull();
    expect(genericPtrReason('mx1.homebrew.test', '93.184.215.17')).toBeNull();
  });

  it('never throws and answers in bounded time for any name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.ipV4(), (name, address) => {
        const reason = genericPtrReason(name, address);
        expect(reason === null || reason.length < 200).toBe(true);
      }),
    );
  });
});
