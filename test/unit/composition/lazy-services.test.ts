import { describe, expect, it } from 'vitest';
import type { AuditService } from '../../../main/core/audit/audit-service';
import { lazyAuditService, loadOnce } from '../../../main/lazy-services';

describe('services loaded on first use', () => {
  it('loads once however many callers ask at the same time', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ready: true };
    });
    const results = await Promise.all([load(), load(), load()]);
    expect(results.every((result) => result.ready)).toBe(true);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load instead of repeating the old error', async () => {
    let attempts = 0;
    const load = loadOnce(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('disk busy')) : Promise.resolve('loaded');
    });
    await expect(load()).rejects.toThrow('disk busy');
    await expect(load()).resolves.toBe('loaded');
  });

  it('cancels nothing before the audit code has loaded, and forwards cancel once it has', async () => {
    const cancelled: string[] = [];
    const real: AuditService = {
      run: () => Promise.reject(new Error('not used')),
      start: () => Promise.resolve({ runId: 'run-1' }),
      cancel: (runId) => {
        cancelled.push(runId);
        return true;
      },
    };
    let loaded = false;
    const audits = lazyAuditService(() => {
      loaded = true;
      return Promise.resolve(real);
    });
    expect(audits.cancel('run-1')).toBe(false);
    expect(loaded).toBe(false);
    await expect(audits.start({ kind: 'account', accountId: 'a' }, {}, () => undefined)).resolves.toEqual({
      runId: 'run-1',
    });
    expect(audits.cancel('run-1')).toBe(true);
    expect(cancelled).toEqual(['run-1']);
  });
});
