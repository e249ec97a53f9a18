import { describe, expect, it } from 'vitest';
import { createRecordingClock } from '../../../../main/core/evidence/recording-clock';

describe('createRecordingClock', () => {
  it('reads the moment of the last answer, hands answers over one per turn in order, and numbers them', async () => {
    let wall = Date.parse('2026-05-01T08:00:00.000Z');
    const recording = createRecordingClock({ now: () => new Date(wall) });
    expect(recording.clock.now().getTime()).toBe(recording.startedAtMs);
    wall += 40;
    // The checks see no time pass until an answer is handed over.
    expect(recording.clock.now().getTime()).toBe(recording.startedAtMs);

    const seenByFirst: number[] = [];
    const first = recording.arrived().then(async (moment) => {
      // What the first answer sets off runs before the second answer is handed over.
      await Promise.resolve();
      seenByFirst.push(recording.clock.now().getTime() - recording.startedAtMs);
      wall += 25;
      return moment;
    });
    const second = recording.arrived();
    expect(await first).toEqual({ atMs: 40, seq: 1 });
    expect(await second).toEqual({ atMs: 65, seq: 2 });
    expect(seenByFirst).toEqual([40]);
    expect(recording.clock.now().getTime() - recording.startedAtMs).toBe(65);
  });
});
