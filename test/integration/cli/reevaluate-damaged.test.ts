/**
 * Evidence a hostile or broken file may carry (issue 15 items 4 and 8): damaged evidence is refused with
 * exit 2 naming where it is damaged, never "unexpected" (exit 3); a large evidence file replays in time
 * linear in its size, with the same verdict.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { createTestServices, type TestServices } from '../../helpers/test-services';

type Json = Record<string, unknown>;

describe('mailwarden reevaluate with damaged or very large evidence', () => {
  let knot: KnotServer;
  let env: TestServices;
  let reportText: string;
  const cli = (argv: readonly string[]) =>
    runCliInProcess(argv, { dataDir: env.dataDir, keychainService: env.keychainService });
  /** A copy of the saved report with its evidence changed by `damage`, written to a file. */
  const damaged = async (name: string, damage: (evidence: Json) => void): Promise<string> => {
    const report = JSON.parse(reportText) as Json;
    damage(report['evidence'] as Json);
    const path = join(env.dataDir, `${name}.json`);
    await writeFile(path, JSON.stringify(report));
    return path;
  };

  beforeAll(async () => {
    env = await createTestServices();
    knot = await startKnot({
      'mail.test': [
        '@ IN MX 10 smtp.mail.test.',
        'smtp IN A 127.0.0.1',
        '@ IN TXT "v=spf1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=none"',
      ].join('\n'),
    });
    const audited = await cli([
      'audit',
      'mail.test',
      '--only',
      'dns',
      '--dns',
      knot.server,
      '--format',
      'json',
    ]);
    expect(audited.code, audited.stderr).toBe(0);
    reportText = audited.stdout;
    await knot.stop();
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('refuses damaged evidence with exit 2, naming where it is damaged', async () => {
    const queries = (evidence: Json) => (evidence['dns'] as { queries: Json[] }).queries;
    const cases: [string, (evidence: Json) => void, string][] = [
      ['wrong-type', (e) => void ((queries(e)[0] as Json)['name'] = 42), 'at evidence.dns.queries.0.name'],
      ['queries-not-list', (e) => void ((e['dns'] as Json)['queries'] = 'many'), 'at evidence.dns.queries'],
      [
        'proto-subject',
        (e) =>
          void ((e['audit'] as Json)['subject'] = JSON.parse('{"__proto__": {"kind": "domain"}}') as Json),
        'at evidence.audit.subject',
      ],
      ['negative-time', (e) => void ((queries(e)[1] as Json)['atMs'] = -5), 'at evidence.dns.queries.1.atMs'],
      ['far-time', (e) => void ((queries(e)[2] as Json)['atMs'] = 1e300), 'at evidence.dns.queries.2.atMs'],
      ['start-out-of-range', (e) => void (e['startedAtMs'] = 9e15), 'at evidence.startedAtMs'],
    ];
    for (const [name, damage, where] of cases) {
      const result = await cli(['reevaluate', await damaged(name, damage)]);
      expect(result.code, `${name}: ${result.stderr}`).toBe(2);
      expect(result.stderr, name).toContain("The report's evidence is damaged");
      expect(result.stderr, name).toContain(where);
      expect(result.stderr, name).not.toContain('unexpected');
    }
    // 100,000 nested arrays: written as text, since JSON.stringify itself cannot nest that deep.
    const deep = join(env.dataDir, 'deep.json');
    const nested = `${'['.repeat(100_000)}"bottom"${']'.repeat(100_000)}`;
    await writeFile(deep, reportText.replace(/"seq": ?1,/, `"seq": 1, "deep": ${nested},`));
    const nestedResult = await cli(['reevaluate', deep]);
    expect(nestedResult.code, nestedResult.stderr).toBe(2);
    expect(nestedResult.stderr).toContain('nested more than 64 levels deep');
    // A 100,000-digit number reads as Infinity, which no recorded time or port can be.
    const digits = join(env.dataDir, 'digits.json');
    await writeFile(digits, reportText.replace(/"atMs": ?\d+/, `"atMs": 1${'0'.repeat(100_000)}`));
    const huge = await cli(['reevaluate', digits]);
    expect(huge.code, huge.stderr).toBe(2);
    expect(huge.stderr).toContain('at evidence.dns.queries.0.atMs');
  });

  it('refuses a damaged test message (proof) with exit 2, naming where it is damaged', async () => {
    const withProof = async (name: string, proof: string): Promise<string> => {
      const path = join(env.dataDir, `${name}.json`);
      await writeFile(path, reportText.replace(/^\{/, `{"proof": ${proof},`));
      return path;
    };
    const cases: [string, string, string][] = [
      ['proof-not-object', '"yesterday"', 'at proof'],
      ['proof-bad-time', '{"runId": "r", "provedAt": "last week", "findings": []}', 'at proof.provedAt'],
      [
        'proof-findings-not-list',
        '{"runId": "r", "provedAt": "2026-12-01T10:00:00.000Z", "findings": 3}',
        'at proof.findings',
      ],
      [
        'proof-deep',
        `{"runId": "r", "provedAt": "2026-12-01T10:00:00.000Z", "findings": [], "x": ${'['.repeat(5_000)}1${']'.repeat(5_000)}}`,
        'nested more than 64 levels deep',
      ],
    ];
    for (const [name, proof, where] of cases) {
      const result = await cli(['reevaluate', await withProof(name, proof)]);
      expect(result.code, `${name}: ${result.stderr}`).toBe(2);
      expect(result.stderr, name).toContain("The report's test message (proof) is damaged");
      expect(result.stderr, name).toContain(where);
      expect(result.stderr, name).not.toContain('unexpected');
    }
  });

  it('replays 30,000 recorded DNS answers for one name and type, with the same findings', async () => {
    const original = JSON.parse(reportText) as AuditReport;
    const path = await damaged('large', (evidence) => {
      const list = queries(evidence);
      const first = list[0] as Json;
      let seq = Math.max(...list.map((query) => query['seq'] as number));
      // Later answers for the first name and type: a replay reads them only if asked that often.
      while (list.length < 30_000) list.push({ ...first, seq: (seq += 1), atMs: 60_000 });
    });
    const started = performance.now();
    const result = await cli(['reevaluate', path, '--format', 'json']);
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    const again = JSON.parse(result.stdout) as AuditReport;
    expect(again.findings.map((finding) => finding.id).sort()).toEqual(
      original.findings.map((finding) => finding.id).sort(),
    );
    // Quadratic replay took 79 s here; linear takes about one. The ceiling is generous for a shared machine.
    expect(seconds).toBeLessThan(30);
    expect((await readFile(path)).byteLength).toBeGreaterThan(1_000_000);
  });
});

function queries(evidence: Json): Json[] {
  return (evidence['dns'] as { queries: Json[] }).queries;
}
