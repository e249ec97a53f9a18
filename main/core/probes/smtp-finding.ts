/** The finding factory for every id in the SMTP knowledge table. */
import { findingFactory } from '../findings/finding-factory';
import { SMTP_KNOWLEDGE } from '../knowledge/smtp-knowledge';

export const smtpFinding = findingFactory(SMTP_KNOWLEDGE);
