/** Vitest's global setup: the run's private temporary folder (see private-tmpdir.ts). */
import { usePrivateTmpdir } from './private-tmpdir';

let release: (() => Promise<void>) | undefined;

export async function setup(): Promise<void> {
  release = await usePrivateTmpdir('mailwarden-vitest-');
}

export async function teardown(): Promise<void> {
  await release?.();
}
