import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { useSession } from '../../state/session-store';
import { ROLE_NAMES } from '../../shared/roles';
import { login, refreshLoginUsers } from './session-actions';
import './login.css';

export function LoginScreen() {
  const store = useSession((s) => s.store);
  const users = useSession((s) => s.users);
  const notice = useSession((s) => s.notice);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void refreshLoginUsers();
  }, []);

  const pick = (name: string) => {
    setUsername(name);
    setError(null);
    pinField.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || pin === '') {
      setError('Elija su usuario e ingrese su PIN.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username, pin);
    } catch (failure) {
      setError(errorMessage(failure));
      setPin('');
      pinField.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <section className="login-card">
        <header className="login-store">
          <h1 data-testid="store-name">{store?.tradeName ?? 'Mostrador'}</h1>
          {store && (
            <p>
              {store.legalName} · RUC {store.ruc}
              <br />
              <strong data-testid="terminal-code">{store.terminalCode}</strong> — {store.terminalName}
            </p>
          )}
        </header>

        <div className="login-users" role="group" aria-label="Usuarios">
          {users.map((user) => (
            <button
              key={user.username}
              type="button"
              className={`login-user ${user.username === username ? 'selected' : ''}`}
              onClick={() => pick(user.username)}
              data-testid={`login-user-${user.username}`}
            >
              <span className="login-user-name">{user.fullName}</span>
              <span className="login-user-role">{ROLE_NAMES[user.role]}</span>
            </button>
          ))}
        </div>

        <form className="login-form" onSubmit={submit}>
          <label>
            Usuario
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="login-username"
            />
          </label>
          <label>
            PIN
            <input
              ref={pinField}
              type="password"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={12}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              autoComplete="current-password"
              autoFocus
              data-testid="login-pin"
            />
          </label>
          {(error ?? notice) && (
            <p className="dialog-error" role="alert" data-testid="login-message">
              {error ?? notice}
            </p>
          )}
          <button type="submit" className="primary login-submit" disabled={busy} data-testid="login-submit">
            Ingresar
          </button>
        </form>
      </section>
    </main>
  );
}
