import { formatDollars, formatSoles } from '../../shared/format';
import {
  countedCents,
  denominationLabel,
  PEN_DENOMINATIONS,
  USD_DENOMINATIONS,
  type Counts,
} from './denominations';

/** One field per bill and coin; the running total is only arithmetic on what was typed. */
function CountColumn({
  currency,
  values,
  counts,
  onChange,
  invalid,
}: {
  currency: 'pen' | 'usd';
  values: readonly number[];
  counts: Counts;
  onChange(counts: Counts): void;
  invalid: string | null;
}) {
  const total = countedCents(counts);
  return (
    <fieldset className="count-column">
      <legend>{currency === 'pen' ? 'Soles' : 'Dólares'}</legend>
      {values.map((value) => {
        const key = String(value);
        return (
          <label key={key} className="count-row">
            <span>{denominationLabel(currency, value)}</span>
            <input
              className="num"
              inputMode="numeric"
              value={counts[key] ?? ''}
              onChange={(e) => onChange({ ...counts, [key]: e.target.value })}
              aria-invalid={invalid === `${currency}-${key}`}
              data-testid={`count-${currency}-${key}`}
              placeholder="0"
              autoComplete="off"
            />
          </label>
        );
      })}
      <p className="count-total" data-testid={`count-total-${currency}`}>
        {currency === 'pen' ? formatSoles(total) : formatDollars(total)}
      </p>
    </fieldset>
  );
}

export function CountForm({
  pen,
  usd,
  onPen,
  onUsd,
  withDollars,
  invalid,
}: {
  pen: Counts;
  usd: Counts;
  onPen(counts: Counts): void;
  onUsd(counts: Counts): void;
  withDollars: boolean;
  invalid: string | null;
}) {
  return (
    <div className="count-form">
      <CountColumn
        currency="pen"
        values={PEN_DENOMINATIONS}
        counts={pen}
        onChange={onPen}
        invalid={invalid}
      />
      {withDollars && (
        <CountColumn
          currency="usd"
          values={USD_DENOMINATIONS}
          counts={usd}
          onChange={onUsd}
          invalid={invalid}
        />
      )}
    </div>
  );
}
