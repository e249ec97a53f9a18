import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import {
  buildBulkSenderScorecard,
  type BulkSenderScorecard,
} from '../../../../../main/core/checks/bulk-sender/build-bulk-sender-scorecard';
import type { ScorecardInputs } from '../../../../../main/core/checks/bulk-sender/scorecard-inputs';
import { checkReverseDns } from '../../../../../main/core/checks/reverse-dns/check-reverse-dns';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

// The reverse DNS part of the inputs comes from the real check against real zones; SPF, DKIM and DMARC
// come as the summaries their checks will map into (their result shapes are still being written).
const ZONES: Record<string, string> = {
  '215.184.93.in-addr.arpa': '20 PTR smtp.compliant.test.',
  'compliant.test': 'smtp A 93.184.215.20',
};

let knot: KnotServer;
let resolver: DnsResolver;

beforeAll(async () => {
  knot = await startKnot(ZONES);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await knot.stop();
});

async function sendingReverseDns(address: string): Promise<ScorecardInputs['reverseDns']> {
  const result = await checkReverseDns({ resolver, targets: [{ address, role: 'submission' }] });
  return result.entries;
}

function status(card: BulkSenderScorecard, rule: keyof BulkSenderScorecard['rules']): string {
  return card.rules[rule].status;
}

function audience(card: BulkSenderScorecard, id: string): BulkSenderScorecard['audiences'][number] {
  const found = card.audiences.find((row) => row.audience === id);
  if (found === undefined) throw new Error(`no audience ${id}`);
  return found;
}

describe('buildBulkSenderScorecard', () => {
  it('finds no failure for a compliant domain, and leaves message-level rules as "cannot tell"', async () => {
    const card = buildBulkSenderScorecard({
      domain: 'compliant.test',
      spf: {
        recordPresent: true,
        valid: true,
        record: 'v=spf1 ip4:93.184.215.20 -all',
        sendingIpResult: { ip: '93.184.215.20', result: 'pass' },
      },
      dkim: { keysFound: [{ selector: 's1', usable: true }], selectorsTried: 1, selectorsFromUser: true },
      dmarc: { recordPresent: true, policy: 'none', record: 'v=DMARC1; p=none' },
      reverseDns: await sendingReverseDns('93.184.215.20'),
      tls: { seen: true, where: 'smtp.compliant.test:587 STARTTLS' },
    });
    for (const rule of ['spf-or-dkim', 'spf-and-dkim', 'dmarc-policy', 'reverse-dns', 'tls'] as const) {
      expect(status(card, rule)).toBe('pass');
    }
    for (const rule of ['dmarc-alignment', 'one-click-unsubscribe', 'spam-rate', 'message-format'] as const) {
      expect(status(card, rule)).toBe('cannot-tell');
    }
    expect(card.audiences.every((row) => row.verdict === 'no-failure-found')).toBe(true);
    expect(audience(card, 'microsoft-bulk').counts).toEqual({ pass: 2, fail: 0, cannotTell: 1 });
    expect(card.findings.some((finding) => finding.severity !== 'pass' && finding.severity !== 'info')).toBe(
      false,
    );
    const alignment = card.findings.find((finding) => finding.id === 'bulk.dmarc-alignment.unknown');
    expect(alignment?.title).toMatch(/needs a real message/);
    expect(
      card.findings.find((finding) => finding.id === 'bulk.spam-rate.unknown')?.fix.steps.join(' '),
    ).toMatch(/Postmaster Tools/);
  });

  it('fails a domain without SPF, DKIM, DMARC or reverse DNS, with the DMARC record to publish', async () => {
    const card = buildBulkSenderScorecard({
      domain: 'careless.test',
      spf: { recordPresent: false, valid: null },
      dkim: { keysFound: [], selectorsTried: 2, selectorsFromUser: true },
      dmarc: { recordPresent: false, policy: null },
      reverseDns: await sendingReverseDns('93.184.215.21'),
      tls: { seen: false, where: 'mail.careless.test:25' },
    });
    for (const rule of [
      'spf-or-dkim',
      'spf-and-dkim',
      'dmarc-policy',
      'dmarc-alignment',
      'reverse-dns',
      'tls',
    ] as const) {
      expect(status(card, rule)).toBe('fail');
    }
    expect(card.audiences.every((row) => row.verdict === 'fail')).toBe(true);
    const dmarc = card.findings.find((finding) => finding.id === 'bulk.dmarc-policy.fail');
    expect(dmarc?.fix.record).toEqual({
      type: 'TXT',
      name: '_dmarc.careless.test',
      value: 'v=DMARC1; p=none; rua=mailto:dmarc-reports@careless.test',
    });
    const both = card.findings.find((finding) => finding.id === 'bulk.spf-and-dkim.fail');
    expect(both?.explanation).toContain('550 5.7.515');
    expect(card.rules['reverse-dns'].evidence['sendingAddresses']).toEqual(['93.184.215.21: missing']);
  });

  it('says "cannot tell" for DKIM when only guessed selectors were tried', () => {
    const card = buildBulkSenderScorecard({
      domain: 'guess.test',
      spf: { recordPresent: true, valid: true },
      dkim: { keysFound: [], selectorsTried: 30, selectorsFromUser: false },
      dmarc: { recordPresent: true, policy: 'reject' },
      reverseDns: [],
      tls: { seen: null },
    });
    expect(status(card, 'spf-or-dkim')).toBe('pass');
    expect(status(card, 'spf-and-dkim')).toBe('cannot-tell');
    expect(status(card, 'reverse-dns')).toBe('cannot-tell');
    expect(status(card, 'tls')).toBe('cannot-tell');
  });

  it('fails SPF when the sending address does not pass, even with a record', () => {
    const card = buildBulkSenderScorecard({
      domain: 'softfail.test',
      spf: { recordPresent: true, valid: true, sendingIpResult: { ip: '93.184.215.30', result: 'softfail' } },
      dkim: { keysFound: [{ selector: 'k1', usable: true }], selectorsTried: 1, selectorsFromUser: true },
      dmarc: { recordPresent: true, policy: 'quarantine' },
      reverseDns: [],
      tls: { seen: true },
    });
    expect(status(card, 'spf-and-dkim')).toBe('fail');
    expect(status(card, 'spf-or-dkim')).toBe('pass');
    expect(card.rules['spf-and-dkim'].evidence['spfSendingIp']).toBe('93.184.215.30: softfail');
  });

  it('marks what the reference could not confirm in the wording it shows', () => {
    const card = buildBulkSenderScorecard({
      domain: 'x.test',
      spf: { recordPresent: null, valid: null },
      dkim: { keysFound: [], selectorsTried: 0, selectorsFromUser: false },
      dmarc: { recordPresent: null, policy: null },
      reverseDns: [],
      tls: { seen: null },
    });
    expect(audience(card, 'google-bulk').label).toContain('(unconfirmed)');
    expect(audience(card, 'yahoo-all').label).toContain('(unconfirmed)');
    expect(audience(card, 'microsoft-bulk').label).toMatch(
      /5 May 2025; that date is from third-party reports/,
    );
    const dmarcUnknown = card.findings.find((finding) => finding.id === 'bulk.dmarc-policy.unknown');
    expect(dmarcUnknown?.explanation).toContain('(unconfirmed)');
  });
});
