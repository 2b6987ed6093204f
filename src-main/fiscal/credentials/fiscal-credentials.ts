import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { limaTimestamp } from '../../shared/lima-time';
import type { Sql } from '../../storage/sql';
import type { SecretBox } from '../secrets/secret-box';
import {
  assertCertificateFor,
  CertificateError,
  loadPfx,
  type StoreCertificate,
} from '../signing/certificate';

export type CertificateState = 'missing' | 'ok' | 'expiring' | 'expired' | 'not-yet-valid' | 'ruc-mismatch';

/** What settings and the monitor show about the signing certificate; never the key. */
export interface CertificateStatus {
  state: CertificateState;
  /** Spanish, ready to show. */
  message: string;
  subject: string | null;
  serialNumber: string | null;
  notBefore: string | null;
  notAfter: string | null;
}

export interface SolCredentials {
  user: string;
  password: string;
}

const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The store's signing certificate and SOL user, sealed in the database. The decoded certificate
 * is kept in memory after the first use, so signing a sale never re-reads the PFX.
 */
export class FiscalCredentials {
  private cached: StoreCertificate | null | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly audit: AuditLog,
    private readonly storeRuc: string,
  ) {}

  /** Checks the PFX (password, key, validity, RUC) before storing it: a bad file never replaces a good one. */
  installCertificate(pfx: Uint8Array, password: string, userId: string | null): CertificateStatus {
    let cert: StoreCertificate;
    try {
      cert = loadPfx(Buffer.from(pfx), password);
      assertCertificateFor(cert, this.storeRuc, this.clock.now());
    } catch (error) {
      if (error instanceof CertificateError)
        throw new AppError('CERTIFICATE_INVALID', { reason: error.message });
      throw error;
    }
    this.sql.transaction(() => {
      this.upsert(
        {
          pfx_sealed: this.box.seal(pfx),
          pfx_password_sealed: this.box.seal(Buffer.from(password, 'utf8')),
          certificate_subject: cert.subject,
          certificate_serial: cert.serialNumber,
          certificate_not_before: cert.notBefore.toISOString(),
          certificate_not_after: cert.notAfter.toISOString(),
        },
        userId,
      );
      this.audit.append({
        action: 'fiscal.certificate.installed',
        entityType: 'fiscal_credentials',
        userId,
        data: {
          subject: cert.subject,
          serialNumber: cert.serialNumber,
          notAfter: cert.notAfter.toISOString(),
        },
      });
    });
    this.cached = cert;
    return this.certificateStatus();
  }

  /** Whether a PFX is stored, without decoding it (start-up must not pay for the PKCS#12 decode). */
  hasCertificate(): boolean {
    return this.row()?.pfx_sealed != null;
  }

  /** The certificate to sign with now, or null when there is none usable (the reason is in `certificateStatus`). */
  signingCertificate(): StoreCertificate | null {
    const cert = this.decoded();
    if (!cert) return null;
    try {
      assertCertificateFor(cert, this.storeRuc, this.clock.now());
      return cert;
    } catch {
      return null;
    }
  }

  certificateStatus(): CertificateStatus {
    const cert = this.decoded();
    if (!cert) {
      return {
        state: 'missing',
        message: 'No hay certificado digital: los comprobantes se guardan sin firmar hasta que se cargue.',
        subject: null,
        serialNumber: null,
        notBefore: null,
        notAfter: null,
      };
    }
    const base = {
      subject: cert.subject,
      serialNumber: cert.serialNumber,
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
    };
    try {
      assertCertificateFor(cert, this.storeRuc, this.clock.now());
    } catch (error) {
      if (!(error instanceof CertificateError)) throw error;
      const state: CertificateState =
        error.code === 'expired'
          ? 'expired'
          : error.code === 'not-yet-valid'
            ? 'not-yet-valid'
            : 'ruc-mismatch';
      return { state, message: error.message, ...base };
    }
    const daysLeft = Math.floor((cert.notAfter.getTime() - this.clock.now().getTime()) / DAY_MS);
    if (daysLeft <= EXPIRY_WARNING_DAYS) {
      return {
        state: 'expiring',
        message: `El certificado vence en ${daysLeft} día${daysLeft === 1 ? '' : 's'}: renuévelo a tiempo.`,
        ...base,
      };
    }
    return { state: 'ok', message: 'Certificado vigente.', ...base };
  }

  setSol(user: string, password: string | null, userId: string | null): void {
    this.sql.transaction(() => {
      this.upsert(
        {
          sol_user: user,
          ...(password === null ? {} : { sol_password_sealed: this.box.seal(Buffer.from(password, 'utf8')) }),
        },
        userId,
      );
      this.audit.append({
        action: 'fiscal.sol.updated',
        entityType: 'fiscal_credentials',
        userId,
        data: { solUser: user, passwordChanged: password !== null },
      });
    });
  }

  sol(): SolCredentials | null {
    const row = this.row();
    if (!row?.sol_user || !row.sol_password_sealed) return null;
    return {
      user: row.sol_user,
      password: Buffer.from(this.box.open(row.sol_password_sealed)).toString('utf8'),
    };
  }

  solUser(): string | null {
    return this.row()?.sol_user ?? null;
  }

  private decoded(): StoreCertificate | null {
    if (this.cached !== undefined) return this.cached;
    const row = this.row();
    if (!row?.pfx_sealed || !row.pfx_password_sealed) {
      this.cached = null;
      return null;
    }
    const password = Buffer.from(this.box.open(row.pfx_password_sealed)).toString('utf8');
    this.cached = loadPfx(Buffer.from(this.box.open(row.pfx_sealed)), password);
    return this.cached;
  }

  private row() {
    return this.sql.first(this.qb.selectFrom('fiscal_credentials').selectAll().where('singleton', '=', 1));
  }

  private upsert(
    values: Partial<Omit<Database['fiscal_credentials'], 'singleton' | 'updated_at' | 'updated_by'>>,
    userId: string | null,
  ): void {
    const at = limaTimestamp(this.clock.now());
    this.sql.run(
      this.qb
        .insertInto('fiscal_credentials')
        .values({ singleton: 1, ...values, updated_at: at, updated_by: userId })
        .onConflict((oc) =>
          oc.column('singleton').doUpdateSet({ ...values, updated_at: at, updated_by: userId }),
        ),
    );
  }
}
