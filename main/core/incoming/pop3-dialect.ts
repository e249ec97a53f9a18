/** The incoming-server steps in POP3 (RFC 1939, CAPA from RFC 2449, STLS from RFC 2595). */
import { CLEARTEXT_SASL, type Dialect, type DialectStep } from './incoming-dialect';
import type { LineChannel, LineLimits } from './line-channel';
import { Pop3Session, type Pop3Response } from './pop3-session';

const IMPLEMENTATION = 'IMPLEMENTATION=';

/**
 * An -ERR that ends the session rather than refusing one command. RFC 1939 section 3 lets a server close
 * after any -ERR, so "-ERR" alone cannot tell "CAPA unknown" (an old server, the dialogue goes on) from
 * "going away"; the RFC 3206 section 4 response codes can: SYS/TEMP and SYS/PERM are a system failure,
 * not a verdict on the command (Dovecot: "-ERR [SYS/TEMP] ..." before it disconnects).
 */
const SESSION_ENDING_ERR = /^\[SYS\/(?:TEMP|PERM)\]/i;

/** What CAPA's IMPLEMENTATION line says (Courier: "Courier Mail Server"); null without one. */
function softwareIn(capabilities: readonly string[]): string | null {
  const word = capabilities.find(
    (each) => each.startsWith(IMPLEMENTATION) && each.length > IMPLEMENTATION.length,
  );
  return word === undefined ? null : word.slice(IMPLEMENTATION.length);
}

export function pop3Dialect(channel: LineChannel, limits: LineLimits): Dialect {
  const session = new Pop3Session(channel, limits);
  const step = <T>(
    response: Pop3Response,
    value: (lines: readonly string[], text: string) => T,
  ): DialectStep<T> => {
    switch (response.kind) {
      case 'ok':
        return { kind: 'ok', value: value(response.lines, response.text) };
      case 'err':
        if (SESSION_ENDING_ERR.test(response.text)) {
          channel.close();
          return {
            kind: 'failure',
            failure: {
              kind: 'closed',
              message: `The server ended the session: "-ERR ${response.text.slice(0, 200)}".`,
              elapsedMs: 0,
            },
            grammar: 'bye',
          };
        }
        return { kind: 'refused', reply: `-ERR ${response.text}`.trim() };
      case 'malformed':
        return {
          kind: 'failure',
          failure: {
            kind: 'malformed-reply',
            message: `Not a POP3 status line: "${response.line.slice(0, 200)}".`,
            elapsedMs: 0,
          },
        };
      case 'failure':
        return response;
    }
  };
  return {
    channel,
    startTlsWord: 'STLS',
    async greeting() {
      const response = await session.greeting();
      if (response.kind === 'err')
        return { kind: 'ok', value: { status: 'bye', text: response.text, capabilities: null } };
      return step(response, (_lines, text) => ({ status: 'ok' as const, text, capabilities: null }));
    },
    async capabilities() {
      // RFC 2449 section 5: one capability a line, its name first; SASL lists its mechanisms after it.
      return step(await session.command('CAPA', { multiline: true }), (lines) =>
        lines.flatMap((line) => {
          const [name = '', ...args] = line.trim().toUpperCase().split(/\s+/);
          if (name === 'SASL') return [name, ...args.map((mechanism) => `SASL=${mechanism}`)];
          // RFC 2449 section 6.9: the server's own name for itself, kept as it wrote it.
          if (name === 'IMPLEMENTATION')
            return [name, `${IMPLEMENTATION}${line.trim().slice(name.length).trim().slice(0, 80)}`];
          return [name];
        }),
      );
    },
    async startTls() {
      return step(await session.command('STLS'), () => null);
    },
    passwordMethods(capabilities) {
      const methods = capabilities.includes('USER') ? ['USER/PASS'] : [];
      for (const word of capabilities) {
        const mechanism = /^SASL=(.+)$/.exec(word)?.[1];
        if (mechanism !== undefined && CLEARTEXT_SASL.has(mechanism)) methods.push(`AUTH ${mechanism}`);
      }
      return methods;
    },
    softwareSource: 'CAPA IMPLEMENTATION',
    softwareIn,
    softwareId(capabilities) {
      return Promise.resolve(softwareIn(capabilities));
    },
    async logout() {
      // RFC 1939 section 6: QUIT.
      if (channel.send('QUIT') === null) await channel.readLine(1_000);
      channel.close();
    },
  };
}
