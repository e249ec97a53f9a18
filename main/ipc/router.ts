/**
 * The one gate between the renderer and the main process.
 *
 * For every message: is the channel part of the contract, is the sender our own page, does the payload
 * match its schema? Only then does a handler run, and whatever happens the answer is an Outcome: nothing
 * is thrown across IPC, and an unexpected error never carries its (possibly input-echoing) text out.
 */
import { CHANNELS, type Channel } from '../../preload/contract/channels';
import { failure, success, type Outcome } from '../../preload/contract/outcome';
import { REQUEST_SCHEMAS } from '../../preload/contract/schemas';
import { APP_ORIGIN } from '../app/app-origin';
import type { MainServices } from '../composition';
import { toFailure } from '../core/errors/mailwarden-error';
import { accountHandlers } from './handlers/account-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { clientHandlers } from './handlers/client-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { messageHandlers } from './handlers/message-handlers';
import { proofHandlers } from './handlers/proof-handlers';
import { providerHandlers } from './handlers/provider-handlers';
import { reportHandlers } from './handlers/report-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { NO_EVENTS, type HandlerContext, type HandlerTable } from './handler-table';
import { isTrustedSender, type SenderFrame } from './trusted-sender';

export interface IpcRouter {
  readonly channels: readonly Channel[];
  /** `context` pushes events back to the page that sent this request (audit progress). */
  handle(
    channel: string,
    payload: unknown,
    senderFrame: SenderFrame | null,
    context?: HandlerContext,
  ): Promise<Outcome<unknown>>;
}

export interface IpcRouterOptions {
  /** The origin of Mailwarden's own page; tests serve the built renderer from another one. */
  readonly trustedOrigin?: string;
  /** Where unexpected errors go (their details never reach the renderer). */
  readonly onUnexpectedError?: (channel: Channel, error: unknown) => void;
}

export function createIpcRouter(services: MainServices, options: IpcRouterOptions = {}): IpcRouter {
  const trustedOrigin = options.trustedOrigin ?? APP_ORIGIN;
  const handlers: HandlerTable = {
    ...accountHandlers(services),
    ...providerHandlers(services),
    ...settingsHandlers(services),
    ...auditHandlers(services),
    ...historyHandlers(services),
    ...reportHandlers(services),
    ...messageHandlers(services),
    ...proofHandlers(services),
    ...clientHandlers(services),
  };

  async function handle(
    channel: string,
    payload: unknown,
    senderFrame: SenderFrame | null,
    context: HandlerContext = NO_EVENTS,
  ): Promise<Outcome<unknown>> {
    if (!isChannel(channel)) return failure('UNKNOWN_CHANNEL', 'That request is not part of Mailwarden.');
    if (!isTrustedSender(senderFrame, trustedOrigin)) {
      return failure('FORBIDDEN_SENDER', 'Request refused: it did not come from Mailwarden’s own window.');
    }
    const parsed = REQUEST_SCHEMAS[channel].safeParse(payload);
    if (!parsed.success) {
      // Name the fields, never echo their values (a malformed payload may still hold a password).
      const fields = parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'request',
        message: `${issue.path.map(String).join('.') || 'The request'} is not in the expected form.`,
      }));
      return failure('INVALID_INPUT', 'The request was not in the expected form.', fields);
    }
    try {
      const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<unknown>;
      return success(await handler(parsed.data, context));
    } catch (error) {
      const result = toFailure(error);
      if (result.code === 'INTERNAL') options.onUnexpectedError?.(channel, error);
      return { ok: false, error: result };
    }
  }

  return { channels: CHANNELS, handle };
}

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
