import { useSale } from '../../state/sale-store';
import { KeyButton } from '../../shared/Dialog';
import {
  openCancel,
  openCustomer,
  openDrawerDialog,
  openHeld,
  openHold,
  openSaleDiscount,
  openSearch,
} from './sale-commands';

export function FunctionBar() {
  const heldCount = useSale((s) => s.heldCount);
  return (
    <nav className="function-bar" aria-label="Funciones">
      <KeyButton keyLabel="F2" label="Buscar producto" onClick={openSearch} testId="fn-search" />
      <KeyButton keyLabel="F4" label="Cliente" onClick={openCustomer} testId="fn-customer" />
      <KeyButton keyLabel="F6" label="Descuento venta" onClick={openSaleDiscount} testId="fn-discount" />
      <KeyButton keyLabel="F9" label="Poner en espera" onClick={openHold} testId="fn-hold" />
      <button type="button" className="key-button held-button" onClick={openHeld} data-testid="fn-held">
        <span>En espera ({heldCount})</span>
      </button>
      <button type="button" className="key-button" onClick={openDrawerDialog} data-testid="fn-drawer">
        <span>Abrir gaveta</span>
      </button>
      <KeyButton
        keyLabel="Esc"
        label="Anular venta"
        onClick={openCancel}
        className="danger"
        testId="fn-cancel"
      />
    </nav>
  );
}
