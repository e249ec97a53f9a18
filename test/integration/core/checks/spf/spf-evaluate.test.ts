/**
 * The RFC 7208 test suite (test/fixtures/spf/rfc7208-tests.yml) run case by case through evaluateSpf.
 *
 * Each scenario's DNS is built from its `zonedata` in memory (test/helpers/spf-zonedata-resolver.ts): the
 * suite's TIMEOUT entries, raw control and non-ASCII bytes in TXT strings and SPF-type records cannot be
 * served by a real DNS server, as the fixtures README allows. Cases mailauth decides differently are listed
 * below with the reason, and asserted to still give mailauth's answer, so the list cannot go stale silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { evaluateSpf, type SpfResultCode } from '../../../../../main/core/checks/spf/spf-evaluate';
import { zonedataResolver, type ZoneData } from '../../../../helpers/spf-zonedata-resolver';

interface SuiteCase {
  readonly host: string;
  readonly mailfrom: string;
  readonly helo: string;
  readonly result: SpfResultCode | readonly SpfResultCode[];
}

interface Scenario {
  readonly description: string;
  readonly tests: Readonly<Record<string, SuiteCase>>;
  readonly zonedata: ZoneData;
}

const SUITE_PATH = join(import.meta.dirname, '../../../../fixtures/spf/rfc7208-tests.yml');
const scenarios = loadAll(readFileSync(SUITE_PATH, 'utf8')) as Scenario[];
const SUITE_CASES = 203;

/** Cases where mailauth 4.13 differs from the suite: case name -> [mailauth's result, why]. */
const MAILAUTH_DIFFERENCES: Readonly<Record<string, readonly [SpfResultCode, string]>> = {
  'p-macro-multiple': [
    'neutral',
    'mailauth does not validate %{p}: it expands it to the sender domain (lib/spf/macro.js), so neither exists: matches.',
  ],
  'invalid-hello-macro': [
    'permerror',
    'mailauth rejects an a:%{H} target that is not a valid domain (its limited resolver) instead of treating it as no match.',
  ],
  'hello-domain-literal': ['permerror', 'Same as invalid-hello-macro, with the HELO "[192.168.218.40]".'],
  'require-valid-helo': ['permerror', 'Same as invalid-hello-macro, with the HELO "OEMCOMPUTER".'],
};

const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' } as const;

describe('the RFC 7208 test suite through evaluateSpf (mailauth + our syntax check + match trace)', () => {
  it('reads every scenario and case of the suite', () => {
    const total = scenarios.reduce((sum, scenario) => sum + Object.keys(scenario.tests).length, 0);
    expect(scenarios.length).toBe(16);
    expect(total).toBe(SUITE_CASES);
  });

  for (const scenario of scenarios) {
    describe(scenario.description, () => {
      for (const [name, test] of Object.entries(scenario.tests)) {
        const expected = [test.result].flat();
        const difference = MAILAUTH_DIFFERENCES[name];
        const title =
          difference === undefined
            ? `${name}: ${expected.join(' or ')}`
            : `${name}: known difference, ${difference[0]}`;
        it(title, async () => {
          const evaluation = await evaluateSpf({
            ip: test.host,
            sender: test.mailfrom,
            helo: test.helo,
            resolver: zonedataResolver(scenario.zonedata),
          });
          if (difference === undefined) expect(expected).toContain(evaluation.result);
          else expect(evaluation.result).toBe(difference[0]);
          // When a mechanism is named, its qualifier must be what decided the result.
          if (evaluation.matched !== null)
            expect(QUALIFIER_RESULT[evaluation.matched.qualifier]).toBe(evaluation.result);
        });
      }
    });
  }

  it(`passes ${String(SUITE_CASES - Object.keys(MAILAUTH_DIFFERENCES).length)} of ${String(SUITE_CASES)} cases, and names the matching mechanism for most verdicts`, async () => {
    let passed = 0;
    let verdicts = 0;
    let named = 0;
    for (const scenario of scenarios) {
      const resolver = zonedataResolver(scenario.zonedata);
      for (const test of Object.values(scenario.tests)) {
        const evaluation = await evaluateSpf({
          ip: test.host,
          sender: test.mailfrom,
          helo: test.helo,
          resolver,
        });
        if ([test.result].flat().includes(evaluation.result)) passed += 1;
        if (['pass', 'fail', 'softfail'].includes(evaluation.result)) {
          verdicts += 1;
          if (evaluation.matched !== null) named += 1;
        }
      }
    }
    expect(passed).toBe(SUITE_CASES - Object.keys(MAILAUTH_DIFFERENCES).length);
    // pass, fail and softfail always come from a mechanism; the trace must find it every time.
    expect(named).toBe(verdicts);
  });
});
