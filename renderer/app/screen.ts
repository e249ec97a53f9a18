/**
 * Which screen the app shows, as one value: a screen and what it is about, never two at once.
 *
 * Screens about an account hold its id, not the account, so they follow edits to it (and fall back to
 * the list when it is removed). Settings is not a screen here: it opens over whichever one is showing.
 */
import type { AccountView } from '../../preload/contract/accounts';

export type Screen =
  /** The account list, or the welcome when there are no accounts. */
  | { readonly kind: 'home' }
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly accountId: string }
  /** Plan, run and results of one account. */
  | { readonly kind: 'test'; readonly accountId: string }
  /** One account's stored runs. */
  | { readonly kind: 'history'; readonly accountId: string }
  /** "Send a test message" through one account: consent, progress, the verdict on what arrived. */
  | { readonly kind: 'send-test'; readonly accountId: string }
  /** A client's page: its accounts, its last client run and every client run, reopenable. */
  | { readonly kind: 'client'; readonly name: string }
  /** A client group being tested, with its accounts as listed when "Test all" was pressed. */
  | {
      readonly kind: 'client-run';
      readonly name: string;
      readonly accounts: readonly AccountView[];
      /** Where Back goes: the desk, or the client's page the run was started from. */
      readonly from: 'home' | 'client';
    }
  /** "Check a message": open or paste one, its results, and the messages checked before. */
  | { readonly kind: 'check' }
  /** A checked message reopened from "Checked messages". */
  | { readonly kind: 'analysis'; readonly runId: string };

export const HOME: Screen = { kind: 'home' };

/**
 * The account whose results or history the screen shows, so a wide window can put the account list
 * beside it; null for screens that are not about one account's results.
 */
export function shownAccountId(screen: Screen): string | null {
  switch (screen.kind) {
    case 'test':
    case 'history':
    case 'send-test':
      return screen.accountId;
    case 'home':
    case 'add':
    case 'edit':
    case 'client':
    case 'client-run':
    case 'check':
    case 'analysis':
      return null;
  }
}
