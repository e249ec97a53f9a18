/** The quiet bar at the top: the product's name and what it is for. No navigation lives here. */
import { strings } from '../strings';

export function AppHeader() {
  return (
    <header className="topbar">
      <div className="topbar__inner">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{strings.app.name}</span>
        <span className="brand-tagline">{strings.app.tagline}</span>
      </div>
    </header>
  );
}
