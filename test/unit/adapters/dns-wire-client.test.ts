import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import {
  AUTHENTIC_DATA,
  RECURSION_AVAILABLE,
  TRUNCATED_RESPONSE,
  decode,
  encode,
  type Answer,
  type DecodedPacket,
} from 'dns-packet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDnsWireClient } from '../../../main/adapters/dns-wire-client';
import { isTlsaRecord } from '../../../main/core/dns-wire-port';
import { startSilentDnsServer, type SilentDnsServer } from '../../helpers/silent-dns-server';

const ADDRESS = '127.0.0.1';
const DEADLINE_MS = 800;
const TLSA_NAME = '_25._tcp.mx.wire.test';
const DIGEST = Buffer.alloc(32, 0xab);

/** What the scripted server does with each query. */
interface Script {
  /** Reply over UDP (after an optional reply with the wrong id, which the client must ignore). */
  udp: (query: DecodedPacket) => Buffer | null;
  spoofFirst: boolean;
  tcp: (query: DecodedPacket) => Buffer | null;
}

interface RawDnsServer {
  readonly port: number;
  readonly udpQueries: DecodedPacket[];
  readonly tcpQueries: DecodedPacket[];
  script: Script;
  stop(): Promise<void>;
}

/** A raw DNS server on one port for UDP and TCP, answering as the test's script says. */
async function startRawDnsServer(script: Script): Promise<RawDnsServer> {
  const tcp: Server = createServer();
  const sockets = new Set<Socket>();
  await new Promise<void>((resolve) => tcp.listen(0, ADDRESS, resolve));
  const bound = tcp.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
  const udp: UdpSocket = createSocket('udp4');
  await new Promise<void>((resolve) => udp.bind(port, ADDRESS, resolve));
  const server: RawDnsServer = {
    port,
    udpQueries: [],
    tcpQueries: [],
    script,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) =>
          tcp.close(() => {
            resolve();
          }),
        ),
        new Promise<void>((resolve) =>
          udp.close(() => {
            resolve();
          }),
        ),
      ]);
    },
  };
  udp.on('message', (message, remote) => {
    const query = decode(message);
    server.udpQueries.push(query);
    if (server.script.spoofFirst) {
      const spoof = encode({ ...response(query, []), id: ((query.id ?? 0) + 1) % 65_536 });
      udp.send(spoof, remote.port, remote.address);
    }
    const reply = server.script.udp(query);
    if (reply !== null) udp.send(reply, remote.port, remote.address);
  });
  tcp.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      const query = decode(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
      server.tcpQueries.push(query);
      const reply = server.script.tcp(query);
      if (reply === null) return;
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(reply.length);
      socket.write(Buffer.concat([prefix, reply]));
    });
  });
  return server;
}

function tlsaAnswers(count: number): Answer[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'TLSA' as const,
    name: TLSA_NAME,
    ttl: 60,
    data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, index) },
  }));
}

function response(query: DecodedPacket, answers: Answer[], flags = 0): Parameters<typeof encode>[0] {
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: RECURSION_AVAILABLE | flags,
    questions: query.questions ?? [],
    answers,
  };
}

let raw: RawDnsServer;
let silent: SilentDnsServer;

beforeAll(async () => {
  [raw, silent] = await Promise.all([
    startRawDnsServer({ udp: () => null, spoofFirst: false, tcp: () => null }),
    startSilentDnsServer(),
  ]);
});

afterEach(() => {
  raw.udpQueries.length = 0;
  raw.tcpQueries.length = 0;
});

afterAll(async () => {
  await Promise.all([raw.stop(), silent.stop()]);
});

function client(port: number, maxAnswers?: number): ReturnType<typeof createDnsWireClient> {
  return createDnsWireClient({
    server: { host: ADDRESS, port },
    timeoutMs: DEADLINE_MS,
    ...(maxAnswers === undefined ? {} : { maxAnswers }),
  });
}

