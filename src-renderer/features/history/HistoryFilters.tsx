import { DateRangeFields } from '../../shared/DateRangeFields';
import type { FormEvent } from 'react';
import { DOC_TYPE_NAMES } from '../../shared/documents';
import { search } from './history-actions';
import { EMPTY_FILTER, useHistory } from './history-store';

/** Number, dates and type; Enter searches. */
export function HistoryFilters() {
  const filter = useHistory((s) => s.filter);
  const setFilter = useHistory((s) => s.setFilter);
  const loading = useHistory((s) => s.loading);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(0);
  };

  const clear = () => {
    setFilter(EMPTY_FILTER);
    void search(0);
  };

  return (
    <form className="history-filters" onSubmit={submit} role="search" aria-label="Buscar ventas">
      <label>
        Número
        <input
          value={filter.number}
          onChange={(e) => setFilter({ number: e.target.value })}
          placeholder="B001-15, 15 o F001"
          autoComplete="off"
          data-testid="history-number"
        />
      </label>
      <DateRangeFields from={filter.from} to={filter.to} onChange={setFilter} testIdPrefix="history" />
      <label>
        Tipo
        <select
          value={filter.docType}
          onChange={(e) =>
            setFilter({ docType: e.target.value === '01' || e.target.value === '03' ? e.target.value : '' })
          }
          data-testid="history-doc-type"
        >
          <option value="">Todos</option>
          <option value="03">{DOC_TYPE_NAMES['03']}</option>
          <option value="01">{DOC_TYPE_NAMES['01']}</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={loading} data-testid="history-search">
        Buscar (Enter)
      </button>
      <button type="button" onClick={clear} data-testid="history-clear">
        Limpiar
      </button>
    </form>
  );
}
