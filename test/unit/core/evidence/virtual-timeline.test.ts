import { describe, expect, it } from 'vitest';
import { createVirtualTimeline } from '../../../../main/core/evidence/virtual-timeline';

const START = Date.parse('2026-03-01T12:00:00.000Z');

describe('createVirtualTimeline', () => {
  it('delivers answers in recorded order, whatever order they are asked for, and the clock reads each moment', async () => {
    const timeline = createVirtualTimeline(START);
    const seen: string[] = [];
    const note = (name: string) => (value: string) => {
      seen.push(`${name}@${String(timeline.clock.now().getTime() - START)}`);
      return value;
    };
    expect(timeline.clock.now().getTime()).toBe(START);
    await Promise.all([
      timeline.deliver({ atMs: 250, seq: 3 }, 'late').then(note('late')),
      timeline.deliver({ atMs: 40, seq: 1 }, 'early').then(note('early')),
      timeline.deliver({ atMs: 40, seq: 2 }, 'same-ms').then(note('same-ms')),
    ]);
    expect(seen).toEqual(['early@40', 'same-ms@40', 'late@250']);
  });

  it('never moves the clock backwards: an answer whose moment has passed comes at once, and "now" comes last', async () => {
    const timeline = createVirtualTimeline(START);
    await timeline.deliver({ atMs: 500, seq: 1 }, null);
    const order: string[] = [];
    await Promise.all([
      timeline.deliver(null, 'unrecorded').then((v) => order.push(v)),
      timeline.deliver({ atMs: 100, seq: 2 }, 'past').then((v) => order.push(v)),
    ]);
    expect(order).toEqual(['past', 'unrecorded']);
    expect(timeline.clock.now().getTime() - START).toBe(500);
  });
});
