import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { ApprovalHost } from '../features/approval/ApprovalDialog';
import { LoginScreen } from '../features/login/LoginScreen';
import { useSession } from '../state/session-store';
import { useUi } from '../state/ui-store';
import { startApp } from './start';
import { Workspace } from './Workspace';

export function App() {
  const fatal = useUi((s) => s.fatal);
  const signedIn = useSession((s) => s.actor !== null);
  const [startError, setStartError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    startApp().then(
      () => setReady(true),
      (error: unknown) => setStartError(errorMessage(error)),
    );
  }, []);

  if (fatal ?? startError) {
    return (
      <main className="fatal" role="alert" data-testid="fatal-message">
        <h1>Mostrador</h1>
        <p>{fatal ?? startError}</p>
        {!fatal && (
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reintentar
          </button>
        )}
      </main>
    );
  }
  if (!ready) return <main className="starting">Iniciando Mostrador…</main>;
  return (
    <>
      {signedIn ? <Workspace /> : <LoginScreen />}
      <ApprovalHost />
    </>
  );
}
