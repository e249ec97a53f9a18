/**
 * What argv can smuggle into a terminal (issue 15 item 7): every error path prints through the terminal
 * policy (ESC, OSC 8 and C1 shown as ⟨U+XXXX⟩), and --host/--port take only what they say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess, type CliResult } from '../../helpers/cli-harness';
import { createTestServices, type TestServices } from '../../helpers/test-services';

/** OSC 8 makes "click" a link to evil.example; ESC [2J clears the screen; U+009B is the 8-bit CSI. */
const OSC8_LINK = '\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007';
const CLEAR_SCREEN = '\u001b[2J';
const C1_CSI = '\u009b31m';
/** Anything a terminal acts on: C0 (but line feed), DEL and C1. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('mailwarden argv: escapes and strict server arguments', () => {
  let env: TestServices;
  const cli = (argv: readonly string[]): Promise<CliResult> =>
    runCliInProcess(argv, { dataDir: env.dataDir, keychainService: env.keychainService });

  beforeAll(async () => {
    env = await createTestServices();
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('shows escape sequences from argv visibly on every error path, exit 2', async () => {
    const hostile = [OSC8_LINK, CLEAR_SCREEN, C1_CSI];
    const paths = (text: string): (readonly string[])[] => [
      [text],
      ['accounts', text],
      ['history', text],
      [`--${text}`],
      ['audit', `--${text}`],
      ['audit', 'example.com', '--format', text],
      ['audit', 'example.com', '--fail-on', text],
      ['audit', 'example.com', '--only', text],
      ['audit', '--host', text, '--port', '25', '--security', 'tls'],
      ['audit', '--host', 'smtp.example.com', '--port', text, '--security', 'tls'],
      ['audit', `${text}@example.com`],
      ['reevaluate', `${text}.json`],
      ['reevaluate', 'x.json', '--format', text],
      ['analyse', `${text}.eml`, '--no-dns'],
      ['analyse', 'x.eml', '--format', text],
      [
        'accounts',
        'add',
        '--email',
        'a@example.com',
        '--host',
        'smtp.example.com',
        '--port',
        text,
        '--security',
        'starttls',
      ],
      ['accounts', 'add', text, 'extra'],
      ['accounts', 'remove', text],
      ['history', 'show', text],
    ];
    for (const text of hostile) {
      for (const argv of paths(text)) {
        const result = await cli(argv);
        const shown = JSON.stringify(argv);
        expect(result.code, `${shown}: ${result.stderr}`).toBe(2);
        expect(result.stderr, shown).not.toMatch(TERMINAL_CONTROL);
        expect(result.stdout, shown).not.toMatch(TERMINAL_CONTROL);
        expect(result.stderr, shown).toMatch(/⟨U\+(001B|009B)⟩/);
      }
      // A field the validation names without quoting it: still nothing a terminal acts on.
      const add = await cli([
        'accounts',
        'add',
        '--email',
        `${text}@example.com`,
        '--host',
        'smtp.example.com',
        '--port',
        '587',
        '--security',
        'starttls',
      ]);
      expect(add.code, add.stderr).toBe(2);
      expect(add.stderr).not.toMatch(TERMINAL_CONTROL);
    }
  });

  it('refuses an empty host, a host with a space and one with control characters, naming it', async () => {
    for (const host of ['', ' ', 'a b', 'smtp.example.com\u0007', 'smtp\u0000.example.com']) {
      const result = await cli(['audit', '--host', host, '--port', '587', '--security', 'starttls']);
      expect(result.code, `${JSON.stringify(host)}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain('--host "');
      expect(result.stderr).toContain('is not valid');
      expect(result.stderr).not.toMatch(TERMINAL_CONTROL);
    }
  });

  it('takes a port in plain decimal digits from 1 to 65535 only, for audit and accounts', async () => {
    for (const port of ['0x19', '1e1', '+25', ' 25', '25 ', '25.0', '0', '65536', '', '٢٥']) {
      const audit = await cli(['audit', '--host', 'smtp.example.com', '--port', port, '--security', 'tls']);
      expect(audit.code, `audit --port ${JSON.stringify(port)}: ${audit.stderr}`).toBe(2);
      expect(audit.stderr).toContain('--port must be a whole number from 1 to 65535');
      const add = await cli([
        'accounts',
        'add',
        '--email',
        'ann@example.com',
        '--host',
        'smtp.example.com',
        '--port',
        port,
        '--security',
        'tls',
      ]);
      expect(add.code, `accounts add --port ${JSON.stringify(port)}: ${add.stderr}`).toBe(2);
    }
    const mapped = await cli(['audit', 'example.com', '--port-map', 'smtp=0x19']);
    expect(mapped.code, mapped.stderr).toBe(2);
    expect(mapped.stderr).toContain('--port-map smtp must be a whole number');
    // Nothing was saved by the refused adds.
    const listed = await cli(['accounts', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain('ann@example.com');
  });
});
