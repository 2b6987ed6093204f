import type { ApiInput } from '../../../src-main/api/contract';
import { api, errorMessage } from '../../api/client';
import { PAGE_SIZE, useHistory, type HistoryFilterDraft } from './history-store';

// Answers may arrive out of order (slow disk, quick typing): only the latest request is shown.
let listRequest = 0;
let detailRequest = 0;

export function listInput(filter: HistoryFilterDraft, page: number): ApiInput<'history.list'> {
  return {
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    ...(filter.number.trim() ? { number: filter.number.trim() } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.docType ? { docType: filter.docType } : {}),
  };
}

export async function search(page = 0): Promise<void> {
  const request = ++listRequest;
  const { filter } = useHistory.getState();
  useHistory.setState({ loading: true, listError: null, page });
  try {
    const result = await api.call('history.list', listInput(filter, page));
    if (request === listRequest) useHistory.setState({ result, loading: false });
  } catch (error) {
    if (request === listRequest) useHistory.setState({ listError: errorMessage(error), loading: false });
  }
}

export async function select(saleId: string): Promise<void> {
  const request = ++detailRequest;
  useHistory.setState({ selectedId: saleId, detailError: null, notice: null });
  try {
    const detail = await api.call('history.detail', { saleId });
    if (request === detailRequest) useHistory.setState({ detail });
  } catch (error) {
    if (request === detailRequest) useHistory.setState({ detail: null, detailError: errorMessage(error) });
  }
}

/** After a note or a void: the dialog closes, the person reads what to do, list and detail show the change. */
export async function changed(message: string): Promise<void> {
  const { selectedId, page, closeDialog, say } = useHistory.getState();
  closeDialog();
  say({ kind: 'info', text: message });
  const detail = selectedId ? select(selectedId) : Promise.resolve();
  await Promise.all([search(page), detail]);
  useHistory.getState().say({ kind: 'info', text: message });
}
