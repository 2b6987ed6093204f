import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';

/** On the counter: the drawer is closed, so no sale will go through until someone opens it. */
export function CashClosedBanner() {
  const canSee = useSession((s) => s.actor?.permissions.includes('cash.in') ?? false);
  const screen = useUi((s) => s.screen);
  const [closed, setClosed] = useState(false);

  useEffect(() => {
    if (!canSee) return;
    let live = true;
    api.call('cash.current').then(
      (session) => live && setClosed(session === null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [canSee, screen]);

  if (!closed) return null;
  return (
    <div className="device-banner">
      <div className="device-problem retrying" role="status" data-testid="cash-closed-banner">
        <span aria-hidden="true">⚠</span>
        <span className="device-text">
          La caja está cerrada: un supervisor debe abrirla con el fondo inicial (pantalla Caja).
        </span>
      </div>
    </div>
  );
}
