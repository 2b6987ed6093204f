import { documentNumber } from '../../../src-main/sales/sale-view';

/**
 * Every reason headquarters gives for refusing a pushed record, in Spanish: the terminal
 * shows it in its dead-letter list to a supervisor, who has to understand what to fix.
 */
export const reasons = {
  unknownTopic: (topic: string) =>
    `La central no reconoce registros «${topic}»: actualice la central o la caja.`,
  invalidPayload: (topic: string, issues: string) => `Registro «${topic}» con datos inválidos: ${issues}`,
  invalidInstant: (field: string, value: string) =>
    `Fecha y hora inválida en ${field}: «${value}» (se espera ISO-8601 con zona horaria).`,
  invalidDate: (field: string, value: string) => `Fecha inválida en ${field}: «${value}».`,
  outOfRange: (field: string, value: number) => `Valor fuera de rango en ${field}: ${value}.`,
  badText: (field: string) => `Texto con caracteres no válidos en ${field}.`,
  otherOwner: () => 'El registro pertenece a otra caja o tienda.',

  saleTotalsMismatch: (number: string) =>
    `Los totales de la venta ${number} no cuadran: el total debe ser gravadas + exoneradas + inafectas + IGV + ICBPER.`,
  repeatedLine: (number: string) => `La venta o nota ${number} repite una línea o un pago.`,
  saleAlreadyReceived: (number: string) => `La venta ${number} ya está en la central con otro registro.`,
  saleNumberTaken: (serie: string, correlativo: number) =>
    `Número ${documentNumber(serie, correlativo)} repetido en la tienda.`,
  noteAlreadyReceived: (number: string) => `La nota ${number} ya está en la central con otro registro.`,
  noteNumberTaken: (serie: string, correlativo: number) =>
    `Número de nota ${documentNumber(serie, correlativo)} repetido en la tienda.`,
  saleMissing: (saleId: string, what: string) => `La venta ${saleId} (${what}) no está en la central.`,
  saleOfOtherStore: (saleId: string) => `La venta ${saleId} es de otra tienda.`,
  saleAlreadyVoided: (number: string) => `La venta ${number} ya estaba anulada.`,
  noteOfOtherStore: (noteId: string) => `La nota ${noteId} es de otra tienda.`,
  sessionMissing: (sessionId: string) => `La sesión de caja ${sessionId} no está en la central.`,
  sessionOfOtherTerminal: (sessionId: string) => `La sesión de caja ${sessionId} es de otra caja.`,
  sessionAlreadyReceived: (number: number) => `La sesión de caja N° ${number} ya estaba en la central.`,
  sessionAlreadyClosed: (sessionId: string) => `La sesión de caja ${sessionId} ya estaba cerrada.`,
  cashMovementRepeated: (id: string) => `Movimiento de caja ${id} repetido.`,
  stockMovementRepeated: (id: string) => `Movimiento de stock ${id} repetido.`,
  fiscalDocumentOfOther: (number: string) => `El comprobante ${number} es de otra caja o tienda.`,
  auditTampered: (seq: number) =>
    `La entrada de auditoría N° ${seq} fue alterada: su huella (hash) no corresponde a su contenido.`,
  auditRepeated: (seq: number) => `Entrada de auditoría N° ${seq} repetida.`,

  integrity: (detail: string) => `La central no pudo guardar el registro: ${detail}`,
} as const;
