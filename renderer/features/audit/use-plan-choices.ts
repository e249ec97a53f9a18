/**
 * The plan's switches, starting from the default tests saved in Settings: for one account's plan and for
 * a client's. Null until the saved defaults are read, so the switches never flip under the person's eyes;
 * all on when Settings cannot be read (the plan still lets the person choose).
 */
import { useEffect, useState } from 'react';
import { bridge } from '../../lib/bridge';
import { choicesFromSettings, DEFAULT_CHOICES, type PlanChoices } from './audit-model';

export function usePlanChoices(): readonly [PlanChoices | null, (choices: PlanChoices) => void] {
  const [choices, setChoices] = useState<PlanChoices | null>(null);
  useEffect(() => {
    let current = true;
    void savedChoices().then((saved) => {
      if (current) setChoices((chosen) => chosen ?? saved);
    });
    return () => {
      current = false;
    };
  }, []);
  return [choices, setChoices];
}

async function savedChoices(): Promise<PlanChoices> {
  try {
    const outcome = await bridge().settings.get();
    return outcome.ok ? choicesFromSettings(outcome.value.settings) : DEFAULT_CHOICES;
  } catch {
    return DEFAULT_CHOICES;
  }
}
