/** The IMAP response pieces a probe reads: line kinds, capability lists, the ID response. */
import { describe, expect, it } from 'vitest';
import { capabilitiesIn, idFields, parseImapLine } from '../../../../main/core/incoming/imap-grammar';

describe('parseImapLine', () => {
  it('tells untagged, tagged, continuation and malformed lines apart', () => {
    expect(parseImapLine('* PREAUTH logged in')).toEqual({
      kind: 'untagged',
      status: 'PREAUTH',
      text: 'logged in',
    });
    expect(parseImapLine('mw1 no [AUTHENTICATIONFAILED] bad')).toEqual({
      kind: 'tagged',
      tag: 'mw1',
      status: 'NO',
      text: '[AUTHENTICATIONFAILED] bad',
    });
    expect(parseImapLine('+ go ahead')).toEqual({ kind: 'continuation', text: 'go ahead' });
    expect(parseImapLine('garbage')).toEqual({ kind: 'malformed', text: 'garbage' });
  });
});

describe('capabilitiesIn', () => {
  it('reads an untagged CAPABILITY or a [CAPABILITY] response code, upper-cased', () => {
    expect(capabilitiesIn(['* capability IMAP4rev1 StartTLS'])).toEqual(['IMAP4REV1', 'STARTTLS']);
    expect(capabilitiesIn(['* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready'])).toEqual([
      'IMAP4REV1',
      'LOGINDISABLED',
    ]);
    expect(capabilitiesIn(['* OK ready'])).toBeNull();
  });
});

describe('idFields', () => {
  it('reads the field/value pairs of an ID response (RFC 2971 section 3.3), skipping NIL values', () => {
    expect(idFields(['* ID ("name" "Dovecot" "version" NIL "vendor" "x")'])).toEqual({
      name: 'Dovecot',
      vendor: 'x',
    });
    expect(idFields(['* ID NIL'])).toBeNull();
  });
});
