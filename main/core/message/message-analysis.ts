/** What `mailwarden analyse` reports about one message: its verdicts, its path and the findings. */
import type { Finding } from '../../../preload/contract/findings';
import type { ReceiverResults } from './authentication-results';
import type { ReceivedChain } from './received-chain';
import type { AuthenticationVerdicts } from './verify-authentication';

export const MESSAGE_ANALYSIS_SCHEMA_VERSION = 1;

export interface MessageSummary {
  readonly bytes: number;
  readonly headerFields: number;
  readonly hasBody: boolean;
  /** Header values shown with hidden and control characters made visible, cut to a sane length. */
  readonly from: string | null;
  readonly to: string | null;
  readonly subject: string | null;
  readonly date: string | null;
  readonly messageId: string | null;
}

export interface MessageAnalysis {
  readonly schemaVersion: typeof MESSAGE_ANALYSIS_SCHEMA_VERSION;
  readonly kind: 'message-analysis';
  readonly toolVersion: string;
  readonly analysedAt: string;
  /** The resolver that answered ("system" or host:port), or null when lookups were off (--no-dns). */
  readonly dns: string | null;
  readonly message: MessageSummary | null;
  /** null when the message could not be judged at all (too large, not a message, a hostile header). */
  readonly authentication: AuthenticationVerdicts | null;
  readonly receiver: ReceiverResults | null;
  readonly received: ReceivedChain;
  readonly findings: readonly Finding[];
}
