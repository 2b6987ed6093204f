import { useCallback, useEffect, useState } from 'react';
import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { api, errorMessage } from '../../api/client';
import { useFiscal } from './fiscal-store';
import { statusesFor, type StatusFilter } from './status-filter';

export interface DocumentsState {
  /** null until the first answer arrives. */
  documents: FiscalDocumentView[] | null;
  error: string | null;
  /** Ask again now (after an action of this screen). */
  reload(): void;
}

/** The monitor's list: reloaded when the filter or the page size changes and whenever the queue moves. */
export function useFiscalDocuments(filter: StatusFilter, limit: number): DocumentsState {
  const revision = useFiscal((s) => s.revision);
  const [nonce, setNonce] = useState(0);
  const [documents, setDocuments] = useState<FiscalDocumentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const statuses = statusesFor(filter);
    api.call('fiscal.documents', statuses ? { statuses, limit } : { limit }).then(
      (list) => {
        if (!live) return;
        setDocuments(list);
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(errorMessage(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [filter, limit, revision, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { documents, error, reload };
}
