import type { ChainBreak, ChainBreakReason } from '../../../src-main/api/audit-contract';
import { formatSoles } from '../../shared/format';

/** What each action means, for people; an action not listed shows its code. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Ingreso al sistema',
  'auth.logout': 'Salida del sistema',
  'auth.login_failed': 'Ingreso fallido (PIN o usuario incorrecto)',
  'auth.approval_refused': 'Autorización rechazada',
  'auth.user_locked': 'Usuario bloqueado por PIN incorrecto',
  'auth.pin_attempts_cleared': 'Intentos de PIN reiniciados',
  'auth.session_expired': 'Sesión vencida por inactividad',
  'cash.session_opened': 'Caja abierta',
  'cash.session_closed': 'Caja cerrada',
  'cash.cash_in': 'Ingreso de efectivo',
  'cash.cash_out': 'Retiro de efectivo',
  'user.created': 'Usuario creado',
  'user.updated': 'Usuario modificado',
  'user.pin_reset': 'PIN cambiado',
  'user.unlocked': 'Usuario desbloqueado',
  'user.deactivated': 'Usuario desactivado',
  'user.reactivated': 'Usuario reactivado',
  'settings.security.updated': 'Seguridad configurada',
  'cart.quantity_reduced': 'Cantidad reducida',
  'cart.line_removed': 'Producto quitado de la venta',
  'cart.line_discount_set': 'Descuento en un producto',
  'cart.sale_discount_set': 'Descuento a la venta',
  'cart.held': 'Venta puesta en espera',
  'cart.resumed': 'Venta en espera retomada',
  'cart.cancelled': 'Venta cancelada',
  'sale.completed': 'Venta cobrada',
  'sale.voided': 'Venta anulada',
  'note.credit.issued': 'Nota de crédito emitida',
  'note.debit.issued': 'Nota de débito emitida',
  'customer.created': 'Cliente registrado',
  'customer.updated': 'Cliente modificado',
  'exchange_rate.set': 'Tipo de cambio registrado',
  'settings.fiscal.updated': 'Configuración SUNAT cambiada',
  'fiscal.certificate.installed': 'Certificado digital instalado',
  'fiscal.sol.updated': 'Clave SOL cambiada',
  'fiscal.retry': 'Reenvío a SUNAT pedido',
  'fiscal.document.queued': 'Comprobante en cola para SUNAT',
  'devices.settings_changed': 'Dispositivos configurados',
  'drawer.opened': 'Gaveta abierta sin venta',
  'receipt.reprinted': 'Comprobante reimpreso',
  'audit.verified': 'Cadena de auditoría verificada',
  'audit.exported': 'Auditoría exportada',
};

/** The first part of an action name, as offered in the filter. */
const GROUP_LABELS: Record<string, string> = {
  audit: 'Auditoría',
  auth: 'Ingresos y autorizaciones',
  cart: 'Venta en curso',
  cash: 'Caja',
  customer: 'Clientes',
  devices: 'Dispositivos',
  drawer: 'Gaveta',
  exchange_rate: 'Tipo de cambio',
  fiscal: 'SUNAT',
  note: 'Notas de crédito y débito',
  receipt: 'Impresión',
  sale: 'Ventas',
  settings: 'Configuración',
  user: 'Usuarios',
  users: 'Usuarios',
};

const ENTITY_LABELS: Record<string, string> = {
  audit_log: 'Auditoría',
  cart: 'Venta en curso',
  cash_session: 'Sesión de caja',
  customer: 'Cliente',
  drawer: 'Gaveta',
  exchange_rate: 'Tipo de cambio',
  fiscal_credentials: 'Credenciales SUNAT',
  fiscal_document: 'Comprobante electrónico',
  note: 'Nota',
  sale: 'Venta',
  settings: 'Configuración',
  user: 'Usuario',
};

export const BREAK_REASONS: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'el contenido de la entrada no coincide con su hash: fue modificada',
  'link-mismatch':
    'la entrada no apunta al hash de la anterior: la anterior fue modificada o se borraron entradas entre ambas',
  'seq-gap': 'faltan números en la secuencia: se borraron entradas',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

export interface ActionGroup {
  /** `auth.`: what the group's option filters by. */
  prefix: string;
  label: string;
  actions: string[];
}

/** The filter's choices: each group (all its actions) followed by its actions one by one. */
export function actionGroups(actions: readonly string[]): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const action of [...new Set(actions)].sort()) {
    const head = action.split('.')[0] ?? action;
    let group = groups.get(head);
    if (!group) {
      group = { prefix: `${head}.`, label: GROUP_LABELS[head] ?? head, actions: [] };
      groups.set(head, group);
    }
    group.actions.push(action);
  }
  return [...groups.values()];
}

/** `23/11/2026 10:15:30` from the stored Lima timestamp (`2026-11-23T10:15:30-05:00`). */
export function formatAuditTime(at: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}` : at;
}

/** The first link that does not hold, in one sentence. */
export function describeBreak(broken: ChainBreak): string {
  if (broken.id === '') {
    return `Faltan entradas al final del registro: la última es la N.º ${broken.found} y llegó a haber hasta la N.º ${broken.expected}.`;
  }
  return `Primer eslabón roto: entrada N.º ${broken.seq}, ${actionLabel(broken.action)} (${broken.action}) del ${formatAuditTime(broken.at)}. Motivo: ${BREAK_REASONS[broken.reason]}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One value, short: amounts in soles, nested things as compact JSON. */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /Cents$/.test(key) && Number.isInteger(value)) return formatSoles(value);
  // A hash is recognised by its first digits.
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return `${value.slice(0, 12)}…`;
  if (typeof value === 'string') return clip(value, 40);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return clip(JSON.stringify(value), 40);
}

function changes(key: string, before: unknown, after: unknown): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return ['sin cambios'];
    return changed.map((k) => `${k}: ${show(k, before[k])} → ${show(k, after[k])}`);
  }
  if ((before === null || before === undefined) && isRecord(after)) {
    return [
      `nuevo: ${Object.entries(after)
        .map(([k, v]) => `${k}: ${show(k, v)}`)
        .join(', ')}`,
    ];
  }
  return [`${show(key, before)} → ${show(key, after)}`];
}

const SHORT_REASONS: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'entrada modificada',
  'link-mismatch': 'enlace roto',
  'seq-gap': 'entradas borradas',
};

/** A verification's own entry: its verdict, in words. */
function verdictSummary(data: Record<string, unknown>): string | null {
  if (data.ok === true && typeof data.entries === 'number') return `Íntegra: ${data.entries} entradas`;
  const broken = data.firstBroken;
  if (
    data.ok === false &&
    isRecord(broken) &&
    typeof broken.reason === 'string' &&
    broken.reason in SHORT_REASONS
  )
    return `Rota en la entrada N.º ${String(broken.seq)} (${SHORT_REASONS[broken.reason as ChainBreakReason]})`;
  return null;
}

/**
 * An entry's data on one line: what changed (`campo: antes → después`) when it records a
 * before and an after, otherwise its facts (`total: S/ 6.50`).
 */
export function summarizeData(data: unknown, max = 140, action = ''): string {
  if (!isRecord(data)) return data === null || data === undefined ? '' : clip(show('', data), max);
  const verdict = action === 'audit.verified' ? verdictSummary(data) : null;
  if (verdict) return verdict;
  const parts: string[] = [];
  if ('before' in data || 'after' in data) parts.push(...changes('', data.before, data.after));
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'before' && key !== 'after') parts.push(`${key}: ${show(key, value)}`);
  }
  return clip(parts.join(' · '), max);
}
