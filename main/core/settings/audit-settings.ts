/**
 * What the saved settings change in an audit: the extra trusted CAs and the timeouts.
 *
 * The app and the CLI both start audits through this, so a setting means the same everywhere.
 */
import type { Settings } from '../../../preload/contract/settings';
import type { SmtpLimits } from '../smtp/smtp-channel';
import { overallDeadlineMsFor, smtpLimitsFor } from './timeouts';

export interface SavedAuditSettings {
  readonly extraCaPem: string | undefined;
  readonly limits: Partial<SmtpLimits>;
  readonly overallDeadlineMs: number;
}

/** The audit options the saved settings give; `extraCaPem` (the CLI's --ca) is trusted as well. */
export function savedAuditSettings(settings: Settings, extraCaPem?: string): SavedAuditSettings {
  const trusted = [settings.extraCaPem, extraCaPem].filter(
    (pem): pem is string => pem !== null && pem !== undefined && pem.trim() !== '',
  );
  return {
    extraCaPem: trusted.length === 0 ? undefined : trusted.map((pem) => pem.trim()).join('\n'),
    limits: smtpLimitsFor(settings.timeouts),
    overallDeadlineMs: overallDeadlineMsFor(settings.timeouts),
  };
}
