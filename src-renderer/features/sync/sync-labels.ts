import type { SyncState, SyncStatusView } from '../../../src-main/sync/sync-views';
import { formatTimestamp } from '../fiscal/fiscal-labels';

/** How the sync state reads at a glance; `off`: nothing to expect (not enrolled). */
export type SyncTone = 'ok' | 'info' | 'warn' | 'bad' | 'off';

interface StateWords {
  tone: SyncTone;
  /** The top bar's chip: a few words. */
  chip: string;
  /** The Sincronización screen's headline. */
  headline: string;
}

const STATE_WORDS: Record<SyncState, StateWords> = {
  not_enrolled: {
    tone: 'off',
    chip: 'Sin inscribir',
    headline: 'Esta caja no está inscrita en una central',
  },
  online: { tone: 'ok', chip: 'Central: en línea', headline: 'En línea con la central' },
  offline: { tone: 'warn', chip: 'Sin conexión', headline: 'Sin conexión con la central' },
  syncing: { tone: 'info', chip: 'Sincronizando…', headline: 'Sincronizando con la central…' },
  error: { tone: 'bad', chip: 'Error', headline: 'La central respondió con un error' },
};

/** The state to show: "Sincronizar ahora" pressed here reads as syncing before the core says so. */
export function shownState(status: Pick<SyncStatusView, 'state'>, syncingHere: boolean): SyncState {
  if (status.state === 'not_enrolled') return 'not_enrolled';
  return syncingHere ? 'syncing' : status.state;
}

