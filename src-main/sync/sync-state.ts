import type { Kysely } from 'kysely';
import type { Database, SyncStateTable } from '../../db/schema';
import type { SecretBox } from '../fiscal/secrets/secret-box';
import type { Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import type { SyncErrorView } from './sync-views';

/** The sync_state row as the engine reads it (the credential stays sealed until asked for). */
export interface SyncStateSnapshot {
  enrolled: boolean;
  hqUrl: string | null;
  storeName: string | null;
  enrolledAt: string | null;
  pullCursor: number;
  nightlyHour: number;
  lastNightlyRunOn: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncErrorView | null;
  clockSkewMs: number | null;
}

export interface EnrolmentRecord {
  hqUrl: string;
  storeName: string;
  /** `<terminalId>.<token>`, sealed before it is written. */
  bearer: string;
  userId: string;
}

type StateUpdate = Partial<Omit<SyncStateTable, 'singleton' | 'updated_at'>>;

/**
 * The terminal's one sync_state row: enrolment, the sealed credential, the pull cursor and
 * what the status indicator shows after a restart. The writes that must be atomic with other
 * rows (cursor with its page, enrolment with its audit entry) expect the caller's transaction.
 */
export class SyncStateStore {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  read(): SyncStateSnapshot {
    const row = this.row();
    return {
      enrolled: row.credential_sealed !== null && row.hq_url !== null,
      hqUrl: row.hq_url,
      storeName: row.store_name,
      enrolledAt: row.enrolled_at,
      pullCursor: row.pull_cursor,
      nightlyHour: row.nightly_hour,
      lastNightlyRunOn: row.last_nightly_run_on,
      lastSuccessAt: row.last_success_at,
      lastAttemptAt: row.last_attempt_at,
      lastError:
        row.last_error_code && row.last_error_message && row.last_error_at
          ? { code: row.last_error_code, message: row.last_error_message, at: row.last_error_at }
          : null,
      clockSkewMs: row.clock_skew_ms,
    };
  }

  /** Where to talk and with which bearer; null when not enrolled. Throws SecretBoxError on a foreign key. */
  credential(): { hqUrl: string; bearer: string } | null {
    const row = this.row();
    if (!row.hq_url || !row.credential_sealed) return null;
    return { hqUrl: row.hq_url, bearer: Buffer.from(this.box.open(row.credential_sealed)).toString('utf8') };
  }

  pullCursor(): number {
    return this.row().pull_cursor;
  }

  /** Inside the enrolment transaction. Another headquarters starts its change numbers over. */
  saveEnrolment(enrolment: EnrolmentRecord): void {
    const current = this.row();
    const at = limaTimestamp(this.clock.now());
    const sameHq = current.hq_url === enrolment.hqUrl;
    this.update({
      hq_url: enrolment.hqUrl,
      store_name: enrolment.storeName,
      credential_sealed: this.box.seal(Buffer.from(enrolment.bearer, 'utf8')),
      enrolled_at: at,
      enrolled_by: enrolment.userId,
      pull_cursor: sameHq ? current.pull_cursor : 0,
      last_success_at: at,
      last_attempt_at: at,
      last_error_code: null,
      last_error_message: null,
      last_error_at: null,
      clock_skew_ms: null,
    });
  }

  /** Inside the page's transaction, so the cursor never runs ahead of the rows it stands for. */
  setPullCursor(cursor: number): void {
    this.update({ pull_cursor: cursor });
  }

  setNightlyHour(hour: number): void {
    this.update({ nightly_hour: hour });
  }

  setNightlyRunOn(date: string): void {
    this.update({ last_nightly_run_on: date });
  }

  setClockSkew(skewMs: number | null): void {
    this.update({ clock_skew_ms: skewMs });
  }

  recordSuccess(attemptAt: Date, at: Date): void {
    this.update({
      last_attempt_at: limaTimestamp(attemptAt),
      last_success_at: limaTimestamp(at),
      last_error_code: null,
      last_error_message: null,
      last_error_at: null,
    });
  }

  recordError(attemptAt: Date, error: { code: string; message: string; at: Date }): void {
    this.update({
      last_attempt_at: limaTimestamp(attemptAt),
      last_error_code: error.code,
      last_error_message: error.message,
      last_error_at: limaTimestamp(error.at),
    });
  }

  private row(): SyncStateTable {
    const row = this.sql.first(this.qb.selectFrom('sync_state').selectAll().where('singleton', '=', 1));
    if (row) return row;
    // Migration 0008 inserts the row; a file whose row went missing gets it back, empty.
    const fresh = {
      singleton: 1,
      pull_cursor: 0,
      nightly_hour: 2,
      updated_at: limaTimestamp(this.clock.now()),
    };
    this.sql.run(
      this.qb
        .insertInto('sync_state')
        .values(fresh)
        .onConflict((oc) => oc.doNothing()),
    );
    return this.sql.first(
      this.qb.selectFrom('sync_state').selectAll().where('singleton', '=', 1),
    ) as SyncStateTable;
  }

  private update(values: StateUpdate): void {
    this.row();
    this.sql.run(
      this.qb
        .updateTable('sync_state')
        .set({ ...values, updated_at: limaTimestamp(this.clock.now()) })
        .where('singleton', '=', 1),
    );
  }
}
