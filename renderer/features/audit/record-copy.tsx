/**
 * The exact DNS record a fix asks for, with a button that copies its value.
 *
 * The value sits in a read-only textarea so it can be selected and copied even where the page has no
 * clipboard permission (lib/copy-text.ts). The outcome is said in a live region.
 */
import { useRef, useState } from 'react';
import type { RecordToPublish } from '../../../preload/contract/findings';
import { Button } from '../../components/button';
import { copyFromTextArea } from '../../lib/copy-text';
import { strings } from '../../strings';

type CopyState = 'idle' | 'copied' | 'manual';

export function RecordCopy({ id, record }: { readonly id: string; readonly record: RecordToPublish }) {
  const text = strings.audit.finding;
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const rows = Math.min(6, Math.max(1, Math.ceil(record.value.length / 60)));

  const copy = async () => {
    const element = area.current;
    if (element === null) return;
    const copied = await copyFromTextArea(element);
    setState(copied ? 'copied' : 'manual');
  };

  return (
    <div className="record" role="group" aria-labelledby={`${id}-record`}>
      <p className="record__title" id={`${id}-record`}>
        {text.record}
      </p>
      <dl className="record__facts">
        <div>
          <dt>{text.recordType}</dt>
          <dd className="mono">{record.type}</dd>
        </div>
        <div>
          <dt>{text.recordName}</dt>
          <dd className="mono">{record.name}</dd>
        </div>
      </dl>
      <label className="record__label" htmlFor={`${id}-value`}>
        {text.recordValue}
      </label>
      <div className="record__value-row">
        <textarea
          ref={area}
          id={`${id}-value`}
          className="record__value"
          readOnly
          rows={rows}
          spellCheck={false}
          value={record.value}
        />
        <Button onClick={() => void copy()}>{text.copy}</Button>
      </div>
      <p className="record__status" role="status" aria-live="polite">
        {state === 'copied' ? text.copied : state === 'manual' ? text.copyManual : ''}
      </p>
    </div>
  );
}
