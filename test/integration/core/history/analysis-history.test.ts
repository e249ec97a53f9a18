/**
 * Checked messages in the history: kept beside audit runs as their verdict only, listed, reopened,
 * deleted; files from older and newer Mailwardens handled as audit runs are.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisEntry } from '../../../../preload/contract/message-check';
import { createTestServices, type TestServices } from '../../../helpers/test-services';
import { testEntry, testRunId } from '../../../helpers/history-fixtures';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/messages');
const RFC8463 = readFileSync(join(FIXTURES, 'rfc8463-appendix-a.eml'), 'latin1');

describe('checked messages in the history', () => {
  let env: TestServices;
  const historyDir = () => join(env.dataDir, 'history');

  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  async function checkPaste(text: string): Promise<AnalysisEntry> {
    const result = await env.services.messages.check({ source: { kind: 'paste', text }, offline: true });
    if (result.kind !== 'analysed') throw new Error('the paste was not analysed');
    expect(result.history).toEqual({ saved: true });
    return result.entry;
  }

  it('keeps the verdict of a checked message, never its body, subject or recipients', async () => {
    const entry = await checkPaste(RFC8463);
    const files = await readdir(historyDir());
    expect(files).toEqual([expect.stringMatching(/-[0-9a-f-]{36}\.analysis\.json$/)]);
    const stored = await readFile(join(historyDir(), files[0] ?? ''), 'utf8');
    expect(stored).toContain('football.example.com');
    expect(stored).toContain('brisbane');
    for (const secret of [
      'Are you hungry yet',
      'Is dinner ready',
      'suzie@shopping.example.net',
      'Joe SixPack',
    ])
      expect(stored).not.toContain(secret);

    expect(await env.services.history.getAnalysis(entry.runId)).toEqual(entry);
    expect(entry.analysis.authentication?.dkim.map((signature) => signature.outcome)).toEqual([
      'not-verified-offline',
      'not-verified-offline',
    ]);
  });

  it('reopens a message kept before verdicts were worded in main, with the same verdict a new check gives', async () => {
    const entry = await checkPaste(RFC8463);
    expect(entry.analysis.verdict.tone).toBe('incomplete');
    const [file = ''] = await readdir(historyDir());
    const stored = JSON.parse(await readFile(join(historyDir(), file), 'utf8')) as {
      analysis: { verdict?: unknown };
    };
    delete stored.analysis.verdict;
    await writeFile(join(historyDir(), file), JSON.stringify(stored));

    expect(await env.services.history.getAnalysis(entry.runId)).toEqual(entry);
  });

  it('lists checked messages beside audit runs: all, by From domain, never under an account', async () => {
    const store = (await import('../../../../main/adapters/file-history-store')).createFileHistoryStore(
      historyDir(),
    );
    await store.save(testEntry(1));
    const entry = await checkPaste(RFC8463);

    const all = await env.services.history.list();
    expect(all.runs.map((run) => run.runId)).toEqual([testRunId(1)]);
    expect(all.analyses).toEqual([
      expect.objectContaining({
        runId: entry.runId,
        fromDomain: 'football.example.com',
        source: 'paste',
        offline: true,
        hasBody: true,
      }),
    ]);
    const byDomain = await env.services.history.list({ kind: 'domain', domain: 'Football.Example.com.' });
    expect(byDomain.analyses.map((analysis) => analysis.runId)).toEqual([entry.runId]);
    expect((await env.services.history.list({ kind: 'domain', domain: 'shop.example' })).analyses).toEqual(
      [],
    );
    expect((await env.services.history.list({ kind: 'account', accountId: 'acct-1' })).analyses).toEqual([]);

    // Run ids are shared: an audit's id opens no analysis, and the other way round.
    await expect(env.services.history.getAnalysis(testRunId(1))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(env.services.history.get(entry.runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await env.services.history.delete(entry.runId);
    expect((await env.services.history.list()).analyses).toEqual([]);
    expect((await env.services.history.list()).runs).toHaveLength(1);
  });

  it('leaves an analysis from a newer Mailwarden untouched and moves a damaged one aside, naming both', async () => {
    await mkdir(historyDir(), { recursive: true });
    const future = join(historyDir(), '2026-12-01T10-00-00-000Z-future-run.analysis.json');
    const futureText = JSON.stringify({ schemaVersion: 9, runId: 'future-run', analysis: { kind: 'x' } });
    await writeFile(future, futureText);
    const damaged = '2026-12-01T11-00-00-000Z-damaged-run.analysis.json';
    await writeFile(
      join(historyDir(), damaged),
      JSON.stringify({ schemaVersion: 1, runId: 'damaged-run', analysis: { kind: 'message-analysis' } }),
    );

    const listing = await env.services.history.list();
    expect(listing.analyses).toEqual([]);
    expect(listing.problems).toEqual([
      expect.objectContaining({ kind: 'corrupt', file: damaged }),
      { kind: 'too-new', file: '2026-12-01T10-00-00-000Z-future-run.analysis.json', version: 9 },
    ]);
    expect(await readFile(future, 'utf8')).toBe(futureText);
    await expect(env.services.history.getAnalysis('future-run')).rejects.toMatchObject({
      code: 'STORAGE_TOO_NEW',
    });
    expect(await readdir(join(historyDir(), 'corrupt'))).toEqual([damaged]);
  });

  it('judges a hostile paste of 10,000 Received lines as a finding, and keeps that verdict', async () => {
    const hop =
      'Received: from loop.example (loop.example [192.0.2.1]) by mx.example with ESMTP; Fri, 11 Jul 2003 21:00:37 -0700\r\n';
    const entry = await checkPaste(`${hop.repeat(10_000)}From: a@loop.example\r\nSubject: x\r\n\r\nbody\r\n`);
    const ids = entry.analysis.findings.map((finding) => finding.id);
    expect(ids).toContain('message.header.too-many-fields');
    expect(ids).toContain('message.received.too-many');
    // The header is read up to 1,000 fields; the path shown stops at RFC 5321's 100 hops.
    expect(entry.analysis.received.total).toBe(1_000);
    expect(entry.analysis.received.hops).toHaveLength(100);
    expect((await env.services.history.list()).analyses).toHaveLength(1);
  });
});
