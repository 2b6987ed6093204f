import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { parseRateToE4 } from '../../shared/format';

interface ExchangeRateFormProps {
  date: string;
  onSaved(rate: { date: string; rateE4: number }): void;
}

/**
 * Today's dollar rate, registered right where it is missing. A cashier's attempt asks for a
 * supervisor's PIN (the core decides; the client retries with the approval).
 */
export function ExchangeRateForm({ date, onSaved }: ExchangeRateFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rateE4 = parseRateToE4(text);
    if (rateE4 === null) {
      setError('Escriba el tipo de cambio, por ejemplo 3.745');
      return;
    }
    try {
      onSaved(await api.call('exchangeRate.set', { rateE4 }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <form className="method-form stack" onSubmit={submit} data-testid="exchange-rate-form">
      <p className="dialog-error" role="alert" data-testid="payment-usd-missing">
        No se ha registrado el tipo de cambio de hoy ({date}). Regístrelo para cobrar en dólares (requiere
        autorización de un supervisor).
      </p>
      <label>
        Tipo de cambio (S/ por dólar)
        <input
          className="big-input num"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="3.745"
          autoComplete="off"
          data-testid="exchange-rate-input"
        />
      </label>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="exchange-rate-submit">
        Registrar tipo de cambio
      </button>
    </form>
  );
}
