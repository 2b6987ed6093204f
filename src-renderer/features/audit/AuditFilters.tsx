import { DateRangeFields } from '../../shared/DateRangeFields';
import { ROLE_NAMES } from '../../shared/roles';
import { search } from './audit-actions';
import { actionGroups, actionLabel } from './audit-format';
import { EMPTY_FILTER, useAudit, type AuditFilterDraft } from './audit-store';

/** User, action and dates: each change searches at once. */
export function AuditFilters() {
  const filter = useAudit((s) => s.filter);
  const setFilter = useAudit((s) => s.setFilter);
  const actions = useAudit((s) => s.actions);
  const users = useAudit((s) => s.users);
  const groups = actionGroups(actions);
  const selected = filter.action.replace(/^=/, '');
  const known =
    filter.action === '' || groups.some((g) => g.prefix === filter.action || g.actions.includes(selected));

  const change = (patch: Partial<AuditFilterDraft>) => {
    setFilter(patch);
    void search();
  };

  return (
    <form
      className="audit-filters"
      role="search"
      aria-label="Filtrar la auditoría"
      onSubmit={(event) => {
        event.preventDefault();
        void search();
      }}
    >
      <label>
        Usuario
        <select
          value={filter.userId}
          onChange={(e) => change({ userId: e.target.value })}
          data-testid="audit-filter-user"
        >
          <option value="">Todos</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.fullName} ({ROLE_NAMES[user.role].toLowerCase()}
              {user.active ? '' : ', desactivado'})
            </option>
          ))}
        </select>
      </label>
      <label>
        Acción
        <select
          value={filter.action}
          onChange={(e) => change({ action: e.target.value })}
          data-testid="audit-filter-action"
        >
          <option value="">Todas</option>
          {!known && <option value={filter.action}>{selected}</option>}
          {groups.map((group) => (
            <optgroup key={group.prefix} label={group.label}>
              <option value={group.prefix}>{group.label}: todas</option>
              {group.actions.map((action) => (
                <option key={action} value={`=${action}`}>
                  {actionLabel(action)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <DateRangeFields from={filter.from} to={filter.to} onChange={change} testIdPrefix="audit-filter" />
      <button type="button" onClick={() => change(EMPTY_FILTER)} data-testid="audit-filter-clear">
        Limpiar
      </button>
    </form>
  );
}
