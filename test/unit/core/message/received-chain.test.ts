import { describe, expect, it } from 'vitest';
import { firstExternalHop, readReceivedChain } from '../../../../main/core/message/received-chain';

/** Unfolded Received values in the notations of the servers that write them. */
const GMAIL =
  'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a1sor; (Google Transport Security); Sun, 06 Dec 2026 08:00:09 -0800 (PST)';
const GMAIL_TLS =
  'from out.example.com (out.example.com [198.51.100.20]) by mx.google.com with ESMTPS id x2si for <ann@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Sun, 06 Dec 2026 16:00:08 +0000';
const EXIM =
  'from [203.0.113.9] (helo=client.example) by mail.example.net with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <a@example.net>) id 1rAbCd; Sun, 06 Dec 2026 16:00:03 +0000';
const MICROSOFT =
  'from EUR05-DB8-obe.outbound.protection.outlook.com (2a01:111:f403:2e0e::601) by mx.example.org with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7; Sun, 06 Dec 2026 16:00:01 +0000';
/** Postfix 3.7 (Debian 12) after an authenticated submission over STARTTLS, as the mail loop writes it. */
const POSTFIX_SUBMISSION =
  'from [127.0.0.1] (localhost [127.0.0.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature ECDSA (P-256) server-digest SHA256) (No client certificate requested) by smtp.mail.test (Postfix) with ESMTPSA id 4F2A1C0 for <aligned@mail.test>; Sun, 06 Dec 2026 16:00:00 +0000 (UTC)';
const LOCAL =
  'from [127.0.0.1] (localhost [127.0.0.1]) by out.example.com with ESMTP id 77; Sun, 06 Dec 2026 16:00:00 +0000';

describe('readReceivedChain', () => {
  it('reads TLS versions and suites in the notations of Gmail, Exim and Microsoft 365', () => {
    const chain = readReceivedChain([GMAIL_TLS, EXIM, MICROSOFT], 3);
    expect(chain.hops.map((hop) => [hop.by, hop.tlsVersion, hop.tlsCipher, hop.encrypted])).toEqual([
      ['mx.google.com', 'TLSv1.3', 'TLS_AES_256_GCM_SHA384', true],
      ['mail.example.net', 'TLSv1.3', 'TLS_AES_256_GCM_SHA384', true],
      ['mx.example.org', 'TLSv1.2', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', true],
    ]);
  });

  it('reads Postfix’s protocol after its TLS comment, not the "with cipher" inside it', () => {
    const [hop] = readReceivedChain([POSTFIX_SUBMISSION], 1).hops;
    expect(hop).toMatchObject({
      from: '[127.0.0.1]',
      fromIp: '127.0.0.1',
      by: 'smtp.mail.test',
      protocol: 'ESMTPSA',
      tlsVersion: 'TLSv1.3',
      tlsCipher: 'TLS_AES_256_GCM_SHA384',
      encrypted: true,
    });
  });

  it('does not read "by" or "with" inside a comment, nested or escaped', () => {
    const [hop] = readReceivedChain(
      [
        'from a.example (sent by x with y (and \\) by z)) by b.example with LMTP id 1; Sun, 06 Dec 2026 16:00:00 +0000',
      ],
      1,
    ).hops;
    expect(hop).toMatchObject({ by: 'b.example', protocol: 'LMTP', encrypted: false });
  });

  it('takes the address in brackets as the sender and the delay from the hop below', () => {
    const chain = readReceivedChain([GMAIL_TLS, EXIM, LOCAL], 3);
    expect(chain.hops.map((hop) => [hop.fromIp, hop.delaySeconds])).toEqual([
      ['198.51.100.20', 5],
      ['203.0.113.9', 3],
      ['127.0.0.1', null],
    ]);
    expect(chain.hops[0]?.at).toBe('2026-12-06T16:00:08.000Z');
  });

  it('reads "with SMTPS" as encrypted and plain ESMTP as not, per RFC 3848', () => {
    const chain = readReceivedChain([GMAIL, LOCAL], 2);
    expect(chain.hops.map((hop) => [hop.protocol, hop.encrypted])).toEqual([
      ['SMTPS', true],
      ['ESMTP', false],
    ]);
  });

  it('skips loopback and private senders when looking for the first outside hop', () => {
    const relayed = EXIM.replace('esmtpsa', 'esmtps');
    const chain = readReceivedChain([LOCAL.replace('out.example.com', 'mx.example.net'), relayed], 2);
    expect(firstExternalHop(chain)?.fromIp).toBe('203.0.113.9');
    expect(firstExternalHop(readReceivedChain([LOCAL], 1))).toBeNull();
  });

  it('does not take a mail program’s authenticated submission (ESMTPSA) as the server SPF judges', () => {
    // A message from the Sent folder: its only outside hop is the author logging in from home.
    expect(firstExternalHop(readReceivedChain([EXIM], 1))).toBeNull();
    expect(firstExternalHop(readReceivedChain([GMAIL_TLS, EXIM], 2))?.fromIp).toBe('198.51.100.20');
  });

  it('keeps a line with no date or clauses as a hop with nothing known', () => {
    const chain = readReceivedChain(['garbage without structure'], 1);
    expect(chain.hops[0]).toEqual(
      expect.objectContaining({
        from: null,
        fromIp: null,
        by: null,
        protocol: null,
        at: null,
        encrypted: null,
      }),
    );
  });
});
