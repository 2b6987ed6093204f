import { useEffect, useRef, useState } from 'react';
import type { SaleFiscalView } from '../../../src-main/fiscal/fiscal-view';
import { api, errorMessage } from '../../api/client';
import { useFiscal } from './fiscal-store';

export interface SaleFiscalState {
  /** undefined while the first answer is on its way; null: the sale has no SUNAT document. */
  fiscal: SaleFiscalView | null | undefined;
  error: string | null;
}

/** A sale's SUNAT status, kept current while shown (it moves from "Pendiente" to "Aceptado" on its own). */
export function useSaleFiscal(saleId: string, initial?: SaleFiscalView | null): SaleFiscalState {
  const revision = useFiscal((s) => s.revision);
  const [state, setState] = useState<SaleFiscalState>({ fiscal: initial, error: null });
  const firstRevision = useRef(revision);

  useEffect(() => {
    // The checkout's own answer is as fresh as it gets: ask again only once the queue moves.
    if (initial !== undefined && revision === firstRevision.current) return;
    let live = true;
    api.call('fiscal.forSale', { saleId }).then(
      (fiscal) => {
        if (live) setState({ fiscal, error: null });
      },
      (failure: unknown) => {
        if (live) setState((s) => ({ ...s, error: errorMessage(failure) }));
      },
    );
    return () => {
      live = false;
    };
  }, [saleId, revision, initial]);

  return state;
}
