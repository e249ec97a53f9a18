/**
 * `mailwarden analyse` end to end in-process: file and standard input, --dns against Knot and --no-dns,
 * the three formats, --out, --fail-on and the usage errors.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../main/core/report/html-template';
import { markdownText } from '../../../preload/contract/untrusted-text';
import { runCliIn, runCliProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { zoneTxt } from '../../helpers/zone-txt';

const FIXTURES = join(import.meta.dirname, '../../fixtures/messages');
const RFC8463 = join(FIXTURES, 'rfc8463-appendix-a.eml');

describe('mailwarden analyse', () => {
  let knot: KnotServer;
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string) => runCliIn(env, argv, stdin);

  beforeAll(async () => {
    const keys = JSON.parse(readFileSync(join(FIXTURES, 'rfc8463-keys.json'), 'utf8')) as Record<
      string,
      string
    >;
    knot = await startKnot({
      'football.example.com': Object.entries(keys)
        .map(([name, value]) => `${name.replace('.football.example.com', '')} IN TXT ${zoneTxt(value)}`)
        .join('\n'),
      'example.com': '',
    });
    env = await createTestServices();
  });
  afterAll(async () => {
    await knot.stop();
    await env.cleanup();
  });

  it('judges a message file with lookups sent to --dns and prints JSON', async () => {
    const result = await cli(['analyse', RFC8463, '--dns', knot.server, '--format', 'json']);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as {
      kind: string;
      dns: string;
      authentication: { dkim: { selector: string; outcome: string }[] };
      verdict: { tone: string; sentence: string; problems: unknown[] };
    };
    expect(analysis.kind).toBe('message-analysis');
    // The verdict every other output opens with is in the JSON too, as the history keeps it.
    const text = await cli(['analyse', RFC8463, '--dns', knot.server]);
    expect(analysis.verdict.sentence.length).toBeGreaterThan(0);
    expect(text.stdout).toContain(analysis.verdict.sentence);
    expect(analysis.dns).toBe(knot.server);
    expect(analysis.authentication.dkim.map((s) => [s.selector, s.outcome])).toEqual([
      ['brisbane', 'pass'],
      ['test', 'pass'],
    ]);
  });

  it('reads the message from standard input with "-" and, with --no-dns, says what it could not judge', async () => {
    const result = await cli(['analyse', '-', '--no-dns'], readFileSync(RFC8463, 'latin1'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DNS: off (--no-dns)');
    expect(result.stdout).toContain('body hash matches');
    expect(result.stdout).toContain('Judged offline: some verdicts need DNS and were not given');
    // The catalogue words fixes for the app; the terminal gets the flag to type.
    expect(result.stdout).toContain('Analyse the message again without --no-dns to get those verdicts.');
  });

  it('exits 1 with --fail-on high when the body was changed after signing, and 0 without it', async () => {
    const changed = readFileSync(RFC8463, 'latin1').replace('hungry', 'thirsty');
    const failing = await cli(['analyse', '-', '--dns', knot.server, '--fail-on', 'high'], changed);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('[HIGH] The body was changed after football.example.com signed it');
    const plain = await cli(['analyse', '-', '--dns', knot.server], changed);
    expect(plain.code).toBe(0);
  });

  it('writes Markdown to --out and says on stderr what it found', async () => {
    const dir = join(env.dataDir, 'out');
    await mkdir(dir, { recursive: true });
    const out = join(dir, 'analysis.md');
    const result = await cli(['analyse', RFC8463, '--no-dns', '--format', 'md', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Findings: 4 info');
    const written = await readFile(out, 'utf8');
    expect(written).toMatch(/^# Message analysis\n/);
    expect(written).toContain('### INFO: Judged offline');
  });

  it('refuses a 60 MB message as a finding without reading it', async () => {
    const big = join(env.dataDir, 'big.eml');
    await writeFile(big, '');
    await truncate(big, 60 * 1024 * 1024);
    const result = await cli(['analyse', big, '--no-dns', '--format', 'json']);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as { findings: { id: string }[] };
    expect(analysis.findings.map((f) => f.id)).toEqual(['message.input.too-large']);
  });

  it('never passes a direction control from the message to the terminal', async () => {
    const result = await cli(
      ['analyse', '-', '--no-dns'],
      'From: "Bank \u202Emoc.knab" <x@evil.test>\r\nSubject: hi\r\n\r\nbody\r\n',
    );
    expect(result.stdout).toContain('From: "Bank ⟨U+202E⟩moc.knab" <x@evil.test>');
    expect(result.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(result.stdout).toContain('Shown fields contain hidden or direction-changing characters');
  });

  it('keeps standard output valid JSON when a signature claims a body longer than the message has', async () => {
    // mailauth logs "TOTAL ... EXPECTING ..." for such an l= tag; it must not land in the report.
    const message = readFileSync(RFC8463, 'latin1').replace('s=brisbane;', 's=brisbane; l=5000;');
    // A real process: in-process, console.log would reach the test runner's output, not the captured one.
    const result = await runCliProcess(['analyse', '-', '--no-dns', '--format', 'json'], {
      env: { ...process.env, MAILWARDEN_DATA_DIR: env.dataDir },
      stdin: message,
    });
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stdout).not.toContain('EXPECTING');
  });

  it('keeps the verdict in the history, where "history list" and "history show" find it again', async () => {
    const result = await cli(['analyse', RFC8463, '--dns', knot.server, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe(
      '"id","checkId","severity","title","target","explanation","firstFixStep","recordToPublish","references"',
    );
    const runId = /Saved as run ([0-9a-f-]{36})/.exec(result.stderr)?.[1] ?? '';
    expect(runId).not.toBe('');

    const listed = await cli(['history', 'list', 'football.example.com']);
    expect(listed.stdout).toContain('Checked messages:');
    expect(listed.stdout).toMatch(new RegExp(`${runId} .* football\\.example\\.com +file`));
    const shown = await cli(['history', 'show', runId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('From domain: football.example.com');
    expect(shown.stdout).toContain('DKIM: valid (d=football.example.com, s=brisbane');
    expect(shown.stdout).not.toContain('Is dinner ready');
    const html = await cli(['analyse', RFC8463, '--no-dns', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it('explains usage mistakes with exit code 2', async () => {
    const both = await cli(['analyse', RFC8463, '--no-dns', '--dns', knot.server]);
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining('--no-dns and --dns cannot be used together'),
    ]);
    const docx = await cli(['analyse', RFC8463, '--format', 'docx']);
    expect([docx.code, docx.stderr]).toEqual([
      2,
      expect.stringContaining('--format must be one of text, json, md, markdown, html, csv'),
    ]);
    const missing = await cli(['analyse', join(env.dataDir, 'nope.eml'), '--no-dns']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('Cannot read the message')]);
    const folder = await cli(['analyse', env.dataDir, '--no-dns']);
    expect([folder.code, folder.stderr]).toEqual([
      2,
      expect.stringContaining('is a folder, not a message file'),
    ]);
    const none = await cli(['analyse']);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Name one message file')]);
    const help = await cli(['analyse', '--help']);
    expect([help.code, help.stdout]).toEqual([
      0,
      expect.stringContaining('Usage: mailwarden analyse FILE.eml|-'),
    ]);
  });

  it('opens the text, the Markdown and the HTML with the sentence the app shows, the one the history keeps', async () => {
    const text = await cli(['analyse', RFC8463, '--dns', knot.server]);
    expect(text.code).toBe(0);
    const runId = /Saved as run ([0-9a-f-]{36})/.exec(text.stderr)?.[1] ?? '';
    const kept = await env.services.history.getAnalysis(runId);
    const { sentence } = kept.analysis.verdict;
    expect(sentence).not.toBe('');
    expect(text.stdout.startsWith(`Verdict\n  ${sentence}\n`)).toBe(true);

    const markdown = await cli(['analyse', RFC8463, '--dns', knot.server, '--format', 'md']);
    expect(markdown.stdout).toMatch(/^# Message analysis\n\n.*\n\n## Verdict\n\n- (.*)\n/);
    expect(/## Verdict\n\n- (.*)\n/.exec(markdown.stdout)?.[1]).toBe(markdownText(sentence));
    const html = await cli(['analyse', RFC8463, '--dns', knot.server, '--format', 'html']);
    expect(html.stdout).toContain(`<h2>Verdict</h2>\n<ul><li>${escapeHtml(sentence)}</li></ul>`);
    const shown = await cli(['history', 'show', runId]);
    expect(shown.stdout.startsWith(`Verdict\n  ${sentence}\n`)).toBe(true);
  });

  it('offline: the text says what could not be checked and why, in the app’s words', async () => {
    const result = await cli(['analyse', RFC8463, '--no-dns']);
    expect(result.stdout).toMatch(
      /^Verdict\n {2}Nothing wrong was found in what could be checked, but not everything could be\.\n\nWhat could not be checked\n/,
    );
    expect(result.stdout).toContain(
      '  DMARC: it needs the From domain’s policy in DNS, and nothing was looked up.',
    );
  });
});
