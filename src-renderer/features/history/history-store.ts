import { create } from 'zustand';
import type { SaleHistoryDetail, SaleHistoryPage } from '../../../src-main/api/returns-contract';

export interface HistoryFilterDraft {
  number: string;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
  docType: '' | '01' | '03';
}

export type HistoryDialog = 'return' | 'void' | 'debit';

export interface HistoryNotice {
  kind: 'info' | 'error';
  text: string;
}

interface HistoryState {
  filter: HistoryFilterDraft;
  /** Zero-based page of PAGE_SIZE sales. */
  page: number;
  result: SaleHistoryPage | null;
  loading: boolean;
  listError: string | null;
  selectedId: string | null;
  detail: SaleHistoryDetail | null;
  detailError: string | null;
  dialog: HistoryDialog | null;
  notice: HistoryNotice | null;
  setFilter(patch: Partial<HistoryFilterDraft>): void;
  openDialog(dialog: HistoryDialog): void;
  closeDialog(): void;
  say(notice: HistoryNotice | null): void;
}

export const PAGE_SIZE = 25;

export const EMPTY_FILTER: HistoryFilterDraft = { number: '', from: '', to: '', docType: '' };

/** The history screen's own state: it survives leaving the screen, so coming back shows the same search. */
export const useHistory = create<HistoryState>()((set) => ({
  filter: EMPTY_FILTER,
  page: 0,
  result: null,
  loading: false,
  listError: null,
  selectedId: null,
  detail: null,
  detailError: null,
  dialog: null,
  notice: null,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  openDialog: (dialog) => set({ dialog, notice: null }),
  closeDialog: () => set({ dialog: null }),
  say: (notice) => set({ notice }),
}));
