/**
 * "Export the report": one button per format, the paper for PDF, and what happened said in a live
 * region ("Saved …", "Export cancelled") or, when saving failed, in an alert.
 *
 * Main reads the report from the history by run id and opens the OS save dialog; the page only learns
 * the chosen file's name. The same panel saves a client report: one file for a client's stored runs.
 */
import { useState } from 'react';
import {
  EXPORT_FORMATS,
  PAPER_SIZES,
  type ExportFormat,
  type PaperSize,
} from '../../../preload/contract/export';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving'; readonly format: ExportFormat }
  | { readonly kind: 'saved'; readonly fileName: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export type ExportPanelProps =
  /** The stored run whose report is saved. */
  | { readonly runId: string }
  /** A client's stored runs, one per account in this order, saved as one client report. */
  | { readonly client: string; readonly runIds: readonly string[] }
  /** A stored message analysis ("Check a message"), saved in the same formats. */
  | { readonly analysisRunId: string }
  /** A kept test message run ("Send a test message"), saved in the same formats. */
  | { readonly proofRunId: string };

export function ExportPanel(props: ExportPanelProps) {
  const text = strings.audit.export;
  const forClient = 'client' in props;
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [paper, setPaper] = useState<PaperSize>('A4');

  const save = async (format: ExportFormat) => {
    setState({ kind: 'saving', format });
    const chosenPaper = format === 'pdf' ? paper : undefined;
    const outcome =
      'client' in props
        ? await bridge().report.exportClient(props.client, props.runIds, format, chosenPaper)
        : 'analysisRunId' in props
          ? await bridge().message.export(props.analysisRunId, format, chosenPaper)
          : 'proofRunId' in props
            ? await bridge().message.exportProof(props.proofRunId, format, chosenPaper)
            : await bridge().report.export(props.runId, format, chosenPaper);
    if (!outcome.ok) setState({ kind: 'failed', message: outcome.error.message });
    else if (outcome.value.saved) setState({ kind: 'saved', fileName: outcome.value.fileName });
    else setState({ kind: 'cancelled' });
  };

  const status =
    state.kind === 'saving'
      ? text.saving(text.formats[state.format])
      : state.kind === 'saved'
        ? text.saved(state.fileName)
        : state.kind === 'cancelled'
          ? text.cancelled
          : '';

  return (
    <section className="audit__section export" aria-labelledby="results-export">
      <h2 id="results-export" className="section-title">
        {forClient ? strings.clients.summary.exportTitle : text.title}
      </h2>
      <p className="export__intro">{forClient ? strings.clients.summary.exportIntro : text.intro}</p>
      <div className="export__row">
        <div className="export__formats" role="group" aria-label={text.formatsLabel}>
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              busy={state.kind === 'saving' && state.format === format}
              busyLabel={text.busy}
              aria-disabled={(state.kind === 'saving' && state.format !== format) || undefined}
              onClick={() => void save(format)}
            >
              {text.formats[format]}
            </Button>
          ))}
        </div>
        <div className="export__paper">
          <label htmlFor="export-paper">{text.paper}</label>
          <select
            id="export-paper"
            className="input select export__paper-select"
            value={paper}
            onChange={(event) => {
              const chosen = PAPER_SIZES.find((size) => size === event.target.value);
              if (chosen !== undefined) setPaper(chosen);
            }}
          >
            {PAPER_SIZES.map((size) => (
              <option key={size} value={size}>
                {text.paperSizes[size]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LiveStatus message={status} />
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" title={text.failedTitle}>
          <p>{state.message}</p>
        </Notice>
      )}
    </section>
  );
}
