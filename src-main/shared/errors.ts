import { formatSoles } from './money';

/**
 * Every failure the core reports on purpose: a stable code for code, a Spanish
 * sentence for the person at the counter. Messages say what happened and what to do.
 */
const messages = {
  VALIDATION_FAILED: (d: { issues: string[] }) => `Datos inválidos: ${d.issues.join('; ')}.`,
  UNKNOWN_METHOD: (d: { method: string }) => `Operación desconocida: ${d.method}.`,
  /** A sync step the person asked for (enrolment, requeue) failed; the engine's message is already Spanish. */
  SYNC_FAILED: (d: { code: string; message: string }) => d.message,
  NOT_AUTHENTICATED: () => 'Su sesión terminó. Ingrese con su usuario y PIN.',
  FORBIDDEN: (d: { action: string }) => `Su usuario no tiene permiso para ${d.action}.`,
  INVALID_CREDENTIALS: () => 'Usuario o PIN incorrecto.',
  USER_INACTIVE: (d: { username: string }) => `El usuario ${d.username} está desactivado.`,
  APPROVAL_REQUIRED: (d: { reason: string }) => `Se necesita la autorización de un supervisor: ${d.reason}.`,
  APPROVAL_INVALID: () => 'El PIN de autorización no es válido o el usuario no puede autorizar esta acción.',
  PRODUCT_NOT_FOUND: (d: { code: string }) => `No hay ningún producto con el código ${d.code}.`,
  BARCODE_CHECK_DIGIT: (d: { code: string }) =>
    `El código ${d.code} no es válido (dígito de control). Vuelva a escanear.`,
  SCALE_ITEM_NOT_FOUND: (d: { code: string; plu: string }) =>
    `La etiqueta de balanza ${d.code} es del artículo ${d.plu}, que no está registrado en el catálogo.`,
  PRODUCT_INACTIVE: (d: { name: string }) => `${d.name} está desactivado y no se puede vender.`,
  WEIGHT_REQUIRED: (d: { name: string; productId: string }) => `Ingrese el peso de ${d.name}.`,
  INVALID_QUANTITY: (d: { reason: string }) => `Cantidad no válida: ${d.reason}.`,
  CART_LINE_NOT_FOUND: () => 'Esa línea ya no está en la venta.',
  CART_EMPTY: () => 'La venta no tiene productos.',
  HELD_SALE_NOT_FOUND: () => 'La venta en espera ya no existe (quizás fue retomada en otra sesión).',
  DISCOUNT_INVALID: (d: { reason: string }) => `Descuento no válido: ${d.reason}.`,
  CUSTOMER_REQUIRED_FACTURA: () => 'La factura necesita un cliente con RUC y razón social.',
  CUSTOMER_REQUIRED_BOLETA: (d: { thresholdCents: number }) =>
    `Las boletas de más de ${formatSoles(d.thresholdCents)} necesitan el DNI (u otro documento) del cliente.`,
  INVALID_RUC: (d: { value: string }) =>
    `El RUC ${d.value} no es válido: debe tener 11 dígitos, empezar con 10, 15, 17 o 20 y su dígito verificador debe cuadrar.`,
  INVALID_DNI: (d: { value: string }) => `El DNI ${d.value} no es válido: debe tener 8 dígitos.`,
  INVALID_IDENTITY_DOCUMENT: (d: { value: string }) =>
    `El número de documento ${d.value} no es válido: use de 4 a 15 letras o dígitos, sin espacios.`,
  CUSTOMER_NAME_REQUIRED: (d: { field: string }) => `Ingrese ${d.field} del cliente.`,
  CUSTOMER_NOT_FOUND: () => 'El cliente ya no existe.',
  PAYMENT_INSUFFICIENT: (d: { missingCents: number }) => `Falta cobrar ${formatSoles(d.missingCents)}.`,
  PAYMENT_EXCEEDS_TOTAL: (d: { method: string }) =>
    `El pago con ${d.method} no puede superar lo que falta cobrar: solo el efectivo (soles o dólares) da vuelto.`,
  PAYMENT_UNNEEDED: (d: { method: string }) =>
    `El pago con ${d.method} sobra: lo demás ya cubre el total. Quítelo para continuar.`,
  PAYMENT_INVALID: (d: { reason: string }) => `Pago no válido: ${d.reason}.`,
  EXCHANGE_RATE_MISSING: (d: { date: string }) =>
    `No se ha registrado el tipo de cambio del ${d.date}. Un supervisor debe registrarlo para cobrar en dólares.`,
  EXCHANGE_RATE_INVALID: (d: { reason: string }) => `Tipo de cambio no válido: ${d.reason}.`,
  SERIES_NOT_CONFIGURED: (d: { docType: string }) =>
    `Esta caja no tiene una serie configurada para el comprobante ${d.docType}.`,
  TOTAL_CHANGED: (d: { totalCents: number }) =>
    `El total de la venta cambió a ${formatSoles(d.totalCents)}. Revise el cobro antes de confirmar.`,
  SALE_NOT_FOUND: () => 'No se encontró la venta.',
  SETTING_INVALID: (d: { key: string; reason: string }) => `Configuración ${d.key} no válida: ${d.reason}.`,
  CERTIFICATE_INVALID: (d: { reason: string }) => `Certificado digital no aceptado: ${d.reason}`,
  CERTIFICATE_MISSING: () =>
    'La tienda no tiene un certificado digital instalado. Un administrador debe cargarlo en Configuración.',
  FISCAL_REJECTED: (d: { findings: { code: string; message: string }[] }) =>
    `SUNAT rechazaría este comprobante: ${d.findings
      .slice(0, 3)
      .map((f) => `${f.code} ${f.message}`)
      .join('; ')}. La venta no se registró; corrija los datos e intente de nuevo.`,
  FISCAL_UNAVAILABLE: () =>
    'No se pudo cargar la validación de SUNAT en esta caja, así que no se emitió el comprobante. Reinicie Mostrador; si sigue, llame a soporte.',
  FISCAL_DOCUMENT_NOT_FOUND: () => 'No se encontró el comprobante electrónico.',
  FISCAL_NOT_RETRYABLE: (d: { status: string }) =>
    `El comprobante está ${d.status}: no se puede reintentar su envío.`,
  SUNAT_SETTINGS_INVALID: (d: { reason: string }) => `Configuración de envío a SUNAT no válida: ${d.reason}.`,
  RETURN_INVALID: (d: { reason: string }) => `Devolución no válida: ${d.reason}.`,
  VOID_NOT_ALLOWED: (d: { reason: string }) => `No se puede anular: ${d.reason}.`,
  DEBIT_NOTE_INVALID: (d: { reason: string }) => `Nota de débito no válida: ${d.reason}.`,
  FISCAL_DOCUMENT_INVALID: (d: { problem: string }) => `${d.problem} No se registró ningún cambio.`,
  PRINTER_NOT_CONFIGURED: () =>
    'Esta caja no tiene una impresora configurada. Un administrador puede elegirla en Dispositivos.',
  PRINTER_FAILED: (d: { message: string }) => d.message,
  PRINT_JOB_NOT_FOUND: () => 'Ese trabajo de impresión ya no existe.',
  DEVICE_FAILED: (d: { message: string }) => d.message,
  CASH_SESSION_REQUIRED: () =>
    'La caja está cerrada. Un supervisor debe abrirla (con el fondo inicial) antes de vender o devolver dinero.',
  CASH_SESSION_ALREADY_OPEN: () => 'Esta caja ya tiene una sesión abierta: ciérrela antes de abrir otra.',
  CASH_SESSION_NOT_FOUND: () => 'No se encontró esa sesión de caja.',
  CASH_COUNT_INVALID: (d: { reason: string }) => `Conteo de efectivo no válido: ${d.reason}.`,
  CASH_OUT_EXCEEDS: (d: { availableCents: number }) =>
    `No se puede retirar más efectivo del que debería haber en la caja (${formatSoles(d.availableCents)}).`,
  CASH_CLOSE_OVER_LIMIT: (d: { differenceCents: number; limitCents: number }) =>
    `La diferencia del cierre (${formatSoles(d.differenceCents)}) supera el límite de ${formatSoles(d.limitCents)}: debe autorizarla un administrador.`,
  CASH_CLOSE_REASON_REQUIRED: () =>
    'La diferencia supera el límite: escriba el motivo (al menos 5 letras) para cerrar la caja.',
  AUDIT_FILTER_INVALID: (d: { reason: string }) => `Filtro de auditoría no válido: ${d.reason}.`,
  AUDIT_EXPORT_TOO_LARGE: (d: { count: number; max: number }) =>
    `La exportación tendría ${d.count} entradas y el máximo es ${d.max}. Acote las fechas, la acción o el usuario.`,
  // People: PIN lockout and user management.
  USER_LOCKED: (d: { username: string; minutes: number }) =>
    `El usuario ${d.username} está bloqueado por ${d.minutes} ${d.minutes === 1 ? 'minuto' : 'minutos'} por demasiados intentos con un PIN incorrecto. Espere o pida a un administrador que lo desbloquee.`,
  USER_NOT_FOUND: () => 'El usuario ya no existe.',
  USERNAME_INVALID: (d: { username: string }) =>
    `El usuario «${d.username}» no es válido: use de 3 a 30 letras minúsculas, dígitos, punto, guion o guion bajo, sin espacios.`,
  USERNAME_TAKEN: (d: { username: string }) =>
    `Ya existe un usuario ${d.username} (activo o desactivado). Elija otro nombre de usuario.`,
  FULL_NAME_INVALID: () => 'Ingrese el nombre completo de la persona (de 3 a 80 caracteres).',
  PIN_WEAK: (d: { reason: string }) => `PIN no aceptado: ${d.reason}.`,
  CANNOT_DEACTIVATE_SELF: () =>
    'No puede desactivar su propio usuario. Pida a otro administrador que lo haga.',
  LAST_ADMINISTRATOR: (d: { action: string }) =>
    `No se puede ${d.action}: es el último administrador activo. Primero cree o reactive otro administrador.`,
  INTERNAL: () => 'Ocurrió un error inesperado y no se guardó ningún cambio. Intente de nuevo.',
} as const;

export type ErrorCode = keyof typeof messages;
export type ErrorDetails<C extends ErrorCode> =
  Parameters<(typeof messages)[C]> extends [infer D] ? D : undefined;

/** The shape an error takes when it crosses a boundary (IPC, HTTP). */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C>;

  constructor(code: C, ...details: ErrorDetails<C> extends undefined ? [] : [ErrorDetails<C>]) {
    const detail = details[0] as ErrorDetails<C>;
    const render = messages[code] as (d: ErrorDetails<C>) => string;
    super(render(detail));
    this.name = 'AppError';
    this.code = code;
    this.details = detail;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
