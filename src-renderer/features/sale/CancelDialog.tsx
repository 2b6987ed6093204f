import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { cancelSale } from './sale-actions';

export function CancelDialog() {
  const close = useUi((s) => s.close);
  const confirm = async () => {
    close();
    await cancelSale();
  };
  return (
    <Dialog title="Anular la venta" testId="cancel-dialog" onClose={close}>
      <p className="lead">¿Anular la venta en curso? Se quitarán todos los productos.</p>
      <div className="row">
        <button
          type="button"
          className="danger"
          onClick={() => void confirm()}
          data-autofocus
          data-testid="cancel-confirm"
        >
          Sí, anular (Enter)
        </button>
        <button type="button" onClick={close} data-testid="cancel-back">
          No, seguir vendiendo (Esc)
        </button>
      </div>
    </Dialog>
  );
}