export function stateWords(state: SyncState): StateWords {
  return STATE_WORDS[state];
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 pendiente`, `12 pendientes`, `50,000 pendientes`: outbox rows headquarters has not acknowledged. */
export function pendingText(count: number): string {
  return count === 1 ? '1 pendiente' : `${grouped(count)} pendientes`;
}

/** `1 rechazado`, `3 rechazados`. */
export function rejectedText(count: number): string {
  return count === 1 ? '1 rechazado' : `${grouped(count)} rechazados`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `5 min`, `2 h`, `1 h 30 min` (rounded to the minute, at least 1 min). */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * `hace 3 min`, `en 2 min`, `hace un momento`; beyond a day the date itself (a relative
 * "hace 4 días" hides which day it was). `nowMs` is this screen's clock, the same machine's
 * clock the core stamped the time with.
 */
export function relativeTime(at: string, nowMs: number): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const diff = ms - nowMs;
  if (Math.abs(diff) >= DAY_MS) return `el ${formatTimestamp(at)}`;
  if (diff <= 0) return -diff < MINUTE_MS ? 'hace un momento' : `hace ${durationText(diff)}`;
  return diff < MINUTE_MS ? 'en unos segundos' : `en ${durationText(diff)}`;
}

/** `23/11/2026 10:15 (hace 3 min)`: the exact time first, for the screen's facts. */
export function timeWithRelative(at: string, nowMs: number): string {
  const relative = relativeTime(at, nowMs);
  return relative.startsWith('el ') ? formatTimestamp(at) : `${formatTimestamp(at)} (${relative})`;
}

/** The next retry is never "hace…": once due, it is about to happen. */
export function nextAttemptText(at: string, nowMs: number): string {
  const ms = Date.parse(at);
  if (!Number.isNaN(ms) && ms - nowMs < MINUTE_MS) return 'en unos segundos';
  return relativeTime(at, nowMs);
}

/**
 * The warning for a clock headquarters flagged. `skewMs` is headquarters' clock minus ours:
 * positive means this terminal's clock is behind.
 */
export function clockSkewText(skewMs: number | null): string | null {
  if (skewMs === null || skewMs === 0) return null;
  const direction = skewMs > 0 ? 'atrasado' : 'adelantado';
  return `El reloj de esta caja está desfasado ${durationText(skewMs)} (va ${direction}).`;
}

/** `02:00`. */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function nightlyText(hour: number): string {
  return `Sincronización nocturna a las ${hourText(hour)}`;
}

/** Outbox topics without their version (`sale.completed.v2` → `sale.completed`), in words. */
const TOPIC_NAMES: Record<string, string> = {
  'sale.completed': 'Venta',
  'note.issued': 'Nota de crédito o débito',
  'sale.voided': 'Anulación',
  'fiscal.status': 'Estado SUNAT',
  'stock.movement': 'Movimiento de stock',
  'cash_session.opened': 'Apertura de caja',
  'cash_movement.recorded': 'Movimiento de caja',
  'cash_session.closed': 'Cierre de caja',
  'audit.entry': 'Auditoría',
};

/** What a record is, for people; a topic this screen does not know shows its code. */
export function topicLabel(topic: string): string {
  return TOPIC_NAMES[topic.replace(/\.v\d+$/, '')] ?? topic;
}

export interface Fact {
  label: string;
  value: string;
}

/** The times and problems behind the state, in the order a person asks about them. */
export function statusFacts(status: SyncStatusView, nowMs: number): Fact[] {
  const facts: Fact[] = [];
  facts.push({
    label: 'Última sincronización',
    value: status.lastSuccessAt
      ? timeWithRelative(status.lastSuccessAt, nowMs)
      : status.enrolled
        ? 'Ninguna todavía'
        : 'Nunca: la caja no está inscrita',
  });
  if (status.lastError) {
    facts.push({ label: 'Último error', value: `${status.lastError.message} (${status.lastError.code})` });
    facts.push({ label: 'Error registrado', value: timeWithRelative(status.lastError.at, nowMs) });
  }
  if (status.nextAttemptAt) {
    facts.push({
      label: 'Próximo intento',
      value: `${formatTimestamp(status.nextAttemptAt)} (${nextAttemptText(status.nextAttemptAt, nowMs)})`,
    });
  }
  return facts;
}

export interface NowOutcome {
  kind: 'info' | 'error';
  text: string;
}

/** What "Sincronizar ahora" achieved, from the status the core answered with. */
export function syncNowOutcome(after: SyncStatusView): NowOutcome {
  if (!after.enrolled) {
    return {
      kind: 'error',
      text: 'Esta caja no está inscrita en una central: un administrador debe inscribirla en Sincronización.',
    };
  }
  if ((after.state === 'offline' || after.state === 'error') && after.lastError) {
    return { kind: 'error', text: `No se pudo sincronizar: ${after.lastError.message}` };
  }
  const left = after.pendingCount === 0 ? 'nada pendiente' : `quedan ${pendingText(after.pendingCount)}`;
  const dead = after.deadCount > 0 ? ` ${rejectedText(after.deadCount)} por la central.` : '';
  return { kind: 'info', text: `Sincronizado: ${left}.${dead}` };
}

/** What the screen can tell about the enrolment form before asking the core (which checks the rest). */
export function enrolProblem(hqUrl: string, code: string): string | null {
  if (hqUrl.trim() === '')
    return 'Escriba la dirección de la central (por ejemplo https://central.mitienda.pe).';
  if (!/^https?:\/\//i.test(hqUrl.trim()))
    return 'La dirección de la central empieza con http:// o https://.';
  if (code.trim() === '') return 'Escriba el código de inscripción que le dieron en la central.';
  return null;
}

/** The chip's tooltip: everything the popover says, as plain lines. */
export function tooltipText(status: SyncStatusView, state: SyncState, nowMs: number): string {
  const where = status.storeName ? ` (${status.storeName})` : '';
  const lines = [`${stateWords(state).headline}${where}`, `Envíos: ${pendingText(status.pendingCount)}`];
  if (status.deadCount > 0) lines.push(`${rejectedText(status.deadCount)} por la central`);
  for (const fact of statusFacts(status, nowMs)) lines.push(`${fact.label}: ${fact.value}`);
  const skew = clockSkewText(status.clockSkewMs);
  if (skew) lines.push(skew);
  return lines.join('\n');
}

/** The shared `tone-*` boxes (base.css), plus grey for "nothing to expect" (sync.css). */
export function toneBoxClass(tone: SyncTone): string {
  return tone === 'off' ? 'sync-box-off' : `tone-${tone}`;
}
