/** What the password field is called for a provider: "App password" for Gmail, "API key" for SendGrid. */
import type { ProviderPreset } from '../../preload/contract/providers';
import { strings } from '../strings';

export function secretLabel(preset: ProviderPreset | null): string {
  return strings.secretLabel[preset?.secretKind ?? 'password'];
}
