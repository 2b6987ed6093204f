import { useSale } from '../../state/sale-store';
import { KeyButton } from '../../shared/Dialog';
import { editWeight, removeSelected, stepQuantity } from './sale-actions';
import { openLineDiscount } from './sale-commands';

/** Touch buttons for the selected line; the keys beside them do the same. */
export function LineActions() {
  const line = useSale((s) => s.cart?.lines.find((l) => l.id === s.selectedLineId) ?? null);
  const none = line === null;
  const weighed = line?.unit === 'KGM';
  return (
    <div className="line-actions" role="toolbar" aria-label="Línea seleccionada">
      {weighed ? (
        <KeyButton keyLabel="+/−" label="Peso" onClick={editWeight} disabled={none} testId="line-weight" />
      ) : (
        <>
          <KeyButton
            keyLabel="−"
            label="Menos"
            onClick={() => void stepQuantity(-1)}
            disabled={none}
            testId="line-minus"
          />
          <KeyButton
            keyLabel="+"
            label="Más"
            onClick={() => void stepQuantity(1)}
            disabled={none}
            testId="line-plus"
          />
        </>
      )}
      <KeyButton
        keyLabel="%"
        label="Descuento línea"
        onClick={openLineDiscount}
        disabled={none}
        testId="line-discount"
      />
      <KeyButton
        keyLabel="Supr"
        label="Quitar línea"
        onClick={() => void removeSelected()}
        disabled={none}
        className="danger"
        testId="line-remove"
      />
    </div>
  );
}
