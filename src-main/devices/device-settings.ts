import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import { DEFAULT_DEVICE_SETTINGS, deviceSettingsSchema, type DeviceSettings } from './device-settings-schema';

type Section = keyof DeviceSettings;
const SECTIONS = Object.keys(DEFAULT_DEVICE_SETTINGS) as Section[];

/** This terminal's device settings: one row per section, defaults for what was never saved. */
export class DeviceSettingsStore {
  private cached: DeviceSettings | null = null;
  private readonly listeners = new Set<(settings: DeviceSettings) => void>();

  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  get(): DeviceSettings {
    this.cached ??= this.read();
    return this.cached;
  }

  /** Validates, stores and audits the whole set in one transaction; listeners then apply it (reopen ports…). */
  save(input: unknown, userId: string | null): DeviceSettings {
    const parsed = deviceSettingsSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppError('SETTING_INVALID', {
        key: 'dispositivos',
        reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', '),
      });
    }
    const next = parsed.data;
    const before = this.get();
    const at = limaTimestamp(this.clock.now());
    this.sql.transaction(() => {
      for (const section of SECTIONS) {
        const value = JSON.stringify(next[section]);
        this.sql.run(
          this.qb
            .insertInto('device_settings')
            .values({ key: section, value, updated_at: at, updated_by: userId })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: userId })),
        );
      }
      this.audit.append({
        action: 'devices.settings_changed',
        entityType: 'device_settings',
        entityId: null,
        userId,
        data: { before, after: next },
      });
    });
    this.cached = next;
    this.listeners.forEach((listener) => listener(next));
    return next;
  }

  onChange(listener: (settings: DeviceSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A section that no longer validates (written by an older release) falls back to its default. */
  private read(): DeviceSettings {
    const rows = this.sql.all(this.qb.selectFrom('device_settings').select(['key', 'value']));
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const merged: Record<string, unknown> = {};
    for (const section of SECTIONS) {
      const raw = stored.get(section);
      const parsed =
        raw === undefined ? null : deviceSettingsSchema.shape[section].safeParse(JSON.parse(raw));
      merged[section] = parsed?.success ? parsed.data : DEFAULT_DEVICE_SETTINGS[section];
    }
    return deviceSettingsSchema.parse(merged);
  }
}
