import type { NoteDocType, RefundMethod } from '../../../db/schema';
import type { DebitReasonCode, ReturnReasonCode } from '../../../src-main/api/returns-contract';

/** Catálogo 09 reasons a return can carry, as SUNAT names them (the core's table cannot be imported). */
export const RETURN_REASON_NAMES: Record<ReturnReasonCode, string> = {
  '07': 'Devolución por ítem',
  '06': 'Devolución total',
  '01': 'Anulación de la operación',
};

/** Catálogo 10 reasons of a counter debit note. */
export const DEBIT_REASON_NAMES: Record<DebitReasonCode, string> = {
  '02': 'Aumento en el valor',
  '01': 'Intereses por mora',
  '03': 'Penalidades u otros conceptos',
};

export const NOTE_TYPE_NAMES: Record<NoteDocType, string> = {
  '07': 'Nota de crédito',
  '08': 'Nota de débito',
};

export const REFUND_NAMES: Record<RefundMethod, string> = {
  cash: 'Efectivo',
  card: 'Tarjeta',
  wallet: 'Yape / Plin',
};

/** The reason of a note as people read it; any other code shows as is. */
export function noteReasonName(noteType: NoteDocType, code: string): string {
  const names: Readonly<Record<string, string>> =
    noteType === '07' ? RETURN_REASON_NAMES : DEBIT_REASON_NAMES;
  return names[code] ?? `Motivo ${code}`;
}
