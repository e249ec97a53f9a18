/**
 * The object the page sees as `window.mailwarden`: named methods only, one per contract channel.
 *
 * It is built from a transport so the very same code runs in the preload (over ipcRenderer.invoke)
 * and in the end-to-end tests (over a Playwright binding to the real main-process handlers).
 * Nothing here validates or trusts anything: main does that. A transport failure becomes an
 * Outcome too, so the renderer has exactly one way to handle errors.
 */
import type { AccountInput, AccountList, AccountView } from './contract/accounts';
import type { Channel, RequestOf, ResponseOf } from './contract/channels';
import { failure, type Outcome } from './contract/outcome';
import type { DiscoveryResult, ProviderPreset } from './contract/providers';
import type { Settings } from './contract/settings';

export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
}

export interface MailwardenBridge {
  readonly accounts: {
    list(): Promise<Outcome<AccountList>>;
    add(account: AccountInput, password?: string): Promise<Outcome<AccountView>>;
    update(id: string, account: AccountInput): Promise<Outcome<AccountView>>;
    remove(id: string): Promise<Outcome<{ readonly removed: true }>>;
    /** Sets or replaces the password in the OS keychain. There is deliberately no way to read it back. */
    setPassword(id: string, password: string): Promise<Outcome<AccountView>>;
    deletePassword(id: string): Promise<Outcome<AccountView>>;
  };
  readonly presets: {
    list(): Promise<Outcome<readonly ProviderPreset[]>>;
  };
  readonly discovery: {
    run(domain: string): Promise<Outcome<DiscoveryResult>>;
  };
  readonly settings: {
    get(): Promise<Outcome<Settings>>;
    update(settings: Settings): Promise<Outcome<Settings>>;
  };
}

export function createBridge(transport: BridgeTransport): MailwardenBridge {
  async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Outcome<ResponseOf<C>>> {
    try {
      return (await transport.invoke(channel, payload)) as Outcome<ResponseOf<C>>;
    } catch {
      // The transport's own error text may echo the payload (which can hold a password): never pass it on.
      return failure(
        'INTERNAL',
        'Mailwarden could not reach its main process. Restart the app and try again.',
      );
    }
  }

  return Object.freeze({
    accounts: Object.freeze({
      list: () => call('accounts:list', null),
      add: (account: AccountInput, password?: string) =>
        call('accounts:add', password === undefined ? { account } : { account, password }),
      update: (id: string, account: AccountInput) => call('accounts:update', { id, account }),
      remove: (id: string) => call('accounts:remove', { id }),
      setPassword: (id: string, password: string) => call('accounts:set-password', { id, password }),
      deletePassword: (id: string) => call('accounts:delete-password', { id }),
    }),
    presets: Object.freeze({ list: () => call('presets:list', null) }),
    discovery: Object.freeze({ run: (domain: string) => call('discovery:run', { domain }) }),
    settings: Object.freeze({
      get: () => call('settings:get', null),
      update: (settings: Settings) => call('settings:update', settings),
    }),
  });
}
