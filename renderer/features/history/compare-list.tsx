/**
 * One group of a comparison (fixed, new or unchanged): each finding's severity and title, with what
 * merely stayed fine folded away so it cannot bury what stayed wrong.
 */
import type { Finding, Severity } from '../../../preload/contract/findings';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';

export interface CompareItem {
  readonly finding: Finding;
  /** Set when the finding's severity changed between the two runs. */
  readonly previousSeverity: Severity | null;
}

export interface CompareListProps {
  readonly group: 'fixed' | 'new' | 'unchanged';
  readonly title: string;
  readonly empty: string;
  readonly items: readonly CompareItem[];
  /** Listed under closed disclosures after the rest, e.g. notes and passing checks that stayed the same. */
  readonly folds?: readonly CompareFold[] | undefined;
}

export interface CompareFold {
  /** Names the disclosure for tests and styles (`data-fold`). */
  readonly key: string;
  readonly summary: string;
  readonly items: readonly CompareItem[];
}

export function CompareList({ group, title, empty, items, folds = [] }: CompareListProps) {
  const openFolds = folds.filter((fold) => fold.items.length > 0);
  const headingId = `compare-${group}`;
  return (
    <section
      className={`compare-group compare-group--${group}`}
      aria-labelledby={headingId}
      data-group={group}
    >
      <h2 id={headingId} className="section-title">
        {title}
      </h2>
      {items.length === 0 && openFolds.length === 0 ? (
        <Notice tone="info">{empty}</Notice>
      ) : (
        items.length > 0 && <CompareItems items={items} />
      )}
      {openFolds.map((fold) => (
        <details key={fold.key} className="folded" data-fold={fold.key}>
          <summary className="folded__summary">{fold.summary}</summary>
          <CompareItems items={fold.items} />
        </details>
      ))}
    </section>
  );
}

function CompareItems({ items }: { readonly items: readonly CompareItem[] }) {
  return (
    <ul className="compare-list">
      {items.map(({ finding, previousSeverity }, index) => (
        <li
          key={`${finding.checkId}|${finding.id}|${String(index)}`}
          className="compare-item"
          data-finding-id={finding.id}
        >
          <span className={`severity severity--${finding.severity}`}>
            {strings.audit.severity[finding.severity]}
          </span>
          <span className="compare-item__title">{finding.title}</span>
          {previousSeverity !== null && (
            <span className="compare-item__was">
              {strings.history.wasSeverity(strings.audit.severity[previousSeverity])}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
