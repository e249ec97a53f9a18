/**
 * Wires "Check a message" to its adapters: the open dialog, the bounded file reader, the resolver in
 * force and the history. Loaded on the first check, so mailauth is not read at start-up.
 */
import { randomUUID } from 'node:crypto';
import { readMessageFile } from './adapters/message-file';
import type { HistoryService } from './core/history/history-service';
import { createMessageChecker, type MessageChecker } from './core/message/check-message';
import type { OpenTarget } from './core/message/message-file-port';
import type { DnsResolver } from './core/ports';
import { MAILWARDEN_VERSION } from './version';

export interface MessageWiringDeps {
  readonly history: HistoryService;
  readonly resolver: () => Promise<DnsResolver>;
  readonly openTarget?: OpenTarget | undefined;
}

export function createMessageWiring(deps: MessageWiringDeps): MessageChecker {
  return createMessageChecker({
    openTarget: deps.openTarget,
    readFile: readMessageFile,
    resolver: deps.resolver,
    history: deps.history,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    toolVersion: MAILWARDEN_VERSION,
  });
}
