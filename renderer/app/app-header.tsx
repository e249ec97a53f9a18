/**
 * The quiet bar at the top: the product's name, what it is for, and the one way to Settings, which
 * every screen needs (a resolver that cannot reach the domain is fixed there, mid-task).
 */
import type { Ref } from 'react';
import { strings } from '../strings';

export interface AppHeaderProps {
  readonly settingsOpen: boolean;
  readonly onOpenSettings: () => void;
  /** Focus returns to this button when Settings closes, where the person left off. */
  readonly settingsRef?: Ref<HTMLButtonElement>;
  /** True while "Check a message" (or a checked message) is the screen on show. */
  readonly checkCurrent: boolean;
  readonly onCheckMessage: () => void;
}

export function AppHeader({
  settingsOpen,
  onOpenSettings,
  settingsRef,
  checkCurrent,
  onCheckMessage,
}: AppHeaderProps) {
  return (
    <header className="topbar">
      <div className="topbar__inner">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{strings.app.name}</span>
        <span className="brand-tagline">{strings.app.tagline}</span>
        <nav className="topbar__nav" aria-label={strings.app.navLabel}>
          <button
            type="button"
            className="topbar__link"
            aria-current={checkCurrent ? 'page' : undefined}
            onClick={onCheckMessage}
          >
            <EnvelopeIcon />
            {strings.messageCheck.open}
          </button>
          <button
            type="button"
            className="topbar__link"
            ref={settingsRef}
            aria-current={settingsOpen ? 'page' : undefined}
            onClick={onOpenSettings}
          >
            <GearIcon />
            {strings.app.settings}
          </button>
        </nav>
      </div>
    </header>
  );
}

/** An envelope with a tick, drawn inline like the gear. */
function EnvelopeIcon() {
  return (
    <svg className="topbar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        d="M3.5 6.5h17v11h-17zM3.5 7l8.5 6.5L20.5 7"
      />
    </svg>
  );
}

/** A plain gear drawn inline: the CSP allows no remote images, and an icon font would be one more file. */
function GearIcon() {
  return (
    <svg className="topbar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        d="M10.3 3h3.4l.5 2.5 1.6.9 2.4-.9 1.7 2.9-1.9 1.7v1.8l1.9 1.7-1.7 2.9-2.4-.9-1.6.9-.5 2.5h-3.4l-.5-2.5-1.6-.9-2.4.9-1.7-2.9 1.9-1.7v-1.8L4 9.3l1.7-2.9 2.4.9 1.6-.9z"
      />
      <circle cx="12" cy="12" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
