import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { useDevicesStatus } from '../devices/devices-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { formatQuantity, parseKgToMilli } from '../../shared/format';
import { addProduct, setQuantity } from './sale-actions';

interface WeightDialogProps {
  productId: string;
  name: string;
  /** Set when correcting the weight of a line already in the sale. */
  lineId: string | null;
  currentMilli: number | null;
}

export function WeightDialog({ productId, name, lineId, currentMilli }: WeightDialogProps) {
  const close = useUi((s) => s.close);
  const [text, setText] = useState(
    currentMilli ? formatQuantity(currentMilli, 'KGM').replace(' kg', '') : '',
  );
  const [error, setError] = useState<string | null>(null);
  const hasScale = useDevicesStatus((s) => s.status?.scale != null);

  const readScale = async () => {
    setError(null);
    try {
      const { grams } = await api.call('scale.read');
      // Grams are an integer: kilos with three decimals without floating point.
      setText(`${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const milli = parseKgToMilli(text);
    if (milli === null || milli === 0) {
      setError('Escriba el peso en kilos, por ejemplo 0.750');
      return;
    }
    try {
      if (lineId) await setQuantity(lineId, milli);
      else await addProduct(productId, milli);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Dialog title={`Peso de ${name}`} testId="weight-dialog" onClose={close}>
      <form onSubmit={submit} className="stack">
        <label>
          Peso en kg (lea la balanza)
          <input
            className="big-input num"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="0.000"
            autoComplete="off"
            data-autofocus
            data-testid="weight-input"
          />
        </label>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        {hasScale && (
          <button type="button" onClick={() => void readScale()} data-testid="weight-read-scale">
            Leer balanza
          </button>
        )}
        <button type="submit" className="primary" data-testid="weight-submit">
          {lineId ? 'Cambiar peso' : 'Agregar'} (Enter)
        </button>
      </form>
    </Dialog>
  );
}
