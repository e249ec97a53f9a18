/**
 * Starts the real servers the bench measures against, all on 127.0.0.0/8: Postfix + Dovecot (smtp,
 * submission with STARTTLS, submissions with implicit TLS, one test user) and one Knot DNS serving the
 * mail server's name and the DNS batch's zones. Each is registered for cleanup the moment it is up.
 */
import { randomBytes } from 'node:crypto';
import { startKnot, type KnotServer } from '../test/helpers/knot-server';
import { startPostfix, type PostfixServer } from '../test/helpers/postfix-server';
import { getTestPki } from '../test/helpers/test-certificates';
import { startDovecot, type DovecotServer } from '../test/helpers/dovecot-server';
import { onCleanup } from './cleanup';

export const MAIL_ZONE = 'bench.test';
export const MAIL_HOST = `smtp.${MAIL_ZONE}`;
/** The account's incoming (IMAP) server, a Dovecot of its own. */
export const IMAP_HOST = `imap.${MAIL_ZONE}`;
const KNOT_START_DEADLINE_MS = 30_000;
const PASSWORD_BYTES = 12;

export interface BenchUser {
  readonly username: string;
  readonly password: string;
}

export interface BenchServers {
  readonly postfix: PostfixServer;
  readonly knot: KnotServer;
  readonly caPem: string;
  readonly user: BenchUser;
  readonly dovecot: DovecotServer;
}

/** The IMAP server the bench account reads from; started before Knot, which names it. */
async function startBenchDovecot(user: { username: string; password: string }): Promise<DovecotServer> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', IMAP_HOST);
  const dovecot = await startDovecot({
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    users: [user],
    inboxMessages: 5,
  });
  onCleanup('Dovecot (IMAP)', () => dovecot.stop());
  return dovecot;
}

/** Start Postfix first (Knot needs its 127.0.0.x address), then Knot with `extraZones` besides the mail zone. */
export async function startBenchServers(extraZones: Record<string, string>): Promise<BenchServers> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', MAIL_HOST);
  const user = {
    username: `bench@${MAIL_ZONE}`,
    password: randomBytes(PASSWORD_BYTES).toString('base64url'),
  };
  const postfix = await startPostfix({
    users: [user],
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    hostname: MAIL_HOST,
  });
  onCleanup('Postfix + Dovecot', () => postfix.stop());
  const dovecot = await startBenchDovecot(user);
  const knot = await startKnot(
    { [MAIL_ZONE]: `smtp IN A ${postfix.address}\nimap IN A ${dovecot.address}`, ...extraZones },
    { startDeadlineMs: KNOT_START_DEADLINE_MS },
  );
  onCleanup('Knot DNS', () => knot.stop());
  return { postfix, knot, caPem: pki.caPem, user, dovecot };
}
