import { formatDollars, formatSoles } from '../../shared/format';
import { solesOf, type PaymentInput } from './payment-preview';

function describe(entry: PaymentInput): string {
  switch (entry.method) {
    case 'cash':
      return 'Efectivo';
    case 'card':
      return `Tarjeta ${entry.brand ?? ''}`.trim();
    case 'wallet':
      return `${entry.wallet === 'yape' ? 'Yape' : 'Plin'} · op. ${entry.operationNumber}`;
    case 'usd':
      return `Dólares ${formatDollars(entry.usdCents)}`;
  }
}

export function PaymentList({
  entries,
  rateE4,
  onRemove,
}: {
  entries: readonly PaymentInput[];
  rateE4: number | null;
  onRemove(index: number): void;
}) {
  if (entries.length === 0) return null;
  return (
    <ul className="payment-list" aria-label="Pagos agregados">
      {entries.map((entry, index) => (
        <li key={index} data-testid="payment-entry">
          <span>{describe(entry)}</span>
          <strong>{formatSoles(solesOf(entry, rateE4))}</strong>
          <button type="button" className="ghost" onClick={() => onRemove(index)} aria-label="Quitar pago">
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
