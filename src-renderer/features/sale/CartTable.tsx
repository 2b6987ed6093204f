import { useEffect, useRef } from 'react';
import type { CartLineView } from '../../../src-main/sales/cart-view';
import { useSale } from '../../state/sale-store';
import { formatPercent, formatQuantity, formatSoles } from '../../shared/format';

function discountText(line: CartLineView): string {
  if (line.discountCents === 0) return '';
  const own = line.discount?.kind === 'percent' ? ` (${formatPercent(line.discount.value)})` : '';
  return `-${formatSoles(line.discountCents)}${own}`;
}

function unitPriceText(line: CartLineView): string {
  return line.unit === 'KGM' ? `${formatSoles(line.unitPriceCents)}/kg` : formatSoles(line.unitPriceCents);
}

const NO_LINES: CartLineView[] = [];

export function CartTable() {
  const lines = useSale((s) => s.cart?.lines ?? NO_LINES);
  const selectedLineId = useSale((s) => s.selectedLineId);
  const select = useSale((s) => s.select);
  const selectedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedLineId, lines.length]);

  if (lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="cart-empty">
        Escanee un producto o presione <kbd>F2</kbd> para buscarlo.
      </div>
    );
  }

  return (
    <div className="cart-table-wrap">
      <table className="cart-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Descripción</th>
            <th className="num">Cant.</th>
            <th className="num">P. unit.</th>
            <th className="num">Dscto.</th>
            <th className="num">Importe</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const selected = line.id === selectedLineId;
            return (
              <tr
                key={line.id}
                ref={selected ? selectedRow : undefined}
                className={selected ? 'selected' : undefined}
                aria-selected={selected}
                onClick={() => select(line.id)}
                data-testid="cart-line"
                data-line-id={line.id}
              >
                <td className="num muted">{index + 1}</td>
                <td className="line-name" data-testid="line-name">
                  {line.name}
                  {line.scannedCode && <small className="muted"> {line.scannedCode}</small>}
                </td>
                <td className="num" data-testid="line-quantity">
                  {formatQuantity(line.quantityMilli, line.unit)}
                </td>
                <td className="num">{unitPriceText(line)}</td>
                <td className="num discount" data-testid="line-discount-amount">
                  {discountText(line)}
                </td>
                <td className="num amount" data-testid="line-amount">
                  {formatSoles(line.amountCents)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
