/** The desk's controls: search, client, "needs attention only" and sort, in one compact row. */
import { strings } from '../../strings';
import { DESK_SORTS, type ClientFilter, type DeskQuery } from './desk-model';

export interface DeskToolbarProps {
  readonly query: DeskQuery;
  readonly clients: readonly string[];
  readonly onChange: (query: DeskQuery) => void;
}

const ALL = 'all';
const NONE = 'none';
const NAMED = 'client:';

function clientValue(filter: ClientFilter): string {
  return filter.kind === 'named' ? `${NAMED}${filter.name}` : filter.kind;
}

function clientFilter(value: string): ClientFilter {
  if (value.startsWith(NAMED)) return { kind: 'named', name: value.slice(NAMED.length) };
  return value === NONE ? { kind: 'none' } : { kind: 'all' };
}

export function DeskToolbar({ query, clients, onChange }: DeskToolbarProps) {
  const text = strings.desk;
  const set = (patch: Partial<DeskQuery>) => {
    onChange({ ...query, ...patch });
  };
  return (
    <search className="desk-toolbar" aria-label={text.toolbar}>
      <div className="desk-toolbar__field desk-toolbar__field--search">
        <label className="desk-toolbar__label" htmlFor="desk-search">
          {text.search}
        </label>
        <input
          id="desk-search"
          type="search"
          className="input"
          placeholder={text.searchHint}
          value={query.search}
          onChange={(event) => {
            set({ search: event.target.value });
          }}
        />
      </div>
      {clients.length > 0 && (
        <div className="desk-toolbar__field">
          <label className="desk-toolbar__label" htmlFor="desk-client">
            {text.client}
          </label>
          <select
            id="desk-client"
            className="input select"
            value={clientValue(query.client)}
            onChange={(event) => {
              set({ client: clientFilter(event.target.value) });
            }}
          >
            <option value={ALL}>{text.allClients}</option>
            {clients.map((name) => (
              <option key={name} value={`${NAMED}${name}`}>
                {name}
              </option>
            ))}
            <option value={NONE}>{text.noClient}</option>
          </select>
        </div>
      )}
      <div className="desk-toolbar__field">
        <label className="desk-toolbar__label" htmlFor="desk-sort">
          {text.sort}
        </label>
        <select
          id="desk-sort"
          className="input select"
          value={query.sort}
          onChange={(event) => {
            const sort = DESK_SORTS.find((choice) => choice === event.target.value);
            if (sort !== undefined) set({ sort });
          }}
        >
          {DESK_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {text.sorts[sort]}
            </option>
          ))}
        </select>
      </div>
      <label className="desk-toolbar__check">
        <input
          type="checkbox"
          checked={query.attentionOnly}
          onChange={(event) => {
            set({ attentionOnly: event.target.checked });
          }}
        />
        {text.attention}
      </label>
    </search>
  );
}
