/**
 * Hostile IMAP and POP3 servers: each way of breaking the grammar ends in its own finding, within the
 * probe's deadlines (1 s a step here), with memory bounded by the caps; the TLS check on the same servers
 * ends within its own deadline too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { probeIncomingDialogue } from '../../../main/core/incoming/incoming-dialogue-probe';
import { probeIncomingTls } from '../../../main/core/incoming/incoming-tls-probe';
import type { IncomingProtocol } from '../../../main/core/incoming/line-channel';
import { oneNameResolver } from '../../helpers/dovecot-server';
import {
  startHostileIncomingServer,
  type HostileIncomingBehaviour,
  type HostileIncomingServer,
} from '../../helpers/hostile-incoming-servers';
import { testIncomingContext } from '../../helpers/incoming-probe-context';

const HOST = 'hostile.test';
/** Greeting, a command and the STARTTLS step at 1 s each, with room for a loaded machine. */
const WITHIN_MS = 4_000;
/** The TLS check's attempts run in parallel, each within connect + greeting + 2 replies + handshake. */
const TLS_WITHIN_MS = 8_000;

let server: HostileIncomingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const CASES: readonly [IncomingProtocol, HostileIncomingBehaviour, string][] = [
  ['imap', 'no-greeting', 'imap.dialogue.no-greeting'],
  ['imap', 'endless-line', 'imap.dialogue.line-too-long'],
  ['imap', 'endless-literal', 'imap.dialogue.literal-too-large'],
  ['imap', 'untagged-flood', 'imap.dialogue.flood'],
  ['imap', 'wrong-tag', 'imap.dialogue.wrong-tag'],
  ['imap', 'bye-mid-session', 'imap.dialogue.bye'],
  ['imap', 'starttls-refused', 'imap.starttls.refused'],
  ['imap', 'plaintext-after-starttls', 'imap.starttls.plaintext-injected'],
  ['pop3', 'no-greeting', 'pop3.dialogue.no-greeting'],
  ['pop3', 'endless-line', 'pop3.dialogue.line-too-long'],
  ['pop3', 'untagged-flood', 'pop3.dialogue.flood'],
  ['pop3', 'wrong-tag', 'pop3.dialogue.malformed'],
  ['pop3', 'bye-mid-session', 'pop3.dialogue.bye'],
  ['pop3', 'starttls-refused', 'pop3.starttls.refused'],
  ['pop3', 'plaintext-after-starttls', 'pop3.starttls.plaintext-injected'],
];

describe.each(CASES)('%s server: %s', (protocol, behaviour, expected) => {
  it(`ends in ${expected} within its deadline`, async () => {
    server = await startHostileIncomingServer(protocol, behaviour);
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, '127.0.0.1'));
    const started = performance.now();
    const result = await probeIncomingDialogue(ctx, { port: server.port, security: 'starttls' });
    const elapsed = performance.now() - started;
    expect(result.findings.map((f) => f.id)).toContain(expected);
    expect(elapsed).toBeLessThan(WITHIN_MS);
  });
});

describe.each(CASES)('the TLS check on a %s server: %s', (protocol, behaviour, dialogueFinding) => {
  it('ends within its deadline, saying TLS could not be reached, or leaves a refused STARTTLS to the dialogue', async () => {
    server = await startHostileIncomingServer(protocol, behaviour);
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, '127.0.0.1'));
    const started = performance.now();
    const result = await probeIncomingTls(ctx, { port: server.port, security: 'starttls' });
    const elapsed = performance.now() - started;
    // A STARTTLS / STLS the server refuses or never offers is the dialogue's finding, reported once.
    const leftToDialogue = /\.starttls\.(refused|not-offered)$/.test(dialogueFinding);
    expect(result.findings.map((f) => f.id)).toEqual(leftToDialogue ? [] : ['tls.connect.failed']);
    expect(elapsed).toBeLessThan(TLS_WITHIN_MS);
  });
});

/** More ways to break the dialogue, each its own finding with the port and what went wrong as evidence. */
const MORE_CASES: readonly [IncomingProtocol, HostileIncomingBehaviour, string][] = [
  ['imap', 'refusing-greeting', 'imap.greeting.refused'],
  ['pop3', 'refusing-greeting', 'pop3.greeting.refused'],
  ['imap', 'no-starttls', 'imap.starttls.not-offered'],
  ['imap', 'garbage-for-handshake', 'imap.starttls.failed'],
  ['pop3', 'garbage-for-handshake', 'pop3.starttls.failed'],
  ['imap', 'garbage-reply', 'imap.dialogue.malformed'],
  ['imap', 'silent-after-greeting', 'imap.dialogue.timeout'],
  ['pop3', 'silent-after-greeting', 'pop3.dialogue.timeout'],
  ['imap', 'close-after-greeting', 'imap.dialogue.closed'],
  ['pop3', 'close-after-greeting', 'pop3.dialogue.closed'],
];

describe.each(MORE_CASES)('%s server: %s', (protocol, behaviour, expected) => {
  it(`ends in ${expected}, naming the port, within its deadline`, async () => {
    server = await startHostileIncomingServer(protocol, behaviour);
    const ctx = testIncomingContext(protocol, HOST, oneNameResolver(HOST, '127.0.0.1'));
    const started = performance.now();
    const result = await probeIncomingDialogue(ctx, { port: server.port, security: 'starttls' });
    expect(performance.now() - started).toBeLessThan(WITHIN_MS);
    const finding = result.findings.find((f) => f.id === expected);
    expect(finding?.severity).toBe(
      /greeting\.refused$|^imap\.dialogue|^pop3\.dialogue/.test(expected) ? 'medium' : 'high',
    );
    expect(finding?.evidence).toMatchObject({ host: HOST, port: server.port });
  });
});
