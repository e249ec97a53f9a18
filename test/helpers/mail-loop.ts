/**
 * A real mail loop on loopback, from Debian's packages: Postfix submission with SASL (a Dovecot auth
 * socket) over STARTTLS -> the OpenDKIM milter signing with keys published in the suite's Knot zones ->
 * local delivery through Dovecot LMTP (Sieve per user) -> the mailbox read over IMAP.
 *
 * Each scenario is one mailbox of mail.test, so one loop per test file serves them all: mail from
 * `aligned@` is signed by mail.test, `unsigned@` is not signed, `foreign@` is signed by other.test only,
 * `footer@` is signed and then gets a footer appended by a Sieve filter at delivery (the body hash
 * breaks), `junk@` is filed to Junk by Sieve, and `lost@` is accepted and then discarded, never delivered.
 * Every non-local transport is `discard:` (postfix-server.ts), so nothing leaves 127.0.0.0/8.
 */
import { startDovecot, type DovecotServer } from './dovecot-server';
import { startKnot, type KnotServer } from './knot-server';
import { startOpenDkim, type OpenDkimServer } from './opendkim-server';
import { startPostfix, type PostfixServer } from './postfix-server';
import { getTestPki } from './test-certificates';

export const LOOP_DOMAIN = 'mail.test';
export const FOREIGN_DOMAIN = 'other.test';
export const LOOP_SELECTOR = 'loop2026';
export const FOREIGN_SELECTOR = 'relay';
export const SMTP_HOST = `smtp.${LOOP_DOMAIN}`;
export const IMAP_HOST = `imap.${LOOP_DOMAIN}`;

/** The scenarios, by mailbox. */
export const LOOP_MAILBOXES = {
  aligned: `aligned@${LOOP_DOMAIN}`,
  unsigned: `unsigned@${LOOP_DOMAIN}`,
  foreign: `foreign@${LOOP_DOMAIN}`,
  footer: `footer@${LOOP_DOMAIN}`,
  junk: `junk@${LOOP_DOMAIN}`,
  lost: `lost@${LOOP_DOMAIN}`,
} as const;

/** The text the footer filter appends, as a mailing list or a disclaimer robot would. */
export const LOOP_FOOTER = 'This message passed the loop list.';

const ADD_FOOTER = ['#!/bin/sh', 'cat', `printf '\\r\\n-- \\r\\n${LOOP_FOOTER}\\r\\n'`, ''].join('\n');

export interface MailLoop {
  /** host:port of the Knot server that has the mail.test and other.test zones. */
  readonly dnsServer: string;
  readonly caPath: string;
  readonly submissionPort: number;
  readonly imapsPort: number;
  readonly postfix: PostfixServer;
  readonly dovecot: DovecotServer;
  /** Postfix's, both Dovecots' and OpenDKIM's logs, as they are now. */
  logs(): Promise<string>;
  stop(): Promise<void>;
}

export async function startMailLoop(password: string): Promise<MailLoop> {
  const pki = await getTestPki();
  const [smtpLeaf, imapLeaf] = await Promise.all([pki.leaf('good', SMTP_HOST), pki.leaf('good', IMAP_HOST)]);
  const mailboxes = Object.values(LOOP_MAILBOXES);
  const users = mailboxes.map((username) => ({ username, password }));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const dovecot = await startDovecot({
      ...imapLeaf,
      users,
      lmtp: {
        filterPrograms: { 'add-footer': ADD_FOOTER },
        sieveScripts: {
          [LOOP_MAILBOXES.footer]: 'require ["vnd.dovecot.filter"];\nfilter "add-footer";\n',
          [LOOP_MAILBOXES.junk]: 'require ["fileinto", "mailbox"];\nfileinto :create "Junk";\n',
        },
      },
    });
    started.push(dovecot);
    const { lmtpSocket } = dovecot;
    if (lmtpSocket === undefined) throw new Error('Dovecot started without its LMTP socket.');
    const signedHere = mailboxes.filter(
      (mailbox) => mailbox !== LOOP_MAILBOXES.unsigned && mailbox !== LOOP_MAILBOXES.foreign,
    );
    const opendkim: OpenDkimServer = await startOpenDkim([
      { domain: LOOP_DOMAIN, selector: LOOP_SELECTOR, senders: signedHere },
      { domain: FOREIGN_DOMAIN, selector: FOREIGN_SELECTOR, senders: [LOOP_MAILBOXES.foreign] },
    ]);
    started.push(opendkim);
    const postfix = await startPostfix({
      users,
      ...smtpLeaf,
      hostname: SMTP_HOST,
      enforceSenderLogin: true,
      masterServices: ['lmtp unix - - n - - lmtp'],
      mainOverrides: {
        // mail.test is delivered here, by LMTP into Dovecot; everything else stays discard:.
        virtual_mailbox_domains: LOOP_DOMAIN,
        virtual_mailbox_maps: `inline:{ ${mailboxes.map((mailbox) => `${mailbox}=ok`).join(', ')} }`,
        virtual_transport: `lmtp:unix:${lmtpSocket}`,
        // The never-delivered scenario: accepted with a queue id, then thrown away.
        transport_maps: `inline:{ ${LOOP_MAILBOXES.lost}=discard: }`,
        smtpd_milters: opendkim.milter,
        non_smtpd_milters: '',
        // A milter that does not answer must stop the mail, not let it through unsigned.
        milter_default_action: 'tempfail',
        // The TLS of the submission hop, in its Received field (what Mailwarden reports per hop).
        smtpd_tls_received_header: 'yes',
      },
    });
    started.push(postfix);
    const dkimRecords = opendkim.records.map((record) => ({
      zone: record.zone,
      line: `${record.name} IN TXT ${record.txt}`,
    }));
    const zoneLines = (zone: string): string[] =>
      dkimRecords.filter((record) => record.zone === zone).map((record) => record.line);
    const knot: KnotServer = await startKnot({
      [LOOP_DOMAIN]: [
        `smtp IN A ${postfix.address}`,
        `imap IN A ${dovecot.address}`,
        `@ IN MX 10 ${SMTP_HOST}.`,
        '@ IN TXT "v=spf1 ip4:127.0.0.0/8 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject"',
        ...zoneLines(LOOP_DOMAIN),
      ].join('\n'),
      [FOREIGN_DOMAIN]: zoneLines(FOREIGN_DOMAIN).join('\n'),
    });
    started.push(knot);
    return {
      dnsServer: knot.server,
      caPath: pki.caPath,
      submissionPort: postfix.ports.submission,
      imapsPort: dovecot.ports.imaps,
      postfix,
      dovecot,
      logs: async () => `${await postfix.logs()}\n${await dovecot.logs()}\n${opendkim.logs()}`,
      stop: async () => {
        await Promise.all(started.map((each) => each.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((each) => each.stop().catch(() => undefined)));
    throw error;
  }
}
