/** The shape every IPC handler has: a validated request in, a response out (or a thrown MailwardenError). */
import type { Channel, EventChannel, EventMap, RequestOf, ResponseOf } from '../../preload/contract/channels';

/** What a handler may do besides answering: push events to the page that asked. */
export interface HandlerContext {
  emit<E extends EventChannel>(channel: E, payload: EventMap[E]): void;
}

export type HandlerTable = {
  readonly [C in Channel]: (request: RequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;
};

/** For callers with no page to push to (tests of request/response channels). */
export const NO_EVENTS: HandlerContext = { emit: () => undefined };
