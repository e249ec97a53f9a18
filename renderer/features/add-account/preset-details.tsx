/** What a person must know about a provider: the sign-in name to use and the things that trip people up. */
import type { ProviderPreset } from '../../../preload/contract/providers';
import { Notice } from '../../components/notice';
import { splitUnconfirmed } from '../../lib/unconfirmed';
import { strings } from '../../strings';

export function PresetDetails({ preset }: { readonly preset: ProviderPreset }) {
  const text = strings.presets;
  return (
    <Notice tone="info" title={text.quirksTitle(preset.name)} className="preset-details">
      <ul className="bullet-list" data-testid="preset-quirks">
        <li>{text.usernameHint(preset.usernameHint)}</li>
        {preset.quirks.map((quirk) => {
          const { text: sentence, unconfirmed } = splitUnconfirmed(quirk);
          return (
            <li key={quirk}>
              {sentence}
              {unconfirmed && (
                <>
                  {' '}
                  <span className="tag tag--unconfirmed">{text.unconfirmed}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Notice>
  );
}
