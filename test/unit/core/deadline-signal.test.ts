import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deadlineSignal } from '../../../main/core/deadline-signal';

/** Node's gc(), which the deadline must survive (nodejs/node#57736). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve(signal.reason);
      },
      { once: true },
    );
  });
}

describe('deadlineSignal', () => {
  it('aborts with a TimeoutError once the deadline passes', async () => {
    const started = Date.now();
    const reason = await aborted(deadlineSignal(50).signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('never aborts once cleared', async () => {
    const deadline = deadlineSignal(30);
    deadline.clear();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(deadline.signal.aborted).toBe(false);
  });

  it('still fires when only AbortSignal.any() holds it and the garbage collector runs', async () => {
    const collect = garbageCollector();
    const combined = AbortSignal.any([new AbortController().signal, deadlineSignal(150).signal]);
    const collecting = setInterval(collect, 10);
    try {
      const outcome = await Promise.race([
        aborted(combined).then(() => 'aborted'),
        new Promise((resolve) => setTimeout(resolve, 2_000, 'never fired')),
      ]);
      expect(outcome).toBe('aborted');
    } finally {
      clearInterval(collecting);
    }
  });
});
