import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { limaTimestamp } from '../shared/lima-time';
import { DEFAULT_VARIABLE_MEASURE_RULES, validateRule } from '../catalog/variable-measure';

const variableMeasureRule = z
  .object({
    prefix: z.string(),
    kind: z.enum(['weight', 'price']),
    pluStart: z.number().int(),
    pluLength: z.number().int(),
    valueStart: z.number().int(),
    valueLength: z.number().int(),
  })
  .superRefine((rule, ctx) => {
    const problem = validateRule(rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The SOL password travels in the request: HTTPS, except to this very machine (the emulator). */
const secureUrl = z.url({ protocol: /^https?$/ }).refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}, 'use https (http solo se admite hacia este mismo equipo)');

/** Business settings of the store: typed, validated, with the defaults a Peruvian store starts with. */
export const SETTING_SCHEMAS = {
  /** IGV rate in basis points (18 % = 1800). */
  'tax.igvBps': z.number().int().min(0).max(5000),
  /** Discounts up to this share of a line (or of the sale) need no supervisor. */
  'sales.discountLimitBps': z.number().int().min(0).max(10_000),
  /** Boletas above this total must identify the customer (SUNAT: more than S/ 700). */
  'sales.boletaIdentificationThresholdCents': z.number().int().min(0),
  /** In-store scale label layouts, first match wins. */
  'catalog.variableMeasureRules': z.array(variableMeasureRule).max(10),
  /** Where documents go: SUNAT beta (demo), SUNAT production, or an OSE / other URL. */
  'fiscal.endpoint': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('beta') }),
    z.object({ kind: z.literal('production') }),
    z.object({
      kind: z.literal('ose'),
      billServiceUrl: secureUrl,
      consultServiceUrl: secureUrl.nullable(),
    }),
  ]),
  /** Boletas go inside a Resumen Diario (SUNAT's usual way) or one by one with sendBill. */
  'fiscal.boletaDelivery': z.enum(['summary', 'individual']),
  /** A Resumen Diario is sent once the oldest boleta waiting for it is this old. */
  'fiscal.summaryBatchMinutes': z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  'fiscal.boletaDeadlineDays': z.number().int().min(1).max(30),
  'fiscal.voidDeadlineDays': z.number().int().min(1).max(30),
  'fiscal.signatureAlgorithm': z.enum(['sha1', 'sha256']),
  /** Bound on one SOAP exchange with SUNAT (connect + answer). */
  'fiscal.timeoutSeconds': z.number().int().min(5).max(180),
  /** The cashier counts the drawer without seeing what is expected; a supervisor confirms. */
  'cash.blindClose': z.boolean(),
  /** A close whose difference is larger than this needs an administrador and a written reason. */
  'cash.closeDifferenceLimitCents': z.number().int().min(0).max(10_000_000),
  /** A copy of a fiscal receipt needs a supervisor's PIN (the original, reprinted after a failure, never does). */
  'receipts.reprintNeedsApproval': z.boolean(),
  /** An idle session ends after this long: the screen goes back to the login. */
  'security.inactivityMinutes': z.number().int().min(1).max(240),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  'tax.igvBps': 1800,
  'sales.discountLimitBps': 1000,
  'sales.boletaIdentificationThresholdCents': 70_000,
  'catalog.variableMeasureRules': [...DEFAULT_VARIABLE_MEASURE_RULES],
  'fiscal.endpoint': { kind: 'beta' },
  'fiscal.boletaDelivery': 'summary',
  'fiscal.summaryBatchMinutes': 30,
  'fiscal.boletaDeadlineDays': 3,
  'fiscal.voidDeadlineDays': 7,
  'fiscal.signatureAlgorithm': 'sha1',
  'fiscal.timeoutSeconds': 30,
  'cash.blindClose': false,
  'cash.closeDifferenceLimitCents': 1_000,
  'receipts.reprintNeedsApproval': false,
  'security.inactivityMinutes': 10,
};

/** Reads are cached in memory (they sit on the scan path); writes go through `set` only. */
export class StoreSettings {
  private readonly cache = new Map<SettingKey, unknown>();

  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  get<K extends SettingKey>(key: K): SettingValue<K> {
    if (this.cache.has(key)) return this.cache.get(key) as SettingValue<K>;
    const row = this.sql.first(this.qb.selectFrom('settings').select('value').where('key', '=', key));
    const value = row
      ? (SETTING_SCHEMAS[key].parse(JSON.parse(row.value)) as SettingValue<K>)
      : SETTING_DEFAULTS[key];
    this.cache.set(key, value);
    return value;
  }

  /** Call inside the transaction that audits the change. */
  set<K extends SettingKey>(key: K, value: unknown, userId: string | null): SettingValue<K> {
    const parsed = SETTING_SCHEMAS[key].safeParse(value);
    if (!parsed.success) {
      throw new AppError('SETTING_INVALID', {
        key,
        reason: parsed.error.issues.map((i) => i.message).join(', '),
      });
    }
    const json = JSON.stringify(parsed.data);
    const at = limaTimestamp(this.clock.now());
    this.sql.run(
      this.qb
        .insertInto('settings')
        .values({ key, value: json, updated_at: at, updated_by: userId })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: userId }),
        ),
    );
    this.cache.delete(key);
    return parsed.data as SettingValue<K>;
  }
}
