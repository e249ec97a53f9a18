import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const sortedFindings = (report: AuditReport) =>
  report.findings.map((finding) => JSON.stringify(finding)).sort();

describe('mailwarden reevaluate', () => {
  let knot: KnotServer;
  let env: TestServices;
  let reportPath: string;
  let original: AuditReport;
  const cli = (argv: readonly string[]) =>
    runCliInProcess(argv, { dataDir: env.dataDir, keychainService: env.keychainService });

  beforeAll(async () => {
    env = await createTestServices();
    knot = await startKnot({
      'mail.test': [
        'smtp IN A 127.0.0.1',
        '@ IN MX 10 smtp.mail.test.',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 ~all"',
        '_dmarc IN TXT "v=DMARC1; p=none"',
      ].join('\n'),
    });
    reportPath = join(env.dataDir, 'report.json');
    const audited = await cli([
      'audit',
      'mail.test',
      '--only',
      'dns',
      '--dns',
      knot.server,
      '--format',
      'json',
      '--out',
      reportPath,
    ]);
    expect(audited.code, audited.stderr).toBe(0);
    original = JSON.parse(await readFile(reportPath, 'utf8')) as AuditReport;
    // From here on there is no DNS server: only the report's evidence can answer.
    await knot.stop();
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('re-judges a saved JSON report with the DNS server gone: the same findings, as JSON or text', async () => {
    const json = await cli(['reevaluate', reportPath, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const again = JSON.parse(json.stdout) as AuditReport;
    expect(original.findings.some((finding) => finding.id.startsWith('dmarc.'))).toBe(true);
    expect(sortedFindings(again)).toEqual(sortedFindings(original));
    expect(again.startedAt).toBe(original.startedAt);
    expect(json.stderr).toContain(`${String(original.findings.length)} findings`);

    const out = join(env.dataDir, 'again.txt');
    const text = await cli(['reevaluate', reportPath, '--out', out]);
    expect(text.code, text.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Mailwarden audit of mail.test');
    expect(text.stderr).toContain('Report written to');
  });

  it('prints its help with an example', async () => {
    const help = await cli(['reevaluate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mailwarden reevaluate REPORT.json');
    expect(help.stdout).toContain('Examples:');
    expect((await cli(['--help'])).stdout).toContain('reevaluate REPORT.json');
  });

  it('exits 2 with a clear message for a report it cannot re-judge', async () => {
    const dir = env.dataDir;
    const write = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    const { evidence: _dropped, ...older } = original;
    const cases: [readonly string[], string][] = [
      [['reevaluate'], 'Name one JSON report'],
      [['reevaluate', join(dir, 'missing.json')], 'Cannot read the report'],
      [['reevaluate', await write('broken.json', '{"schemaVersion": 1, "findings": [')], 'is not valid JSON'],
      [['reevaluate', await write('list.json', '[1, 2]')], 'not a Mailwarden JSON report'],
      [['reevaluate', await write('other.json', '{"name": "package"}')], 'not a Mailwarden JSON report'],
      [['reevaluate', await write('older.json', JSON.stringify(older))], 'carries no evidence'],
      [
        [
          'reevaluate',
          await write('damaged.json', JSON.stringify({ ...original, evidence: { version: 99 } })),
        ],
        'evidence is damaged',
      ],
      [['reevaluate', reportPath, '--format', 'xml'], '--format must be text or json'],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(argv);
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });
});
