/**
 * The DnsWireClient port on dns-packet over UDP, with TCP when the UDP answer is truncated.
 *
 * node:dns (c-ares) does not show the header of an answer, so it cannot say whether a validating resolver
 * set the AD bit. This client sends the query itself: RD=1, AD=1 (RFC 6840 section 5.7: ask for the AD
 * bit) and an EDNS0 OPT record with DO=1 (RFC 3225, RFC 6891), to the user's resolver or the system's
 * first one. Answers are hostile input: the id and question must match, the record count is capped, the
 * TCP message is capped at its 16-bit length, and one deadline covers UDP and TCP together.
 */
import { randomInt } from 'node:crypto';
import { getServers } from 'node:dns';
import {
  AUTHENTIC_DATA,
  DNSSEC_OK,
  RECURSION_DESIRED,
  encode,
  type Answer,
  type DecodedPacket,
  type Packet,
} from 'dns-packet';
import type { DnsFailureCode } from '../core/ports';
import type { DnsWireClient, WireQueryType, WireRecord, WireResult } from '../core/dns-wire-port';
import { Exchange } from './dns-wire-exchange';
import { formatDnsServer, parseDnsServer, type DnsServerAddress } from './parse-dns-server';

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_ANSWERS = 100;
/** DNS flag day 2020: a UDP payload size that avoids IP fragmentation. */
const EDNS_UDP_PAYLOAD_BYTES = 1_232;
/** RFC 1035 section 4.1.1: the low four header bits of the flags word are the RCODE. */
const RCODE_MASK = 0xf;
const MAX_QUERY_ID = 65_536;
/** RFC 1035 section 2.3.4 (253 characters of dotted text) and 63 octets a label. */
const MAX_NAME_CHARS = 253;
const MAX_LABEL_CHARS = 63;

/** RFC 1035 section 4.1.1 and RFC 6895 section 2.3. */
const RCODE_NAMES: readonly string[] = [
  'NOERROR',
  'FORMERR',
  'SERVFAIL',
  'NXDOMAIN',
  'NOTIMP',
  'REFUSED',
  'YXDOMAIN',
  'YXRRSET',
  'NXRRSET',
  'NOTAUTH',
  'NOTZONE',
];

export interface DnsWireClientOptions {
  /** Ask this server; null or absent means the first server of the system's resolver list. */
  readonly server?: DnsServerAddress | null;
  /** One deadline for the whole query: the UDP try and any TCP retry. */
  readonly timeoutMs?: number;
  /** More answer records than this is TOO_MANY_ANSWERS. */
  readonly maxAnswers?: number;
}

/** Build a wire client. Each query opens its own socket, so a late answer never reaches another query. */
export function createDnsWireClient(options: DnsWireClientOptions = {}): DnsWireClient {
  const server = options.server ?? firstSystemServer();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAnswers = options.maxAnswers ?? DEFAULT_MAX_ANSWERS;
  const description = server === null ? 'system (none configured)' : formatDnsServer(server);

  return {
    description,
    async query(name: string, type: WireQueryType): Promise<WireResult> {
      if (server === null) {
        return fail('OTHER', 'This computer has no DNS resolver configured; choose one in the settings.');
      }
      const bare = name.replace(/\.$/, '');
      const problem = nameProblem(bare);
      if (problem !== null) return fail('BAD_NAME', `That name cannot be looked up: ${problem}.`);
      const id = randomInt(0, MAX_QUERY_ID);
      const query = encode(queryPacket(id, bare, type));
      const exchange = new Exchange(server, timeoutMs);
      try {
        const udp = await exchange.overUdp(query, (packet) => matches(packet, id, bare, type));
        if (udp.kind !== 'answer') return udp.result;
        let packet = udp.packet;
        let transport: 'udp' | 'tcp' = 'udp';
        if (packet.flag_tc) {
          // RFC 7766 section 5: a truncated UDP answer is retried over TCP.
          const tcp = await exchange.overTcp(query, (reply) => matches(reply, id, bare, type));
          if (tcp.kind !== 'answer') return tcp.result;
          packet = tcp.packet;
          transport = 'tcp';
        }
        const answers = packet.answers ?? [];
        if (answers.length > maxAnswers) {
          return fail(
            'TOO_MANY_ANSWERS',
            `${description} sent ${String(answers.length)} ${type} records for ${bare}, more than the ${String(maxAnswers)} Mailwarden reads.`,
          );
        }
        return {
          ok: true,
          answer: {
            rcode: RCODE_NAMES[(packet.flags ?? 0) & RCODE_MASK] ?? 'OTHER',
            authenticatedData: packet.flag_ad,
            transport,
            answers: answers.map(toWireRecord),
          },
        };
      } finally {
        exchange.close();
      }
    },
  };
}

function queryPacket(id: number, name: string, type: WireQueryType): Packet {
  return {
    type: 'query',
    id,
    flags: RECURSION_DESIRED | AUTHENTIC_DATA,
    questions: [{ type, name, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_UDP_PAYLOAD_BYTES,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: DNSSEC_OK,
        flag_do: true,
        options: [],
      },
    ],
  };
}

/** The reply answers our query: same id, a response, and the same question (case-insensitive, RFC 4343). */
function matches(packet: DecodedPacket, id: number, name: string, type: WireQueryType): boolean {
  if (packet.id !== id || packet.type !== 'response') return false;
  const question = packet.questions?.[0];
  return (
    question !== undefined &&
    question.type === type &&
    question.name.toLowerCase().replace(/\.$/, '') === name.toLowerCase()
  );
}

function toWireRecord(answer: Answer): WireRecord {
  const base = { name: answer.name, ttl: 'ttl' in answer ? (answer.ttl ?? 0) : 0 };
  switch (answer.type) {
    case 'TLSA':
      return {
        type: 'TLSA',
        ...base,
        usage: answer.data.usage,
        selector: answer.data.selector,
        matchingType: answer.data.matchingType,
        dataHex: answer.data.certificate.toString('hex'),
      };
    case 'A':
    case 'AAAA':
    case 'CNAME':
      return { type: answer.type, ...base, data: answer.data };
    case 'MX':
      return { type: 'MX', ...base, data: `${String(answer.data.preference)} ${answer.data.exchange}` };
    default:
      return { type: answer.type, ...base };
  }
}

/** The first server of the system list (`/etc/resolv.conf` on Linux), or null when there is none. */
function firstSystemServer(): DnsServerAddress | null {
  for (const entry of getServers()) {
    const parsed = parseDnsServer(entry);
    if (parsed.ok) return parsed.value;
  }
  return null;
}

function nameProblem(name: string): string | null {
  if (name === '') return 'it is empty';
  if (/\P{ASCII}/u.test(name)) return 'it has non-ASCII characters (use its xn-- punycode form)';
  if (name.length > MAX_NAME_CHARS) return `it is longer than ${String(MAX_NAME_CHARS)} characters`;
  if (name.split('.').some((label) => label === '' || label.length > MAX_LABEL_CHARS)) {
    return `a label is empty or longer than ${String(MAX_LABEL_CHARS)} characters`;
  }
  if (/[^A-Za-z0-9_*.-]/.test(name)) return 'it has a character that does not belong in a DNS name';
  return null;
}

function fail(code: DnsFailureCode, message: string): WireResult {
  return { ok: false, code, message };
}
