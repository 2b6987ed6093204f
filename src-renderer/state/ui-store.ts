import { create } from 'zustand';
import type { SaleFiscalView } from '../../src-main/fiscal/fiscal-view';
import type { ReceiptDocument } from '../../src-main/receipt/receipt-types';
import type { SaleView } from '../../src-main/sales/sale-view';

export interface Approval {
  username: string;
  pin: string;
}

/** The one dialog open over the sale screen (they never stack; the approval prompt sits above all). */
export type Dialog =
  | { kind: 'search' }
  | { kind: 'weight'; productId: string; name: string; lineId: string | null; currentMilli: number | null }
  | { kind: 'customer' }
  | { kind: 'discount'; lineId: string | null; name: string | null }
  | { kind: 'hold' }
  | { kind: 'held' }
  | { kind: 'cancel' }
  | { kind: 'payment' }
  /** Opening the cash drawer without a sale (supervisor, with a reason). */
  | { kind: 'drawer' }
  /** `fiscal` absent: the preview asks the core for the sale's SUNAT status itself. */
  | { kind: 'receipt'; sale: SaleView; receipt: ReceiptDocument; fiscal?: SaleFiscalView | null };

/** The screen under the top bar: the counter, or a back-office screen (see features/backoffice). */
export type Screen =
  | 'sale'
  | 'sale-history'
  | 'fiscal-monitor'
  | 'fiscal-settings'
  | 'device-settings'
  | 'cash'
  | 'users'
  | 'audit'
  | 'sync';

export interface Message {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface ApprovalRequest {
  id: number;
  reason: string;
  problem: string | null;
  resolve(approval: Approval | null): void;
}

interface UiState {
  screen: Screen;
  dialog: Dialog | null;
  message: Message | null;
  approval: ApprovalRequest | null;
  /** A problem the app cannot work around (opened without the host token). */
  fatal: string | null;
  go(screen: Screen): void;
  open(dialog: Dialog): void;
  close(): void;
  say(kind: Message['kind'], text: string): void;
  clearMessage(): void;
  requestApproval(reason: string, problem: string | null): Promise<Approval | null>;
  answerApproval(approval: Approval | null): void;
  setFatal(text: string): void;
}

let messageId = 0;
let approvalId = 0;

export const useUi = create<UiState>()((set, get) => ({
  screen: 'sale',
  dialog: null,
  message: null,
  approval: null,
  fatal: null,
  // Dialogs belong to the sale screen: leaving it closes them.
  go: (screen) => set((state) => (state.screen === screen ? state : { screen, dialog: null })),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  say: (kind, text) => set({ message: { id: ++messageId, kind, text } }),
  clearMessage: () => set({ message: null }),
  requestApproval: (reason, problem) =>
    new Promise((resolve) => {
      get().approval?.resolve(null);
      set({ approval: { id: ++approvalId, reason, problem, resolve } });
    }),
  answerApproval: (approval) => {
    const request = get().approval;
    set({ approval: null });
    request?.resolve(approval);
  },
  setFatal: (text) => set({ fatal: text }),
}));
