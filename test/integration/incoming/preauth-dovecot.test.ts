/** Dovecot's IMAP process exposed pre-authenticated: the greeting alone is a critical finding. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probeIncomingDialogue } from '../../../main/core/incoming/incoming-dialogue-probe';
import { oneNameResolver } from '../../helpers/dovecot-server';
import { REAL_SERVER_LINE_LIMITS, testIncomingContext } from '../../helpers/incoming-probe-context';
import { startPreauthImap, type PreauthImapServer } from '../../helpers/preauth-dovecot';

const HOST = 'preauth.test';
let server: PreauthImapServer;

beforeAll(async () => {
  server = await startPreauthImap('alice');
});

afterAll(async () => {
  await server.stop();
});

it('reports a PREAUTH greeting as critical and asks nothing more', async () => {
  const ctx = testIncomingContext('imap', HOST, oneNameResolver(HOST, server.address), {
    limits: REAL_SERVER_LINE_LIMITS,
  });
  const result = await probeIncomingDialogue(ctx, { port: server.port, security: 'starttls' });
  expect(result.findings.map((f) => [f.id, f.severity])).toEqual([['imap.greeting.preauth', 'critical']]);
  expect(result.transcript.filter((line) => line.direction === 'client').map((line) => line.text)).toEqual([
    'mwz LOGOUT',
  ]);
});
