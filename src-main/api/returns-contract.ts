import { z } from 'zod';
import type { FiscalDocumentView } from '../fiscal/fiscal-view';
import type { NoteView } from '../fiscal/documents/note-view';
import { DEBIT_REASON_CODES } from '../returns/debit-note-service';
import { RETURN_REASON_CODES, type ReturnPreview } from '../returns/return-service';
import type { SaleHistoryDetail, SaleHistoryPage } from '../returns/sale-history';
import type { VoidOutcome } from '../returns/void-service';
import { approval, cents, id, method } from './spec';

export type { SaleHistoryDetail, SaleHistoryPage };
export type {
  FiscalBadge,
  HistoryLineView,
  HistoryNote,
  SaleHistoryItem,
  SaleVoidView,
} from '../returns/sale-history';
export type { DebitReasonCode } from '../returns/debit-note-service';
export type { ReturnPreview, ReturnReasonCode } from '../returns/return-service';

/** A note just issued, and where its electronic document stands. */
export interface IssuedNoteView {
  note: NoteView;
  fiscal: FiscalDocumentView | null;
}

export interface SaleVoidedView extends VoidOutcome {
  /** The Comunicación de Baja of a factura; null for a boleta (it goes in the Resumen Diario). */
  communication: FiscalDocumentView | null;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use el formato AAAA-MM-DD');
const lineNo = z.number().int().min(1).max(999);
const reasonText = z.string().trim().min(2).max(500);
const returnFields = {
  saleId: id,
  lines: z
    .array(z.object({ lineNo, quantityMilli: z.number().int().positive().max(100_000_000) }).strict())
    .min(1)
    .max(999),
  reasonCode: z.enum(RETURN_REASON_CODES).optional(),
  refundMethod: z.enum(['cash', 'card', 'wallet']),
};

/** Sale history, returns (notas de crédito), voids and notas de débito. */
export const returnsContract = {
  'history.list': method<SaleHistoryPage>()({
    input: z
      .object({
        from: date.optional(),
        to: date.optional(),
        number: z.string().trim().max(20).optional(),
        docType: z.enum(['01', '03']).optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      })
      .strict(),
    permission: 'sale.history',
  }),
  'history.detail': method<SaleHistoryDetail>()({
    input: z.object({ saleId: id }).strict(),
    permission: 'sale.history',
  }),
  /** What a return would credit, computed by the core's own rules; nothing is written. */
  'returns.preview': method<ReturnPreview>()({
    input: z.object(returnFields).strict(),
    permission: 'sale.history',
  }),
  'returns.create': method<IssuedNoteView>()({
    input: z
      .object({ ...returnFields, reasonText, restock: z.boolean(), approval: approval.optional() })
      .strict(),
    permission: 'sale.return',
    approvable: true,
    issuesFiscalDocument: true,
  }),
  'returns.void': method<SaleVoidedView>()({
    input: z
      .object({ saleId: id, reason: z.string().trim().min(3).max(100), approval: approval.optional() })
      .strict(),
    permission: 'sale.void',
    approvable: true,
    issuesFiscalDocument: true,
  }),
  'returns.debitNote': method<IssuedNoteView>()({
    input: z
      .object({
        saleId: id,
        reasonCode: z.enum(DEBIT_REASON_CODES).optional(),
        reasonText,
        lines: z
          .array(z.object({ lineNo, increaseCents: cents.min(1) }).strict())
          .min(1)
          .max(999),
        approval: approval.optional(),
      })
      .strict(),
    permission: 'note.debit',
    approvable: true,
    issuesFiscalDocument: true,
  }),
} as const;
