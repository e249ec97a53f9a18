/**
 * The incoming server's IMAP/POP3 connections and IMAP logins from a report's evidence, on virtual time.
 *
 * As for SMTP (replay-smtp.ts): connections are matched by target, security and TLS request in the order
 * they were opened, and a channel follows the recording whose operations match its own so far, moving to
 * another recording of the same port when its next request differs (the reachability and dialogue checks
 * open the same port concurrently). A request no recording made is answered "not recorded in this report".
 */
import type {
  EvidenceIncomingLogin,
  EvidenceLineConnection,
  EvidenceLineOperation,
  EvidenceTlsRequest,
  ReportEvidence,
} from '../../../preload/contract/evidence';
import type { IncomingAuditDeps } from '../audit/incoming-audit';
import type { IncomingLoginOutcome } from '../incoming/incoming-login-port';
import type {
  LineChannel,
  LineFailure,
  LineOpenOutcome,
  LineOutcome,
  LineTlsOutcome,
} from '../incoming/line-channel';
import type { RawHelloOutcome, SmtpTarget, TlsSessionFacts, TranscriptEntry } from '../smtp/smtp-channel';
import { fromEvidenceJson } from './evidence-json';
import { NOT_RECORDED_MESSAGE } from './not-recorded';
import { connectionKey, sameTlsRequest, tlsRequestOf } from './smtp-evidence-key';
import type { VirtualTimeline } from './virtual-timeline';

type RecordedOpen =
  | { readonly kind: 'open'; readonly tls: TlsSessionFacts | null }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

interface Slot {
  readonly connection: EvidenceLineConnection;
  readonly open: RecordedOpen;
  consumed: boolean;
  holders: number;
}

type Request =
  | { readonly op: 'read' }
  | { readonly op: 'send'; readonly line: string }
  | { readonly op: 'upgrade'; readonly tls: EvidenceTlsRequest | null }
  | { readonly op: 'raw-hello'; readonly label: string };

const notRecorded = (kind: LineFailure['kind']): LineFailure => ({
  kind,
  message: NOT_RECORDED_MESSAGE,
  elapsedMs: 0,
});

export function replayIncoming(evidence: ReportEvidence, timeline: VirtualTimeline): IncomingAuditDeps {
  const slotsByKey = new Map<string, Slot[]>();
  for (const connection of evidence.incoming?.connections ?? []) {
    const key = connectionKey(connection, connection.security, connection.tls);
    const slot: Slot = {
      connection,
      open: fromEvidenceJson<RecordedOpen>(connection.open),
      consumed: false,
      holders: 0,
    };
    slotsByKey.set(key, [...(slotsByKey.get(key) ?? []), slot]);
  }
  const usedLogins = new Set<EvidenceIncomingLogin>();
  return {
    connector: {
      open(target, options) {
        const slots =
          slotsByKey.get(connectionKey(target, options.security, tlsRequestOf(options.tls))) ?? [];
        const pick =
          slots.find((slot) => !slot.consumed && slot.holders === 0) ??
          slots.find((slot) => !slot.consumed && slot.open.kind === 'open');
        if (pick === undefined)
          return timeline.deliver<LineOpenOutcome>(null, {
            kind: 'failure',
            failure: notRecorded('connect-failed'),
          });
        if (pick.open.kind === 'failure') {
          pick.consumed = true;
          return timeline.deliver<LineOpenOutcome>(pick.connection, {
            kind: 'failure',
            failure: pick.open.failure,
          });
        }
        pick.holders += 1;
        const channel = replayChannel(
          target,
          slots.filter((slot) => slot.open.kind === 'open'),
          pick,
          pick.open.tls,
          timeline,
        );
        return timeline.deliver<LineOpenOutcome>(pick.connection, { kind: 'open', channel });
      },
    },
    imapLogin: {
      login(request) {
        const recorded = (evidence.incoming?.logins ?? []).find(
          (login) =>
            !usedLogins.has(login) &&
            login.host === request.host &&
            login.address === request.address &&
            login.port === request.port &&
            login.security === request.security &&
            login.username === request.username,
        );
        if (recorded === undefined)
          return timeline.deliver<IncomingLoginOutcome>(null, {
            kind: 'failure',
            message: NOT_RECORDED_MESSAGE,
          });
        usedLogins.add(recorded);
        return timeline.deliver(recorded, fromEvidenceJson<IncomingLoginOutcome>(recorded.outcome));
      },
    },
  };
}

