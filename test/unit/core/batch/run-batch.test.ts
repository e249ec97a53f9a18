import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import type { AuditReport } from '../../../../preload/contract/audit';
import type { AuditRequest } from '../../../../main/core/audit/audit-service';
import type { BatchJob } from '../../../../main/core/batch/batch-plan';
import { runBatch, type BatchProgress } from '../../../../main/core/batch/run-batch';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';

function job(line: number, domain: string): BatchJob {
  return { line, client: `c${String(line)}`, target: domain, request: { kind: 'domain', domain }, note: '' };
}

function report(label: string, cancelled = false): AuditReport {
  return assembleReport({
    tool: { name: 'Mailwarden', version: 'test' },
    target: { kind: 'domain', label, domain: label, host: null, port: null, security: null },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    cancelled,
    findings: [],
    transcript: [],
    coverage: null,
  });
}

const domainOf = (request: AuditRequest): string => (request.kind === 'domain' ? request.domain : '');
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

describe('runBatch', () => {
  it('never runs more audits at once than asked, and returns results in file order', async () => {
    let running = 0;
    let peak = 0;
    const jobs = Array.from({ length: 10 }, (_, i) => job(i + 2, `d${String(i)}.test`));
    const progress: BatchProgress[] = [];
    const results = await runBatch(
      jobs,
      {
        async audit(request) {
          running += 1;
          peak = Math.max(peak, running);
          // Later rows finish first, so order comes from the job list, not from completion.
          await sleep(30 - Number(domainOf(request).slice(1, -5)) * 2);
          running -= 1;
          return report(domainOf(request));
        },
        save: (j) => Promise.resolve({ json: `${String(j.line)}.json`, view: `${String(j.line)}.html` }),
      },
      { concurrency: 3, signal: new AbortController().signal, onProgress: (p) => progress.push(p) },
    );
    expect(peak).toBe(3);
    expect(results.map((r) => r.job.line)).toEqual(jobs.map((j) => j.line));
    expect(results.every((r) => r.kind === 'done')).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(progress.every((p) => p.total === 10)).toBe(true);
  });

  it('turns a failed audit or save into a failed row and carries on; only our own messages are shown', async () => {
    const results = await runBatch(
      [job(2, 'ok.test'), job(3, 'known.test'), job(4, 'secret.test'), job(5, 'disk.test')],
      {
        audit(request) {
          const domain = domainOf(request);
          if (domain === 'known.test')
            return Promise.reject(new MailwardenError('INVALID_INPUT', 'known.test is not allowed'));
          if (domain === 'secret.test') return Promise.reject(new Error('pw=hunter2 leaked'));
          return Promise.resolve(report(domain));
        },
        save: (j) =>
          j.target === 'disk.test'
            ? Promise.reject(Object.assign(new Error('ENOSPC /x'), { code: 'ENOSPC' }))
            : Promise.resolve({ json: 'a.json', view: 'a.html' }),
      },
      { concurrency: 2, signal: new AbortController().signal },
    );
    expect(results.map((r) => r.kind)).toEqual(['done', 'failed', 'failed', 'failed']);
    expect(results[1]).toMatchObject({ message: 'known.test is not allowed' });
    expect(JSON.stringify(results)).not.toContain('hunter2');
    const disk = results[3];
    expect(disk?.kind === 'failed' ? disk.message : '').toContain('ENOSPC');
  });

  it('on cancel, stops running audits, never starts the rest, and keeps what finished', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const begun = Date.now();
    const results = await runBatch(
      [job(2, 'fast.test'), job(3, 'slow1.test'), job(4, 'slow2.test'), job(5, 'later.test')],
      {
        async audit(request, signal) {
          const domain = domainOf(request);
          started.push(domain);
          if (domain === 'fast.test') {
            setTimeout(() => {
              controller.abort();
            }, 20);
            return report(domain);
          }
          await sleep(10_000, signal);
          return report(domain, signal.aborted);
        },
        save: () => Promise.resolve({ json: 'a.json', view: 'a.html' }),
      },
      { concurrency: 2, signal: controller.signal },
    );
    // fast.test finished first; its worker took slow2 before the abort; later.test never started.
    expect(results.map((r) => r.kind)).toEqual(['done', 'done', 'done', 'not-started']);
    expect(results[0]).toMatchObject({ report: { cancelled: false } });
    expect(results[1]).toMatchObject({ report: { cancelled: true } });
    expect(results[2]).toMatchObject({ report: { cancelled: true } });
    expect(started).not.toContain('later.test');
    expect(Date.now() - begun).toBeLessThan(5_000);
  });
});
