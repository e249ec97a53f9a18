import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { createBatchProgress } from '../../../main/cli/batch-progress';
import type { BatchResult } from '../../../main/core/batch/run-batch';

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const job = {
  line: 7,
  client: 'Acme',
  target: 'acme.test',
  request: { kind: 'domain', domain: 'acme.test' },
  note: '',
} as const;
const report = { cancelled: false, findings: [{}, {}] } as unknown as AuditReport;
const done: BatchResult = { kind: 'done', job, report, saved: { json: 'a.json', view: 'a.html' } };
const failed: BatchResult = {
  kind: 'failed',
  job: { ...job, line: 8, client: 'Evil\u001b[2J' },
  message: 'x',
};

describe('createBatchProgress', () => {
  it('redraws one bar line in place on a terminal, with done/total and rows per second', () => {
    const stream = new Capture(true);
    let clock = 0;
    const progress = createBatchProgress(stream, 4, () => clock);
    clock = 2_000;
    progress.update({ done: 1, total: 4, result: done });
    clock = 4_000;
    progress.update({ done: 2, total: 4, result: done });
    progress.note('Line 9: not run: bad port');
    progress.finish();
    expect(stream.text).toBe(
      '\r[######------------------] 1/4  0.5 rows/s\x1b[K' +
        '\r[############------------] 2/4  0.5 rows/s\x1b[K' +
        '\r\x1b[KLine 9: not run: bad port\n' +
        '\r[############------------] 2/4  0.5 rows/s\x1b[K' +
        '\n',
    );
  });

  it('prints one plain line per finished row elsewhere, with escape characters made visible', () => {
    const stream = new Capture(false);
    let clock = 0;
    const progress = createBatchProgress(stream, 2, () => clock);
    progress.note('2 rows');
    clock = 1_000;
    progress.update({ done: 1, total: 2, result: done });
    progress.update({ done: 2, total: 2, result: failed });
    progress.finish();
    expect(stream.text).toBe(
      '2 rows\n' +
        '[1/2] line 7 Acme acme.test: done, 2 findings (1.0 rows/s)\n' +
        '[2/2] line 8 Evil⟨U+001B⟩[2J acme.test: could not run: x (2.0 rows/s)\n',
    );
    expect(stream.text).not.toContain('\r');
  });
});
