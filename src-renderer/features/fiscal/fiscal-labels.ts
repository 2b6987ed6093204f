import type { FiscalDocType, FiscalStatus } from '../../../db/schema';
import type { CertificateState } from '../../../src-main/fiscal/credentials/fiscal-credentials';
import type { SenderStatus } from '../../../src-main/fiscal/sender/fiscal-sender';

/** How a state reads at a glance: the colour of its badge or panel. */
export type Tone = 'ok' | 'info' | 'warn' | 'bad';

export const DOC_TYPE_NAMES: Record<FiscalDocType, string> = {
  '01': 'Factura',
  '03': 'Boleta',
  '07': 'N. Crédito',
  '08': 'N. Débito',
  RC: 'Resumen diario',
  RA: 'Baja',
};

export const STATUS_TONES: Record<FiscalStatus, Tone> = {
  unsigned: 'warn',
  pending: 'info',
  sent: 'info',
  accepted: 'ok',
  observed: 'warn',
  rejected: 'bad',
  needs_attention: 'bad',
};

export const CERTIFICATE_TONES: Record<CertificateState, Tone> = {
  ok: 'ok',
  expiring: 'warn',
  missing: 'bad',
  expired: 'bad',
  'not-yet-valid': 'bad',
  'ruc-mismatch': 'bad',
};

const LIMA_OFFSET_MS = -5 * 60 * 60 * 1000;

/**
 * `23/11/2026 21:05` in Lima's wall-clock time, whatever offset the instant was written with
 * (the core writes `-05:00`, certificates come in UTC). Peru keeps UTC-5 all year.
 */
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const lima = new Date(ms + LIMA_OFFSET_MS).toISOString();
  return `${formatDay(lima.slice(0, 10))} ${lima.slice(11, 16)}`;
}

/** `23/11/2026` from `2026-11-23`. */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

export interface SenderSummary {
  tone: Tone;
  headline: string;
  details: Array<{ label: string; value: string }>;
}

const SENDER_HEADLINES: Record<SenderStatus['state'], { tone: Tone; headline: string }> = {
  idle: { tone: 'ok', headline: 'En línea con SUNAT' },
  sending: { tone: 'info', headline: 'Enviando a SUNAT…' },
  offline: { tone: 'bad', headline: 'Sin conexión con SUNAT' },
  'not-configured': { tone: 'bad', headline: 'Envío a SUNAT no configurado' },
};

/** The sender's state as the monitor words it: a headline and the times behind it. */
export function describeSender(sender: SenderStatus): SenderSummary {
  const { tone, headline } = SENDER_HEADLINES[sender.state];
  const details: SenderSummary['details'] = [];
  if (sender.state === 'offline' && sender.offlineSince) {
    details.push({ label: 'Sin conexión desde', value: formatTimestamp(sender.offlineSince) });
  }
  if (sender.lastError) {
    const code = sender.lastError.code ? ` (${sender.lastError.code})` : '';
    details.push({
      label: sender.state === 'offline' ? 'Último intento fallido' : 'Último error',
      value: formatTimestamp(sender.lastError.at),
    });
    details.push({ label: 'Motivo', value: `${sender.lastError.message}${code}` });
  }
  if (sender.retryAt) details.push({ label: 'Próximo reintento', value: formatTimestamp(sender.retryAt) });
  details.push({
    label: 'Último envío correcto',
    value: sender.lastSuccessAt
      ? formatTimestamp(sender.lastSuccessAt)
      : 'Ninguno desde que se inició Mostrador',
  });
  // An error outside SUNAT's answers (idle with an error) still deserves a look.
  return { tone: sender.state === 'idle' && sender.lastError ? 'warn' : tone, headline, details };
}
