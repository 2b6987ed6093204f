import { useState } from 'react';
import type { UserAccountView } from '../../../src-main/api/users-contract';
import type { Role } from '../../../src-main/users/roles';
import { api } from '../../api/client';
import { useBusyAction } from '../../shared/hooks';
import { ROLE_NAMES } from '../../shared/roles';
import { PinField, UserFormDialog } from './UserFormDialog';
import { pinEntryProblem } from './users-format';

const ROLES = Object.keys(ROLE_NAMES) as Role[];

interface DialogProps {
  onClose(): void;
  /** The change went through: what to tell the administrador. */
  onDone(notice: string): void;
}

function RoleField({ value, onChange, testId }: { value: Role; onChange(role: Role): void; testId: string }) {
  return (
    <label>
      Rol
      <select value={value} onChange={(e) => onChange(e.target.value as Role)} data-testid={testId}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_NAMES[role]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Nuevo usuario: who, their role and a first PIN (typed twice). */
export function NewUserDialog({ onClose, onDone }: DialogProps) {
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('cajero');
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const { error, setError, busy, run } = useBusyAction();

  const submit = async () => {
    const problem = pinEntryProblem(pin, repeated);
    if (problem) {
      setError(problem);
      return;
    }
    await run(async () => {
      const created = await api.call('users.create', { username, fullName, role, pin });
      onDone(
        `Usuario ${created.username} creado (${ROLE_NAMES[created.role]}). Ya puede ingresar con su PIN.`,
      );
    });
  };

  return (
    <UserFormDialog
      title="Nuevo usuario"
      testId="user-new-dialog"
      onSubmit={submit}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel="Crear usuario"
    >
      <div className="users-form-grid">
        <FullNameField value={fullName} onChange={setFullName} testId="user-new-fullname" autoFocus />
        <label>
          Usuario
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value.toLowerCase())}
            maxLength={30}
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            placeholder="ej.: rosa.quispe"
            data-testid="user-new-username"
          />
        </label>
        <RoleField value={role} onChange={setRole} testId="user-new-role" />
        <span />
        <PinField label="PIN (4 a 8 dígitos)" value={pin} onChange={setPin} testId="user-new-pin" />
        <PinField label="Repita el PIN" value={repeated} onChange={setRepeated} testId="user-new-pin2" />
      </div>
      <p className="muted small">
        El PIN no puede ser un mismo dígito repetido (1111) ni una secuencia (1234, 4321).
      </p>
    </UserFormDialog>
  );
}

/** Nombre y rol of an existing user; the core keeps at least one active administrador. */
export function EditUserDialog({ user, onClose, onDone }: DialogProps & { user: UserAccountView }) {
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<Role>(user.role);
  const { error, busy, run } = useBusyAction();

  const submit = () =>
    run(async () => {
      const updated = await api.call('users.update', { userId: user.userId, fullName, role });
      onDone(`Usuario ${updated.username} actualizado: ${updated.fullName}, ${ROLE_NAMES[updated.role]}.`);
    });

  return (
    <UserFormDialog
      title={`Editar ${user.username}`}
      testId="user-edit-dialog"
      onSubmit={submit}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel="Guardar cambios"
    >
      <div className="users-form-grid">
        <FullNameField value={fullName} onChange={setFullName} testId="user-edit-fullname" />
        <RoleField value={role} onChange={setRole} testId="user-edit-role" />
      </div>
    </UserFormDialog>
  );
}

/** Restablecer PIN: typed twice; it also lifts a lock. */
export function ResetPinDialog({ user, onClose, onDone }: DialogProps & { user: UserAccountView }) {
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const { error, setError, busy, run } = useBusyAction();

  const submit = async () => {
    const problem = pinEntryProblem(pin, repeated);
    if (problem) {
      setError(problem);
      return;
    }
    await run(async () => {
      await api.call('users.resetPin', { userId: user.userId, pin });
      onDone(`Nuevo PIN de ${user.username} guardado. Entrégueselo en persona.`);
    });
  };

  return (
    <UserFormDialog
      title={`Restablecer el PIN de ${user.username}`}
      testId="user-pin-dialog"
      onSubmit={submit}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel="Guardar PIN"
    >
      <p className="lead">
        {user.fullName} ingresará con este PIN desde ahora{user.lockedUntil ? ' (y queda desbloqueado)' : ''}.
      </p>
      <div className="users-form-grid">
        <PinField
          label="Nuevo PIN (4 a 8 dígitos)"
          value={pin}
          onChange={setPin}
          testId="user-pin-new"
          autoFocus
        />
        <PinField label="Repita el PIN" value={repeated} onChange={setRepeated} testId="user-pin-repeat" />
      </div>
    </UserFormDialog>
  );
}

/** Desactivar: the person's open screens are refused from their next action. */
export function DeactivateDialog({ user, onClose, onDone }: DialogProps & { user: UserAccountView }) {
  const { error, busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      await api.call('users.deactivate', { userId: user.userId });
      onDone(`Usuario ${user.username} desactivado. Ya no puede ingresar.`);
    });
  return (
    <UserFormDialog
      title={`Desactivar a ${user.username}`}
      testId="user-deactivate-dialog"
      onSubmit={submit}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel="Desactivar"
      danger
    >
      <p className="lead">
        {user.fullName} no podrá ingresar ni autorizar nada, y si tiene una pantalla abierta se cerrará en su
        siguiente acción. Sus ventas y registros se conservan; puede reactivarlo después.
      </p>
    </UserFormDialog>
  );
}

function FullNameField(props: {
  value: string;
  onChange(value: string): void;
  testId: string;
  autoFocus?: boolean;
}) {
  return (
    <label>
      Nombre completo
      <input
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        maxLength={80}
        autoComplete="off"
        data-autofocus={props.autoFocus ? true : undefined}
        data-testid={props.testId}
      />
    </label>
  );
}
