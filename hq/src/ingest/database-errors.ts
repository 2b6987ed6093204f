import { reasons } from './ingest-reasons';

/** The fields pg and PGlite both put on a server error. */
export interface DatabaseErrorInfo {
  sqlState: string;
  constraint: string | null;
  message: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The SQLSTATE of an error raised by PostgreSQL (pg or PGlite), or null for anything else. */
export function databaseErrorInfo(error: unknown): DatabaseErrorInfo | null {
  if (typeof error !== 'object' || error === null) return null;
  const code: unknown = Reflect.get(error, 'code');
  // Node's own errors (ECONNRESET, EPIPE…) also have a code, but never one with a digit.
  if (typeof code !== 'string' || !SQLSTATE.test(code) || !/\d/.test(code)) return null;
  const constraint: unknown = Reflect.get(error, 'constraint');
  const message: unknown = Reflect.get(error, 'message');
  return {
    sqlState: code,
    constraint: typeof constraint === 'string' ? constraint : null,
    message: typeof message === 'string' ? message : String(error),
  };
}

/**
 * Errors that come from a record's own data (class 23 integrity, class 22 data exception):
 * the same record fails the same way every time, so it is rejected rather than retried
 * forever, which would block the terminal's queue.
 */
export function isRecordDataError(info: DatabaseErrorInfo | null): info is DatabaseErrorInfo {
  return info !== null && (info.sqlState.startsWith('23') || info.sqlState.startsWith('22'));
}

/** Serialization failure or deadlock: the whole batch may simply be tried again. */
export function isTransient(info: DatabaseErrorInfo | null): boolean {
  return info !== null && (info.sqlState === '40001' || info.sqlState === '40P01');
}

/** A Spanish reason for a record PostgreSQL refused. */
export function dataErrorReason(info: DatabaseErrorInfo): string {
  const rule = info.constraint ? ` (${info.constraint})` : '';
  switch (info.sqlState) {
    case '23505':
      return reasons.integrity(`dato repetido${rule}.`);
    case '23503':
      return reasons.integrity(`hace referencia a un dato que la central no tiene${rule}.`);
    case '23514':
      return reasons.integrity(`valores que no cumplen una regla${rule}.`);
    case '23502':
      return reasons.integrity(`falta un dato obligatorio${rule}.`);
    default:
      return info.sqlState.startsWith('22')
        ? reasons.integrity(`valor con formato inválido o fuera de rango (${info.message}).`)
        : reasons.integrity(`dato inconsistente${rule} (${info.sqlState}).`);
  }
}