function matches(operation: EvidenceLineOperation | undefined, request: Request): boolean {
  if (operation === undefined) return false;
  switch (request.op) {
    case 'read':
      return operation.op === 'read';
    case 'send':
      return operation.op === 'send' && operation.line === request.line;
    case 'upgrade':
      return operation.op === 'upgrade' && sameTlsRequest(operation.tls, request.tls);
    case 'raw-hello':
      return operation.op === 'raw-hello' && operation.label === request.label;
  }
}

function replayChannel(
  target: SmtpTarget,
  slots: readonly Slot[],
  first: Slot,
  tlsOnOpen: TlsSessionFacts | null,
  timeline: VirtualTimeline,
): LineChannel {
  let current = first;
  let tls = tlsOnOpen;
  let closed = false;
  let reads = 0;
  const history: Request[] = [];

  function next(request: Request): EvidenceLineOperation | null {
    history.push(request);
    const fits = (slot: Slot) =>
      !slot.consumed && history.every((asked, index) => matches(slot.connection.operations[index], asked));
    if (!fits(current)) {
      const other =
        slots.find((slot) => slot !== current && slot.holders === 0 && fits(slot)) ??
        slots.find((slot) => slot !== current && fits(slot));
      if (other === undefined) return null;
      current.holders -= 1;
      other.holders += 1;
      current = other;
    }
    return current.connection.operations[history.length - 1] ?? null;
  }

  return {
    target,
    get transcript() {
      const { transcript, transcriptReads } = current.connection;
      const seen = transcriptReads[reads] ?? transcript.length;
      reads += 1;
      return fromEvidenceJson<readonly TranscriptEntry[]>(transcript.slice(0, seen));
    },
    readLine() {
      const operation = next({ op: 'read' });
      return operation === null || operation.op !== 'read'
        ? timeline.deliver<LineOutcome>(null, { kind: 'failure', failure: notRecorded('closed') })
        : timeline.deliver(operation, fromEvidenceJson<LineOutcome>(operation.outcome));
    },
    send(line, options) {
      const operation = next({ op: 'send', line: options?.redactAs ?? line });
      return operation === null
        ? notRecorded('closed')
        : fromEvidenceJson<LineFailure | null>(operation.outcome);
    },
    async upgradeToTls(options) {
      const operation = next({ op: 'upgrade', tls: tlsRequestOf(options) });
      const outcome =
        operation === null || operation.op !== 'upgrade'
          ? await timeline.deliver<LineTlsOutcome>(null, {
              kind: 'failure',
              failure: notRecorded('tls-handshake-failed'),
            })
          : await timeline.deliver(operation, fromEvidenceJson<LineTlsOutcome>(operation.outcome));
      if (outcome.kind === 'tls') tls = outcome.session;
      return outcome;
    },
    exchangeRawHello(_hello, label) {
      const operation = next({ op: 'raw-hello', label });
      return operation === null || operation.op !== 'raw-hello'
        ? timeline.deliver<RawHelloOutcome>(null, {
            kind: 'failure',
            failure: { kind: 'closed', message: NOT_RECORDED_MESSAGE, elapsedMs: 0 },
          })
        : timeline.deliver(operation, fromEvidenceJson<RawHelloOutcome>(operation.outcome));
    },
    tlsSession: () => tls,
    close() {
      if (closed) return;
      closed = true;
      current.holders -= 1;
      current.consumed = true;
    },
  };
}