describe('createDnsWireClient', () => {
  it('asks with AD=1 and EDNS0 DO=1, and reports the AD bit and the TLSA data of the answer', async () => {
    raw.script = {
      spoofFirst: false,
      udp: (query) =>
        encode(
          response(
            query,
            [
              {
                type: 'TLSA',
                name: TLSA_NAME,
                ttl: 60,
                data: { usage: 3, selector: 1, matchingType: 1, certificate: DIGEST },
              },
            ],
            AUTHENTIC_DATA,
          ),
        ),
      tcp: () => null,
    };
    const result = await client(raw.port).query(TLSA_NAME, 'TLSA');
    const query = raw.udpQueries[0];
    expect(query?.flag_ad).toBe(true);
    expect(query?.flag_rd).toBe(true);
    const opt = query?.additionals?.find((record) => record.type === 'OPT');
    expect(opt !== undefined && 'flag_do' in opt ? opt.flag_do : false).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answer.rcode).toBe('NOERROR');
    expect(result.answer.authenticatedData).toBe(true);
    expect(result.answer.transport).toBe('udp');
    const tlsa = result.answer.answers.filter(isTlsaRecord);
    expect(tlsa).toEqual([
      {
        type: 'TLSA',
        name: TLSA_NAME,
        ttl: 60,
        usage: 3,
        selector: 1,
        matchingType: 1,
        dataHex: DIGEST.toString('hex'),
      },
    ]);
  });

  it('retries over TCP when the UDP answer is truncated (TC=1) and returns the full TCP answer', async () => {
    raw.script = {
      spoofFirst: false,
      udp: (query) => encode(response(query, [], TRUNCATED_RESPONSE)),
      tcp: (query) => encode(response(query, tlsaAnswers(3), AUTHENTIC_DATA)),
    };
    const result = await client(raw.port).query(TLSA_NAME, 'TLSA');
    expect(raw.udpQueries).toHaveLength(1);
    expect(raw.tcpQueries).toHaveLength(1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answer.transport).toBe('tcp');
    expect(result.answer.answers.filter(isTlsaRecord)).toHaveLength(3);
    expect(result.answer.authenticatedData).toBe(true);
  });

  it('ignores a reply with the wrong query id and waits for the real one', async () => {
    raw.script = {
      spoofFirst: true,
      udp: (query) => encode(response(query, tlsaAnswers(1))),
      tcp: () => null,
    };
    const result = await client(raw.port).query(TLSA_NAME, 'TLSA');
    expect(result.ok && result.answer.answers.length).toBe(1);
    expect(result.ok && result.answer.authenticatedData).toBe(false);
  });

  it('reports the response code of a denial, with its AD bit', async () => {
    raw.script = {
      spoofFirst: false,
      udp: (query) =>
        encode({ ...response(query, [], AUTHENTIC_DATA), flags: RECURSION_AVAILABLE | AUTHENTIC_DATA | 3 }),
      tcp: () => null,
    };
    const result = await client(raw.port).query(TLSA_NAME, 'TLSA');
    expect(result.ok && result.answer.rcode).toBe('NXDOMAIN');
    expect(result.ok && result.answer.authenticatedData).toBe(true);
  });

  it('refuses an answer with more records than the cap', async () => {
    raw.script = {
      spoofFirst: false,
      udp: (query) => encode(response(query, tlsaAnswers(5))),
      tcp: () => null,
    };
    const result = await client(raw.port, 3).query(TLSA_NAME, 'TLSA');
    expect(result).toMatchObject({ ok: false, code: 'TOO_MANY_ANSWERS' });
  });

  it('gives up at its deadline when the server never answers', async () => {
    const started = Date.now();
    const result = await client(silent.port).query(TLSA_NAME, 'TLSA');
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(silent.queriesSeen()).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);
  });

  it('keeps one deadline across UDP and a silent TCP retry', async () => {
    raw.script = {
      spoofFirst: false,
      udp: (query) => encode(response(query, [], TRUNCATED_RESPONSE)),
      tcp: () => null,
    };
    const started = Date.now();
    const result = await client(raw.port).query(TLSA_NAME, 'TLSA');
    expect(result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(raw.tcpQueries).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
  });

  it('refuses names that cannot be asked for, without sending anything', async () => {
    const wire = client(raw.port);
    const long = `${'a'.repeat(63)}.`.repeat(5) + 'test';
    await expect(wire.query(long, 'TLSA')).resolves.toMatchObject({ ok: false, code: 'BAD_NAME' });
    await expect(wire.query('bücher.test', 'MX')).resolves.toMatchObject({ ok: false, code: 'BAD_NAME' });
    expect(raw.udpQueries).toHaveLength(0);
  });

  it('names the system resolver it uses when none is chosen', () => {
    expect(createDnsWireClient().description).not.toBe('');
  });
});
