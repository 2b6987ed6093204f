import { useState, type FormEvent } from 'react';
import { formatAmount, formatDollars, formatRateE4, parseAmountToCents } from '../../shared/format';
import { ExchangeRateForm } from './ExchangeRateForm';
import type { PaymentInput } from './payment-preview';

export type Method = 'cash' | 'card' | 'yape' | 'plin' | 'usd';

const CARD_BRANDS = ['Visa', 'Mastercard', 'American Express', 'Diners Club', 'Otra'];

interface MethodFormProps {
  method: Exclude<Method, 'cash'>;
  /** What other payments leave to cover: the amount field starts with it. */
  dueCents: number;
  rate: { date: string; rateE4: number | null } | null;
  onAdd(entry: PaymentInput): void;
  onRateSaved(rate: { date: string; rateE4: number }): void;
}

/** Card, Yape/Plin or dollars: an amount plus what that method needs, added to the list. */
export function MethodForm({ method, dueCents, rate, onAdd, onRateSaved }: MethodFormProps) {
  const [amount, setAmount] = useState(method === 'usd' ? '' : formatAmount(dueCents));
  const [operation, setOperation] = useState('');
  const [brand, setBrand] = useState(CARD_BRANDS[0] ?? '');
  const [error, setError] = useState<string | null>(null);

  if (method === 'usd' && rate && rate.rateE4 === null) {
    return <ExchangeRateForm date={rate.date} onSaved={onRateSaved} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseAmountToCents(amount);
    if (cents === null || cents === 0) {
      setError('Escriba el monto, por ejemplo 20 o 20.50');
      return;
    }
    if (method === 'card') onAdd({ method: 'card', amountCents: cents, brand });
    else if (method === 'usd') onAdd({ method: 'usd', usdCents: cents });
    else {
      if (!/^[A-Za-z0-9]{4,20}$/.test(operation.trim())) {
        setError('Ingrese el número de operación que aparece en el celular del cliente.');
        return;
      }
      onAdd({ method: 'wallet', wallet: method, amountCents: cents, operationNumber: operation.trim() });
    }
  };

  const walletName = method === 'yape' ? 'Yape' : 'Plin';
  return (
    <form className="method-form stack" onSubmit={submit} data-testid={`payment-form-${method}`}>
      {method === 'usd' && rate?.rateE4 && (
        <p className="muted" data-testid="payment-rate">
          Tipo de cambio de hoy: S/ {formatRateE4(rate.rateE4)} por dólar
        </p>
      )}
      <label>
        {method === 'usd' ? 'Dólares recibidos (US$)' : 'Monto (S/)'}
        <input
          className="big-input num"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          placeholder={method === 'usd' ? formatDollars(0) : formatAmount(dueCents)}
          autoComplete="off"
          autoFocus
          data-testid="payment-amount"
        />
      </label>
      {method === 'card' && (
        <label>
          Marca
          <select value={brand} onChange={(e) => setBrand(e.target.value)} data-testid="payment-card-brand">
            {CARD_BRANDS.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
      )}
      {(method === 'yape' || method === 'plin') && (
        <label>
          N.° de operación {walletName}
          <input
            value={operation}
            onChange={(e) => setOperation(e.target.value)}
            maxLength={20}
            autoComplete="off"
            data-testid="payment-operation"
          />
        </label>
      )}
      {error && (
        <p className="dialog-error" role="alert" data-testid="payment-method-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="payment-add">
        Agregar pago (Enter)
      </button>
    </form>
  );
}
