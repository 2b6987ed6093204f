import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './run-statements';

/**
 * The fiscal pipeline: credit/debit notes, voids, the SUNAT queue with the exact signed bytes
 * and CDRs, and the store's signing credentials (sealed; see src-main/fiscal/secrets).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Notes need series of their own: SQLite cannot widen a CHECK, so the table is rebuilt.
    `CREATE TABLE series_v2 (
      serie TEXT PRIMARY KEY CHECK (length(serie) = 4),
      doc_type TEXT NOT NULL CHECK (doc_type IN ('01', '03', '07', '08')),
      last_correlativo INTEGER NOT NULL DEFAULT 0 CHECK (last_correlativo BETWEEN 0 AND 99999999),
      updated_at TEXT NOT NULL,
      -- A note's series carries the letter of the document it modifies (F… or B…).
      CHECK (doc_type IN ('01', '03') OR substr(serie, 1, 1) IN ('F', 'B'))
    )`,
    `INSERT INTO series_v2 (serie, doc_type, last_correlativo, updated_at)
      SELECT serie, doc_type, last_correlativo, updated_at FROM series`,
    `DROP TABLE series`,
    `ALTER TABLE series_v2 RENAME TO series`,
    // Stores that already sell get the usual note series next to their boleta/factura series.
    ...[
      ['BC01', '07', 'B'],
      ['FC01', '07', 'F'],
      ['BD01', '08', 'B'],
      ['FD01', '08', 'F'],
    ].map(
      ([serie, docType, letter]) =>
        `INSERT OR IGNORE INTO series (serie, doc_type, last_correlativo, updated_at)
          SELECT '${serie}', '${docType}', 0, max(updated_at) FROM series WHERE substr(serie, 1, 1) = '${letter}'
          HAVING count(*) > 0`,
    ),

    `CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      doc_type TEXT NOT NULL CHECK (doc_type IN ('07', '08')),
      serie TEXT NOT NULL,
      correlativo INTEGER NOT NULL CHECK (correlativo > 0),
      sale_id TEXT NOT NULL REFERENCES sales(id),
      reason_code TEXT NOT NULL,
      reason_text TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      issue_date TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id),
      approver_id TEXT REFERENCES users(id),
      gravadas_cents INTEGER NOT NULL,
      exoneradas_cents INTEGER NOT NULL,
      inafectas_cents INTEGER NOT NULL,
      igv_cents INTEGER NOT NULL,
      icbper_cents INTEGER NOT NULL,
      total_cents INTEGER NOT NULL CHECK (total_cents > 0),
      refund_method TEXT CHECK (refund_method IN ('cash', 'card', 'wallet')),
      refund_cents INTEGER NOT NULL DEFAULT 0 CHECK (refund_cents >= 0),
      restock INTEGER NOT NULL DEFAULT 0 CHECK (restock IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (serie, correlativo),
      CHECK (total_cents = gravadas_cents + exoneradas_cents + inafectas_cents + igv_cents + icbper_cents)
    )`,
    `CREATE INDEX notes_sale ON notes(sale_id)`,
    `CREATE TABLE note_lines (
      id TEXT PRIMARY KEY,
      note_id TEXT NOT NULL REFERENCES notes(id),
      line_no INTEGER NOT NULL,
      sale_line_id TEXT REFERENCES sale_lines(id),
      product_id TEXT NOT NULL REFERENCES products(id),
      sku TEXT NOT NULL,
      description TEXT NOT NULL,
      unit TEXT NOT NULL,
      quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
      unit_price_cents INTEGER NOT NULL,
      amount_cents INTEGER NOT NULL,
      igv_affectation TEXT NOT NULL,
      taxable_cents INTEGER NOT NULL,
      igv_cents INTEGER NOT NULL,
      icbper_units INTEGER NOT NULL,
      icbper_cents INTEGER NOT NULL,
      UNIQUE (note_id, line_no),
      CHECK (amount_cents = taxable_cents + igv_cents)
    )`,
    ...appendOnly('notes'),
    ...appendOnly('note_lines'),

    // A void cancels a whole sale the same day (boleta → RC condition 3, factura → RA).
    `CREATE TABLE sale_voids (
      id TEXT PRIMARY KEY,
      sale_id TEXT NOT NULL UNIQUE REFERENCES sales(id),
      reason TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id),
      approver_id TEXT REFERENCES users(id),
      voided_at TEXT NOT NULL
    )`,
    ...appendOnly('sale_voids'),

    // One row per document SUNAT must receive; the row IS the queue entry.
    `CREATE TABLE fiscal_documents (
      id TEXT PRIMARY KEY,
      doc_type TEXT NOT NULL CHECK (doc_type IN ('01', '03', '07', '08', 'RC', 'RA')),
      serie TEXT NOT NULL,
      correlativo INTEGER NOT NULL CHECK (correlativo > 0),
      file_name TEXT NOT NULL UNIQUE,
      sale_id TEXT REFERENCES sales(id),
      note_id TEXT REFERENCES notes(id),
      issued_at TEXT NOT NULL,
      issue_date TEXT NOT NULL,
      total_cents INTEGER NOT NULL,
      delivery TEXT NOT NULL CHECK (delivery IN ('bill', 'summary')),
      signed_xml TEXT,
      digest_value TEXT,
      status TEXT NOT NULL CHECK (status IN
        ('unsigned', 'pending', 'sent', 'accepted', 'observed', 'rejected', 'needs_attention')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error_code TEXT,
      last_error_message TEXT,
      ticket TEXT,
      sunat_code TEXT,
      sunat_message TEXT,
      observations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(observations)),
      cdr_zip BLOB,
      summary_id TEXT REFERENCES fiscal_documents(id),
      void_summary_id TEXT REFERENCES fiscal_documents(id),
      voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
      deadline_date TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sent_at TEXT,
      resolved_at TEXT,
      UNIQUE (doc_type, serie, correlativo),
      -- Only a document that could not be signed (no certificate, or refused by the rules) lacks bytes.
      CHECK (status IN ('unsigned', 'needs_attention') OR signed_xml IS NOT NULL)
    )`,
    `CREATE INDEX fiscal_documents_queue ON fiscal_documents(status, issued_at)`,
    `CREATE INDEX fiscal_documents_sale ON fiscal_documents(sale_id)`,
    `CREATE INDEX fiscal_documents_summary ON fiscal_documents(summary_id)`,
    // Signed bytes are written once: any later change to them would be SUNAT's 2335.
    `CREATE TRIGGER fiscal_documents_signed_once BEFORE UPDATE OF signed_xml ON fiscal_documents
      WHEN OLD.signed_xml IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'signed fiscal documents are immutable'); END`,
    `CREATE TRIGGER fiscal_documents_no_delete BEFORE DELETE ON fiscal_documents
      BEGIN SELECT RAISE(ABORT, 'fiscal_documents is append-only'); END`,
    // Lines of a Resumen Diario or Comunicación de Baja: which document, with which condition.
    `CREATE TABLE fiscal_summary_items (
      summary_id TEXT NOT NULL REFERENCES fiscal_documents(id),
      document_id TEXT NOT NULL REFERENCES fiscal_documents(id),
      line_no INTEGER NOT NULL,
      condition INTEGER NOT NULL CHECK (condition IN (1, 2, 3)),
      PRIMARY KEY (summary_id, line_no),
      UNIQUE (summary_id, document_id)
    )`,

    // The store's signing certificate and SOL credentials, secrets sealed by the SecretBox.
    `CREATE TABLE fiscal_credentials (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      pfx_sealed BLOB,
      pfx_password_sealed BLOB,
      certificate_subject TEXT,
      certificate_serial TEXT,
      certificate_not_before TEXT,
      certificate_not_after TEXT,
      sol_user TEXT,
      sol_password_sealed BLOB,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    )`,
  ]);
}
