import { useState, type FormEvent } from 'react';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { APPROVER_ROLES } from '../../shared/roles';

/** Shown whenever the core asked for a supervisor; a fresh prompt per request. */
export function ApprovalHost() {
  const request = useUi((s) => s.approval);
  return request ? (
    <ApprovalDialog key={request.id} reason={request.reason} problem={request.problem} />
  ) : null;
}

/** A supervisor authorizes one action with their PIN; the same call is then retried (api/client). */
function ApprovalDialog({ reason, problem }: { reason: string; problem: string | null }) {
  const answer = useUi((s) => s.answerApproval);
  const users = useSession((s) => s.users);
  const approvers = users.filter((u) => (APPROVER_ROLES as readonly string[]).includes(u.role));
  const [username, setUsername] = useState(approvers[0]?.username ?? '');
  const [pin, setPin] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (username === '' || pin === '') return;
    setPin('');
    answer({ username, pin });
  };

  return (
    <Dialog title="Autorización de supervisor" testId="approval-dialog" onClose={() => answer(null)}>
      <form className="stack" onSubmit={submit}>
        <p className="lead" data-testid="approval-reason">
          {reason}
        </p>
        <label>
          Supervisor
          <select value={username} onChange={(e) => setUsername(e.target.value)} data-testid="approval-user">
            {approvers.map((u) => (
              <option key={u.username} value={u.username}>
                {u.fullName}
              </option>
            ))}
          </select>
        </label>
        <label>
          PIN del supervisor
          <input
            type="password"
            inputMode="numeric"
            maxLength={12}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            autoComplete="off"
            data-autofocus
            data-testid="approval-pin"
          />
        </label>
        {problem && (
          <p className="dialog-error" role="alert" data-testid="approval-error">
            {problem}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" data-testid="approval-submit">
            Autorizar (Enter)
          </button>
          <button type="button" onClick={() => answer(null)}>
            Cancelar (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}
