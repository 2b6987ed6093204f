import { useEffect } from 'react';
import { useSession } from '../../state/session-store';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { LoadStatus } from '../backoffice/LoadStatus';
import { DeadLetterList } from './DeadLetterList';
import { EnrolPanel } from './EnrolPanel';
import { NightlyHourPanel } from './NightlyHourPanel';
import { SyncStatusPanel } from './SyncStatusPanel';
import { clearSyncOutcome, refreshSyncStatus, useSync } from './sync-store';
import './sync.css';

/**
 * Sincronización (supervisor, administrador): where this terminal stands with headquarters and
 * what headquarters refused; an administrador also enrols it and sets the nightly run.
 */
export function SyncScreen() {
  const status = useSync((s) => s.status);
  const statusError = useSync((s) => s.statusError);
  const canManage = useSession((s) => s.actor?.permissions.includes('sync.manage') ?? false);

  useEffect(() => {
    clearSyncOutcome();
    void refreshSyncStatus();
  }, []);

  return (
    <BackOfficePage title="Sincronización" testId="sync-screen">
      <LoadStatus
        loaded={status !== null}
        error={status ? null : statusError}
        onRetry={() => void refreshSyncStatus()}
        testId="sync-load-error"
      />
      {status && (
        <>
          <div className={canManage ? 'sync-grid' : undefined}>
            <SyncStatusPanel status={status} />
            {canManage && (
              <div className="stack">
                <EnrolPanel status={status} />
                <NightlyHourPanel saved={status.nightlyHour} />
              </div>
            )}
          </div>
          <DeadLetterList deadCount={status.deadCount} enrolled={status.enrolled} canRetry={canManage} />
        </>
      )}
    </BackOfficePage>
  );
}
