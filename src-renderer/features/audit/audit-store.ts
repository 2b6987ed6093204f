import { create } from 'zustand';
import type { AuditEntryView, AuditUserOption, ChainVerdict } from '../../../src-main/api/audit-contract';

export interface AuditFilterDraft {
  /** Empty: everyone. */
  userId: string;
  /** Empty: every action; `auth.` a whole group; `=auth.login` one action exactly. */
  action: string;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
}

export interface AuditNotice {
  kind: 'info' | 'error';
  text: string;
}

interface AuditState {
  filter: AuditFilterDraft;
  entries: AuditEntryView[];
  /** Where "Cargar más" continues; null when the oldest matching entry is shown. */
  nextBeforeSeq: number | null;
  loaded: boolean;
  loading: boolean;
  listError: string | null;
  /** Entries whose full detail is open, by seq. */
  expanded: ReadonlySet<number>;
  actions: string[];
  users: AuditUserOption[];
  verdict: ChainVerdict | null;
  verifying: boolean;
  notice: AuditNotice | null;
  setFilter(patch: Partial<AuditFilterDraft>): void;
  toggle(seq: number): void;
  say(notice: AuditNotice | null): void;
}

export const PAGE_SIZE = 50;

export const EMPTY_FILTER: AuditFilterDraft = { userId: '', action: '', from: '', to: '' };

/** The audit screen's state: it survives leaving the screen, so coming back shows the same search. */
export const useAudit = create<AuditState>()((set) => ({
  filter: EMPTY_FILTER,
  entries: [],
  nextBeforeSeq: null,
  loaded: false,
  loading: false,
  listError: null,
  expanded: new Set(),
  actions: [],
  users: [],
  verdict: null,
  verifying: false,
  notice: null,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  toggle: (seq) =>
    set((state) => {
      const expanded = new Set(state.expanded);
      if (!expanded.delete(seq)) expanded.add(seq);
      return { expanded };
    }),
  say: (notice) => set({ notice }),
}));
