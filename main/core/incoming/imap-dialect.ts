/** The incoming-server steps in IMAP (RFC 9051, RFC 3501 for older servers). */
import { capabilitiesIn, idFields } from './imap-grammar';
import { ImapSession, type ImapResponse } from './imap-session';
import { CLEARTEXT_SASL, type Dialect, type DialectStep, type Greeting } from './incoming-dialect';
import type { LineChannel, LineLimits } from './line-channel';
import { softwareInId } from './software-banner';

export function imapDialect(channel: LineChannel, limits: LineLimits): Dialect {
  const session = new ImapSession(channel, limits);
  const step = <T>(
    response: ImapResponse,
    value: (lines: readonly string[], text: string) => T,
  ): DialectStep<T> => {
    switch (response.kind) {
      case 'done':
        return response.status === 'OK'
          ? { kind: 'ok', value: value(response.untagged, response.text) }
          : { kind: 'refused', reply: `${response.status} ${response.text}`.trim() };
      case 'bye':
        return {
          kind: 'failure',
          failure: {
            kind: 'closed',
            message: `The server ended the session: "* BYE ${response.text}".`,
            elapsedMs: 0,
          },
          grammar: 'bye',
        };
      case 'wrong-tag':
        return {
          kind: 'failure',
          failure: {
            kind: 'malformed-reply',
            message: `The server answered with a tag that was never sent (sent ${response.sent}, got "${response.line.slice(0, 200)}").`,
            elapsedMs: 0,
          },
          grammar: 'wrong-tag',
        };
      case 'malformed':
        return {
          kind: 'failure',
          failure: {
            kind: 'malformed-reply',
            message: `Unreadable answer: "${response.line.slice(0, 200)}".`,
            elapsedMs: 0,
          },
        };
      case 'failure':
        return response;
    }
  };
  return {
    channel,
    startTlsWord: 'STARTTLS',
    async greeting() {
      const greeting = await session.greeting();
      if (greeting.kind === 'failure') return greeting;
      if (greeting.kind === 'malformed')
        return {
          kind: 'failure',
          failure: {
            kind: 'malformed-reply',
            message: `Not an IMAP greeting: "${greeting.line.slice(0, 200)}".`,
            elapsedMs: 0,
          },
        };
      const value: Greeting = {
        status: greeting.status === 'OK' ? 'ok' : greeting.status === 'PREAUTH' ? 'preauth' : 'bye',
        text: greeting.text,
        capabilities: capabilitiesIn([greeting.line]),
      };
      return { kind: 'ok', value };
    },
    async capabilities() {
      const response = await session.command('CAPABILITY');
      const result = step(response, (lines, text) => capabilitiesIn([...lines, `[${text}]`]) ?? []);
      return result;
    },
    async startTls() {
      // RFC 9051 section 6.2.1: OK, then the TLS negotiation begins at once.
      return step(await session.command('STARTTLS'), () => null);
    },
    passwordMethods(capabilities) {
      // RFC 9051 section 6.2.3: LOGIN works unless LOGINDISABLED is advertised.
      const methods = capabilities.includes('LOGINDISABLED') ? [] : ['the LOGIN command'];
      for (const word of capabilities) {
        const mechanism = /^AUTH=(.+)$/.exec(word)?.[1];
        if (mechanism !== undefined && CLEARTEXT_SASL.has(mechanism))
          methods.push(`AUTHENTICATE ${mechanism}`);
      }
      return methods;
    },
    softwareSource: 'ID',
    // IMAP names its software only in an ID answer (RFC 2971), a round trip away: softwareId.
    softwareIn: () => null,
    async softwareId(capabilities) {
      if (!capabilities.includes('ID')) return null;
      // RFC 2971 section 3.1: NIL says nothing about us; the server answers with its own fields.
      const response = await session.command('ID NIL');
      return response.kind === 'done' && response.status === 'OK'
        ? softwareInId(idFields(response.untagged))
        : null;
    },
    async logout() {
      // RFC 9051 section 6.1.3.
      if (channel.send('mwz LOGOUT') === null) await channel.readLine(1_000);
      channel.close();
    },
  };
}
