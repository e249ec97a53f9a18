/** The shape every IPC handler has: a validated request in, a response out (or a thrown MailwardenError). */
import type { Channel, RequestOf, ResponseOf } from '../../preload/contract/channels';

export type HandlerTable = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };
