/**
 * The transcript of one connection: every line in and out with its time, bounded in size.
 *
 * Client lines are recorded as the caller's `redactAs` text when given, so a secret never enters it.
 */
import type { TranscriptEntry } from '../../core/smtp/smtp-channel';
import { visibleLine } from '../../../preload/contract/untrusted-text';
import { capText } from './plain-text';

/** One server line is shown up to this many characters (RFC 5321 lines are 512 octets). */
const MAX_ENTRY_CHARS = 1_024;
/** A hostile server cannot grow a transcript without bound: later entries are counted, not kept. */
const MAX_ENTRIES = 2_000;

export class TranscriptRecorder {
  readonly entries: TranscriptEntry[] = [];
  private readonly startedAt: number;
  private dropped = 0;

  constructor(startedAt: number) {
    this.startedAt = startedAt;
  }

  client(text: string): void {
    this.add('client', visibleLine(text));
  }

  server(text: string): void {
    this.add('server', text);
  }

  event(text: string): void {
    this.add('event', text);
  }

  private add(direction: TranscriptEntry['direction'], text: string): void {
    if (this.entries.length >= MAX_ENTRIES - 1) {
      this.dropped += 1;
      const note = `${String(this.dropped)} further transcript entries were left out.`;
      const entry = this.entry('event', note);
      if (this.entries.length === MAX_ENTRIES) this.entries[MAX_ENTRIES - 1] = entry;
      else this.entries.push(entry);
      return;
    }
    this.entries.push(this.entry(direction, capText(text, MAX_ENTRY_CHARS)));
  }

  private entry(direction: TranscriptEntry['direction'], text: string): TranscriptEntry {
    return {
      at: new Date().toISOString(),
      elapsedMs: Math.round(performance.now() - this.startedAt),
      direction,
      text,
    };
  }
}
