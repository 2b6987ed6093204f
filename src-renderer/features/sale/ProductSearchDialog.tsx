import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProductHit } from '../../../src-main/api/contract';
import { api, errorMessage } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { formatSoles } from '../../shared/format';
import { useDebouncedValue } from '../../shared/hooks';
import { addProduct } from './sale-actions';

const SEARCH_DEBOUNCE_MS = 80;
const SEARCH_LIMIT = 30;
const NO_HITS: ProductHit[] = [];

export function ProductSearchDialog() {
  const close = useUi((s) => s.close);
  const open = useUi((s) => s.open);
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const [found, setFound] = useState<ProductHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const activeRow = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const order = ++latest.current;
    if (query === '') return;
    api.call('catalog.search', { text: query, limit: SEARCH_LIMIT }).then(
      (hits) => {
        // Only the answer to the newest text counts.
        if (order !== latest.current) return;
        setFound(hits);
        setActive(0);
        setError(null);
      },
      (failure: unknown) => order === latest.current && setError(errorMessage(failure)),
    );
  }, [query]);

  const hits = query === '' ? NO_HITS : found;

  // Block body on purpose: newer Chromium returns a Promise from scrollIntoView, and an
  // effect must return nothing or a cleanup function.
  useEffect(() => {
    activeRow.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = async (hit: ProductHit | undefined) => {
    if (!hit) return;
    if (hit.unit === 'KGM') {
      open({ kind: 'weight', productId: hit.id, name: hit.name, lineId: null, currentMilli: null });
      return;
    }
    try {
      await addProduct(hit.id);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(0, i + step), Math.max(0, hits.length - 1)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(hits[active]);
    }
  };

  return (
    <Dialog title="Buscar producto (F2)" testId="search-dialog" onClose={close} size="wide">
      <input
        className="big-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Nombre, marca o código"
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        data-testid="search-input"
      />
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <ul className="search-results" role="listbox" aria-label="Productos">
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            ref={index === active ? activeRow : undefined}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseEnter={() => setActive(index)}
            onClick={() => void choose(hit)}
            data-testid="search-result"
          >
            <span className="hit-name">{hit.name}</span>
            <span className="hit-code muted">{hit.barcode ?? (hit.plu ? `PLU ${hit.plu}` : hit.sku)}</span>
            <span className="hit-price">
              {formatSoles(hit.priceCents)}
              {hit.unit === 'KGM' ? '/kg' : ''}
            </span>
          </li>
        ))}
      </ul>
      {query !== '' && hits.length === 0 && !error && <p className="muted">Sin resultados para «{query}».</p>}
      <p className="dialog-hint muted">↑ ↓ para elegir · Enter para agregar · Esc para cerrar</p>
    </Dialog>
  );
}
