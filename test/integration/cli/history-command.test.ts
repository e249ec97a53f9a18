import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import type { HistoryListing, RunComparison } from '../../../preload/contract/history';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { formatAuditText } from '../../../main/cli/format-audit-text';
import { startAuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot } from '../../helpers/knot-server';
import { getTestPki } from '../../helpers/test-certificates';
import { makeTempDir } from '../../helpers/temp-dir';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { auditPortMap } from '../../helpers/audit-port-map';

const DOMAIN = 'shop.test';
const BASE_ZONE = ['@ IN MX 10 mx.shop.test.', 'mx IN A 192.0.2.10'];
/** Before: SPF soft-fails and DMARC only monitors. */
const ZONE_BEFORE = [...BASE_ZONE, '@ IN TXT "v=spf1 mx ~all"', '_dmarc IN TXT "v=DMARC1; p=none"'];
/** After: SPF hard-fails, but the DMARC record is gone. */
const ZONE_AFTER = [...BASE_ZONE, '@ IN TXT "v=spf1 mx -all"'];

const RUN_ID_LINE = /Saved as run ([A-Za-z0-9-]+)/;
const CANARY = 'Canary-history-7d1a!';

describe('mailwarden history', () => {
  let env: TestServices;
  let before: { runId: string; report: AuditReport };
  let after: { runId: string; report: AuditReport };
  const cli = (argv: readonly string[], dataDir = env.dataDir) =>
    runCliInProcess(argv, { dataDir, keychainService: env.keychainService });

  /** A real audit of the bare domain against a real Knot serving `zone`. */
  async function auditWith(zone: readonly string[]): Promise<{ runId: string; report: AuditReport }> {
    const knot = await startKnot({ [DOMAIN]: zone.join('\n') });
    try {
      const result = await cli(['audit', DOMAIN, '--dns', knot.server, '--format', 'json']);
      expect(result.code).toBe(0);
      const runId = RUN_ID_LINE.exec(result.stderr)?.[1];
      expect(runId).toBeDefined();
      return { runId: runId ?? '', report: JSON.parse(result.stdout) as AuditReport };
    } finally {
      await knot.stop();
    }
  }

  beforeAll(async () => {
    env = await createTestServices();
    before = await auditWith(ZONE_BEFORE);
    after = await auditWith(ZONE_AFTER);
  });
  afterAll(async () => env.cleanup());

  it('keeps every audit run: list shows both, newest first, with their grades and finding counts', async () => {
    const result = await cli(['history', 'list']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RUN ID\s+STARTED\s+TARGET\s+SERVER\s+GRADE\s+FINDINGS$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([after.runId, before.runId]);
    expect(lines[1]).toContain(DOMAIN);
    expect(lines[1]).toMatch(/\d+ high/);
    const grade = after.report.score.overall;
    expect(grade).toBeDefined();
    expect(lines[1]).toContain(grade === null ? '-' : `${grade.grade} (${String(grade.score)})`);

    const json = await cli(['history', 'list', DOMAIN, '--json']);
    const listing = JSON.parse(json.stdout) as HistoryListing;
    expect(listing.problems).toEqual([]);
    expect(listing.runs.map((run) => [run.runId, run.target.domain, run.startedAt])).toEqual([
      [after.runId, DOMAIN, after.report.startedAt],
      [before.runId, DOMAIN, before.report.startedAt],
    ]);
    expect((await cli(['history', 'list', 'other.test'])).stdout.trim()).toBe('No stored runs.');
  });

  it('shows a stored run exactly as the audit reported it, as JSON or as text', async () => {
    const json = await cli(['history', 'show', before.runId, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(before.report);
    const text = await cli(['history', 'show', before.runId]);
    expect(text.stdout).toBe(`${formatAuditText(before.report)}\n`);
    expect(text.stdout).toContain(`Mailwarden audit of ${DOMAIN}`);
  });

  it('compares the two runs: the DMARC monitor-only policy and SPF soft-fail are fixed, the missing DMARC record is new', async () => {
    // Named newest first on purpose: the comparison still runs older -> newer.
    const json = await cli(['history', 'compare', after.runId, before.runId, '--json']);
    expect(json.code).toBe(0);
    const comparison = JSON.parse(json.stdout) as RunComparison;
    expect(comparison.older.runId).toBe(before.runId);
    expect(comparison.newer.runId).toBe(after.runId);
    const fixed = comparison.fixed.map((f) => f.id);
    const added = comparison.new.map((f) => f.id);
    const unchanged = comparison.unchanged.map((u) => u.finding.id);
    expect(fixed).toEqual(expect.arrayContaining(['dmarc.policy.none', 'spf.all.softfail']));
    expect(added).toContain('dmarc.record.missing');
    expect(added).not.toContain('spf.all.softfail');
    expect(unchanged.length).toBeGreaterThan(0);
    // Checked against the two real reports: every finding of the newer run is unchanged exactly when
    // the older run had it, and new exactly when it did not and is not a pass.
    for (const finding of after.report.findings) {
      const same = (f: { id: string; checkId: string }) =>
        f.id === finding.id && f.checkId === finding.checkId;
      const wasThere = before.report.findings.some(same);
      expect(comparison.unchanged.some((u) => same(u.finding))).toBe(wasThere);
      expect(comparison.new.some(same)).toBe(!wasThere && finding.severity !== 'pass');
    }

    const text = await cli(['history', 'compare', before.runId, after.runId]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Fixed \(\d+\):$/m);
    expect(text.stdout).toMatch(/^New \(\d+\):$/m);
    expect(text.stdout).toMatch(/^Unchanged \(\d+\):$/m);
    const fixedBlock = text.stdout.split(/^New/m)[0] ?? '';
    expect(fixedBlock).toContain('(dmarc.policy.none on ');
    expect(text.stdout.split(/^New/m)[1]?.split(/^Unchanged/m)[0]).toContain('(dmarc.record.missing on ');
  });

  it('deletes a run: it leaves the list, and opening it afterwards is a usage error (exit 2)', async () => {
    // A copy of the older run under a third id, so the other tests keep both real runs.
    const copyId = '11111111-2222-4333-8444-555555555555';
    const stored = await env.services.history.get(before.runId);
    await createFileHistoryStore(join(env.dataDir, 'history')).save({ ...stored, runId: copyId });
    expect((await cli(['history', 'list'])).stdout).toContain(copyId);

    const deleted = await cli(['history', 'delete', copyId]);
    expect(deleted).toMatchObject({ code: 0, stdout: `Deleted run ${copyId}.\n` });
    const list = JSON.parse((await cli(['history', 'list', '--json'])).stdout) as HistoryListing;
    expect(list.runs.map((run) => run.runId)).toEqual([after.runId, before.runId]);
    const show = await cli(['history', 'show', copyId]);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(`There is no stored run "${copyId}"`);
    expect((await cli(['history', 'delete', copyId])).code).toBe(2);
  });

  it('warns about an unreadable run file in the list, moved aside, and still lists the good runs', async () => {
    const dataDir = await makeTempDir();
    const copy = await env.services.history.get(after.runId);
    await createFileHistoryStore(join(dataDir, 'history')).save(copy);
    try {
      await writeFile(
        join(dataDir, 'history', '2026-01-01T00-00-00-000Z-22222222-3333-4444-8555-666666666666.json'),
        '{"schemaVersion": 1, "runId": "22222222-3333-4444-8555-666',
      );
      const result = await cli(['history', 'list'], dataDir);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /^Warning: The stored run .* was unreadable \(it is not valid JSON\); it has been moved to .*corrupt/m,
      );
      expect(result.stdout).toContain(after.runId);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('still prints the report when it cannot be saved, and says so on stderr', async () => {
    const dataDir = await makeTempDir();
    // A file where the history folder should be: every save fails.
    await writeFile(join(dataDir, 'history'), '');
    const knot = await startKnot({ [DOMAIN]: ZONE_AFTER.join('\n') });
    try {
      const result = await cli(['audit', DOMAIN, '--dns', knot.server, '--format', 'json'], dataDir);
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as AuditReport).target.domain).toBe(DOMAIN);
      expect(result.stderr).toMatch(
        /^Warning: this run was not saved to the history: .*\((ENOTDIR|EEXIST)\)/m,
      );
      expect(result.stderr).not.toMatch(RUN_ID_LINE);
    } finally {
      await knot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stores a run that logged in with a password without the password anywhere in the history', async () => {
    const dataDir = await makeTempDir();
    const pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.mail.test');
    const user = 'ann@mail.test';
    const smtp = await startAuthSmtpServer({
      user: { username: user, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
    });
    const knot = await startKnot({ 'mail.test': 'smtp IN A 127.0.0.1' });
    try {
      const portMap = await auditPortMap({ submission: smtp.port });
      const audit = await runCliInProcess(
        [
          'audit',
          '--host',
          'smtp.mail.test',
          '--port',
          String(smtp.port),
          '--security',
          'starttls',
          '--user',
          user,
          '--password-stdin',
          '--dns',
          knot.server,
          '--ca',
          pki.caPath,
          '--port-map',
          portMap,
          '--only',
          'smtp,tls,auth',
        ],
        { dataDir, keychainService: env.keychainService, stdin: CANARY },
      );
      expect(audit.code, audit.stderr).toBe(0);
      const runId = RUN_ID_LINE.exec(audit.stderr)?.[1] ?? '';
      const shown = await cli(['history', 'show', runId, '--format', 'json'], dataDir);
      // The stored run is the one that really logged in...
      expect((JSON.parse(shown.stdout) as AuditReport).findings.map((f) => f.id)).toContain(
        'auth.login.accepted',
      );
      // ...and the password is in no file of the history, nor in anything the history commands print.
      const files = await readdir(join(dataDir, 'history'));
      expect(files).toHaveLength(1);
      for (const file of files)
        expect(await readFile(join(dataDir, 'history', file), 'utf8')).not.toContain(CANARY);
      const listed = await cli(['history', 'list', 'smtp.mail.test', '--json'], dataDir);
      expect(listed.stdout).toContain(runId);
      for (const output of [audit, shown, listed])
        expect(output.stdout + output.stderr).not.toContain(CANARY);
    } finally {
      await smtp.close();
      await knot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses bad command lines with exit 2 and a pointer to the right --help', async () => {
    for (const argv of [
      ['history', 'show'],
      ['history', 'show', '../../etc/passwd'],
      ['history', 'compare', before.runId],
      ['history', 'compare', before.runId, before.runId],
      ['history', 'show', before.runId, '--format', 'html'],
      ['history', 'list', 'a', 'b'],
      ['history', 'list', 'nobody@shop.test'],
      ['history', 'purge'],
    ]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Run "mailwarden history( \w+)? --help" for usage\./);
    }
  });

  it('has --help with examples for every subcommand', async () => {
    for (const sub of ['list', 'show', 'compare', 'delete']) {
      const result = await cli(['history', sub, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: mailwarden history ${sub}`);
      expect(result.stdout).toMatch(/Examples?:\n {2}mailwarden history /);
    }
    expect((await cli(['history', '--help'])).stdout).toContain(
      'mailwarden history <list|show|compare|delete>',
    );
    expect((await cli(['--help'])).stdout).toContain('history list|show|compare|delete');
  });
});
