import { useUi } from '../../state/ui-store';
import { CustomerDialog } from '../customer/CustomerDialog';
import { DrawerDialog } from '../devices/DrawerDialog';
import { HeldListDialog } from '../held/HeldListDialog';
import { HoldDialog } from '../held/HoldDialog';
import { PaymentDialog } from '../payment/PaymentDialog';
import { ReceiptPreview } from '../receipt/ReceiptPreview';
import { CancelDialog } from './CancelDialog';
import { DiscountDialog } from './DiscountDialog';
import { ProductSearchDialog } from './ProductSearchDialog';
import { WeightDialog } from './WeightDialog';

export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'search':
      return <ProductSearchDialog />;
    case 'weight':
      return <WeightDialog key={dialog.productId} {...dialog} />;
    case 'customer':
      return <CustomerDialog />;
    case 'discount':
      return <DiscountDialog lineId={dialog.lineId} name={dialog.name} />;
    case 'hold':
      return <HoldDialog />;
    case 'held':
      return <HeldListDialog />;
    case 'cancel':
      return <CancelDialog />;
    case 'payment':
      return <PaymentDialog />;
    case 'drawer':
      return <DrawerDialog />;
    case 'receipt':
      return <ReceiptPreview sale={dialog.sale} receipt={dialog.receipt} fiscal={dialog.fiscal} />;
  }
}
