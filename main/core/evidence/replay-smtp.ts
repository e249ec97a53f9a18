/**
 * SMTP connections from a report's evidence.
 *
 * Connections are matched by target, security and TLS versions, in the order they were opened; then,
 * because concurrent probes may open the same port in a different order than they did live, each
 * channel follows the recording whose operations match its own so far (greeting, the same command lines,
 * the same TLS upgrade), moving to another recording of the same port when its next request differs.
 * A request no recording made is answered as a closed connection, "not recorded in this report".
 */
import type {
  EvidenceSmtpConnection,
  EvidenceSmtpOperation,
  EvidenceTlsRequest,
  ReportEvidence,
} from '../../../preload/contract/evidence';
import {
  commandEvidenceLine,
  type ChannelFailure,
  type OpenOutcome,
  type RawHelloOutcome,
  type ReplyOutcome,
  type SmtpChannel,
  type SmtpConnector,
  type SmtpTarget,
  type TlsOutcome,
  type TlsSessionFacts,
  type TranscriptEntry,
} from '../smtp/smtp-channel';
import { fromEvidenceJson } from './evidence-json';
import { NOT_RECORDED_MESSAGE } from './not-recorded';
import { connectionKey, sameTlsRequest, tlsRequestOf } from './smtp-evidence-key';
import type { VirtualTimeline } from './virtual-timeline';

type RecordedOpen =
  | { readonly kind: 'open'; readonly tls: TlsSessionFacts | null }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

interface Slot {
  readonly connection: EvidenceSmtpConnection;
  readonly open: RecordedOpen;
  /** A channel closed while following it: it has been replayed. */
  consumed: boolean;
  /** Live channels following it now. */
  holders: number;
}

type Request =
  | { readonly op: 'read' }
  | { readonly op: 'command'; readonly line: string }
  | { readonly op: 'upgrade'; readonly tls: EvidenceTlsRequest | null }
  | { readonly op: 'raw-hello'; readonly label: string };

const notRecorded = (kind: ChannelFailure['kind']): ChannelFailure => ({
  kind,
  message: NOT_RECORDED_MESSAGE,
  elapsedMs: 0,
});

export function replayConnector(evidence: ReportEvidence, timeline: VirtualTimeline): SmtpConnector {
  const slotsByKey = new Map<string, Slot[]>();
  for (const connection of evidence.smtp) {
    const key = connectionKey(connection, connection.security, connection.tls);
    const slot: Slot = {
      connection,
      open: fromEvidenceJson<RecordedOpen>(connection.open),
      consumed: false,
      holders: 0,
    };
    // Appended in place: copying the list per connection would make a replay quadratic in its evidence.
    const slots = slotsByKey.get(key);
    if (slots === undefined) slotsByKey.set(key, [slot]);
    else slots.push(slot);
  }
  return {
    open(target, options) {
      const slots = slotsByKey.get(connectionKey(target, options.security, tlsRequestOf(options.tls))) ?? [];
      const pick =
        slots.find((slot) => !slot.consumed && slot.holders === 0) ??
        slots.find((slot) => !slot.consumed && slot.open.kind === 'open');
      if (pick === undefined) {
        return timeline.deliver<OpenOutcome>(null, {
          kind: 'failure',
          failure: notRecorded('connect-failed'),
        });
      }
      if (pick.open.kind === 'failure') {
        pick.consumed = true;
        return timeline.deliver<OpenOutcome>(pick.connection, {
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
      return timeline.deliver<OpenOutcome>(pick.connection, { kind: 'open', channel });
    },
  };
}

function matches(operation: EvidenceSmtpOperation | undefined, request: Request): boolean {
  if (operation === undefined) return false;
  switch (request.op) {
    case 'read':
      return operation.op === 'read';
    case 'command':
      return operation.op === 'command' && operation.line === request.line;
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
): SmtpChannel {
  let current = first;
  let tls = tlsOnOpen;
  let closed = false;
  let reads = 0;
  const history: Request[] = [];

  /** The recorded operation answering this request, following another recording when needed. */
  function next(request: Request): EvidenceSmtpOperation | null {
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

  const reply = (operation: EvidenceSmtpOperation | null): Promise<ReplyOutcome> =>
    operation === null
      ? timeline.deliver<ReplyOutcome>(null, {
          kind: 'failure',
          failure: notRecorded('closed'),
        })
      : timeline.deliver(operation, fromEvidenceJson<ReplyOutcome>(operation.outcome));

  return {
    target,
    get transcript() {
      // What the checks saw at this same read when the audit ran: a read before QUIT lacks the QUIT.
      const { transcript, transcriptReads } = current.connection;
      const seen = transcriptReads[reads] ?? transcript.length;
      reads += 1;
      return fromEvidenceJson<readonly TranscriptEntry[]>(transcript.slice(0, seen));
    },
    readReply: () => reply(next({ op: 'read' })),
    command: (line, options) => reply(next({ op: 'command', line: commandEvidenceLine(line, options) })),
    async upgradeToTls(options) {
      const operation = next({ op: 'upgrade', tls: tlsRequestOf(options) });
      const outcome =
        operation === null
          ? await timeline.deliver<TlsOutcome>(null, {
              kind: 'failure',
              failure: notRecorded('tls-handshake-failed'),
            })
          : await timeline.deliver(operation, fromEvidenceJson<TlsOutcome>(operation.outcome));
      if (outcome.kind === 'tls') tls = outcome.session;
      return outcome;
    },
    async exchangeRawHello(_hello, label) {
      const operation = next({ op: 'raw-hello', label });
      return operation === null
        ? timeline.deliver<RawHelloOutcome>(null, { kind: 'failure', failure: notRecorded('closed') })
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
