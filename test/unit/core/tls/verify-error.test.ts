import { describe, expect, it } from 'vitest';
import { verifyProblems } from '../../../../main/core/tls/verify-error';

describe('verifyProblems', () => {
  it('has nothing to say about a verified session', () => {
    expect(verifyProblems(null)).toEqual([]);
    expect(verifyProblems('')).toEqual([]);
  });

  it('turns OpenSSL and Node codes into plain words and a topic', () => {
    const [leaf] = verifyProblems('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(leaf?.topic).toBe('chain');
    expect(leaf?.words).toMatch(/intermediate certificate/);
    expect(verifyProblems('DEPTH_ZERO_SELF_SIGNED_CERT')[0]?.topic).toBe('self-signed');
    expect(verifyProblems('CERT_HAS_EXPIRED')[0]?.topic).toBe('expired');
    expect(verifyProblems('CERT_NOT_YET_VALID')[0]?.topic).toBe('not-yet-valid');
    expect(verifyProblems('SELF_SIGNED_CERT_IN_CHAIN')[0]?.words).toMatch(/private root/);
  });

  it('splits a chain problem from a name problem reported together', () => {
    const found = verifyProblems(
      "CERT_HAS_EXPIRED; ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames",
    );
    expect(found.map((problem) => [problem.code, problem.topic])).toEqual([
      ['CERT_HAS_EXPIRED', 'expired'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'name'],
    ]);
  });

  it('keeps an unknown message as evidence, capped, under a chain topic', () => {
    const [problem] = verifyProblems(`something odd ${'x'.repeat(500)}`);
    expect(problem?.code).toBe('UNKNOWN');
    expect(problem?.topic).toBe('chain');
    expect(problem?.words.length).toBeLessThan(200);
  });
});
