import { useSession } from '../state/session-store';
import { useUi, type Screen } from '../state/ui-store';
import { canOpen } from '../features/backoffice/screens';
import { useScreenKeys } from '../features/backoffice/use-screen-keys';
import { DeviceSettingsScreen } from '../features/devices/settings/DeviceSettingsScreen';
import { FiscalMonitorScreen } from '../features/fiscal/FiscalMonitorScreen';
import { FiscalSettingsScreen } from '../features/fiscal/FiscalSettingsScreen';
import { SaleHistoryScreen } from '../features/history';
import { SaleScreen } from '../features/sale/SaleScreen';
import { PrinterBanner } from '../features/devices/PrinterBanner';
import { useReprintKey } from '../features/devices/use-reprint-key';
import { TopBar } from './TopBar';
import { CashScreen } from '../features/cash/CashScreen';
import { UsersScreen } from '../features/users/UsersScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { useSyncFeed } from '../features/sync/use-sync-feed';
import './top-bar.css';

const NO_PERMISSIONS: never[] = [];

function ScreenBody({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'sale':
      return <SaleScreen />;
    case 'sale-history':
      return <SaleHistoryScreen />;
    case 'fiscal-monitor':
      return <FiscalMonitorScreen />;
    case 'fiscal-settings':
      return <FiscalSettingsScreen />;
    case 'cash':
      return <CashScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'device-settings':
      return <DeviceSettingsScreen />;
    case 'sync':
      return <SyncScreen />;
  }
}

/** Everything after login: the top bar over the chosen screen (the sale screen unless told otherwise). */
export function Workspace() {
  const chosen = useUi((s) => s.screen);
  const permissions = useSession((s) => s.actor?.permissions ?? NO_PERMISSIONS);
  useScreenKeys();
  useReprintKey();
  useSyncFeed();
  // A screen this person may not open falls back to the counter (the core would refuse its calls anyway).
  const screen = canOpen(chosen, permissions) ? chosen : 'sale';
  return (
    <div className="workspace">
      <TopBar />
      <PrinterBanner />
      <ScreenBody screen={screen} />
    </div>
  );
}
