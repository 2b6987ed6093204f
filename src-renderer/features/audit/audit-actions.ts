import { api, errorMessage } from '../../api/client';
import { saveFile } from '../fiscal/files';
import { filterInput } from './audit-filter';
import { PAGE_SIZE, useAudit } from './audit-store';

// Answers may arrive out of order (quick filter changes): only the latest list request is shown.
let listRequest = 0;

/** The newest page for the current filter; `more`: the next older page, added below. */
export async function search(more = false): Promise<void> {
  const request = ++listRequest;
  const { filter, nextBeforeSeq } = useAudit.getState();
  if (more && nextBeforeSeq === null) return;
  useAudit.setState({ loading: true, listError: null });
  try {
    const page = await api.call('audit.list', {
      ...filterInput(filter),
      limit: PAGE_SIZE,
      ...(more && nextBeforeSeq !== null ? { beforeSeq: nextBeforeSeq } : {}),
    });
    if (request !== listRequest) return;
    useAudit.setState((state) => ({
      entries: more ? [...state.entries, ...page.entries] : page.entries,
      nextBeforeSeq: page.nextBeforeSeq,
      loaded: true,
      loading: false,
    }));
  } catch (error) {
    if (request === listRequest) useAudit.setState({ listError: errorMessage(error), loading: false });
  }
}

/** Users and action names for the filters; the list works without them, so failures stay quiet. */
export async function loadOptions(): Promise<void> {
  const [actions, users] = await Promise.allSettled([api.call('audit.actions'), api.call('audit.users')]);
  if (actions.status === 'fulfilled') useAudit.setState({ actions: actions.value });
  if (users.status === 'fulfilled') useAudit.setState({ users: users.value });
}

/** Recomputes the whole chain in the core; the check is itself logged, so the list refreshes after. */
export async function verifyChain(): Promise<void> {
  useAudit.setState({ verifying: true, verdict: null, notice: null });
  try {
    const verdict = await api.call('audit.verify');
    useAudit.setState({ verdict, verifying: false });
  } catch (error) {
    useAudit.setState({ verifying: false, notice: { kind: 'error', text: errorMessage(error) } });
    return;
  }
  await Promise.all([search(), loadOptions()]);
}

/** Every entry matching the filter, saved as a CSV file Excel opens with its accents. */
export async function exportCsv(): Promise<void> {
  const { filter, say } = useAudit.getState();
  say(null);
  const file = await api.call('audit.export', filterInput(filter));
  saveFile(file.fileName, file.csv, 'text/csv;charset=utf-8');
  say({ kind: 'info', text: `Se descargó ${file.fileName}.` });
}
