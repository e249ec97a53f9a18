/**
 * Saving one Settings section: sends only that section's fields, and keeps what the person must see
 * next: the saving state, the confirmation, or main's messages for each field (or for the form).
 */
import { useState } from 'react';
import type { SettingsChange, SettingsView } from '../../../preload/contract/settings';
import { bridge } from '../../lib/bridge';
import { fieldMessages, type FieldMessages } from '../../lib/field-errors';
import { useUnsavedMarker } from './unsaved-changes';

export interface SectionProblem {
  readonly fields: FieldMessages;
  readonly form?: string;
  /** Changes on every failed attempt, so focus returns to the field at fault each time. */
  readonly attempt: number;
}

export interface SectionSave {
  readonly saving: boolean;
  readonly saved: string | null;
  readonly problem: SectionProblem | null;
  /** Saves `change`; on success shows `confirm(view)` and hands the view to `onSaved`. */
  save(
    change: SettingsChange,
    confirm: (view: SettingsView) => string,
    onSaved?: (view: SettingsView) => void,
  ): Promise<void>;
  /** Shows messages found before anything was sent. */
  fail(problem: { readonly fields?: FieldMessages; readonly form?: string }): void;
  /** The person changed something: the last confirmation no longer describes the form. */
  edited(): void;
}

/** `section` is the section's title, as the "leave without saving?" question names it. */
export function useSectionSave(section: string): SectionSave {
  const unsaved = useUnsavedMarker(section);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<SectionProblem | null>(null);

  const fail: SectionSave['fail'] = ({ fields = {}, form }) => {
    setSaved(null);
    setProblem((previous) => ({
      fields,
      ...(form === undefined ? {} : { form }),
      attempt: (previous?.attempt ?? 0) + 1,
    }));
  };

  const save: SectionSave['save'] = async (change, confirm, onSaved) => {
    if (saving) return;
    setSaved(null);
    setProblem(null);
    setSaving(true);
    const outcome = await bridge().settings.update(change);
    setSaving(false);
    if (outcome.ok) {
      unsaved.saved();
      setSaved(confirm(outcome.value));
      onSaved?.(outcome.value);
      return;
    }
    const fields = fieldMessages(outcome.error.fields);
    fail(Object.keys(fields).length === 0 ? { form: outcome.error.message } : { fields });
  };

  return {
    saving,
    saved,
    problem,
    save,
    fail,
    edited: () => {
      setSaved(null);
      unsaved.edited();
    },
  };
}
