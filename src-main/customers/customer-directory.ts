export type { Customer, CustomerInput } from './customer';
import type { Kysely } from 'kysely';
import type { CustomerTable, Database } from '../../db/schema';
import type { Customer, CustomerInput } from './customer';
import type { Sql } from '../storage/sql';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import { guessDocType, isValidIdentity, type IdentityDocType } from './identity';

function fromRow(row: CustomerTable): Customer {
  return {
    id: row.id,
    docType: row.doc_type as IdentityDocType,
    docNumber: row.doc_number,
    name: row.name,
    address: row.address,
    email: row.email,
  };
}

export function assertValidIdentity(docType: IdentityDocType, docNumber: string): void {
  if (isValidIdentity(docType, docNumber)) return;
  if (docType === '6') throw new AppError('INVALID_RUC', { value: docNumber });
  if (docType === '1') throw new AppError('INVALID_DNI', { value: docNumber });
  throw new AppError('INVALID_IDENTITY_DOCUMENT', { value: docNumber });
}

/** Customers known to this terminal, found by document number at the counter. */
export class CustomerDirectory {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  byId(id: string): Customer | undefined {
    const row = this.sql.first(this.qb.selectFrom('customers').selectAll().where('id', '=', id));
    return row && fromRow(row);
  }

  /** Exact document number, whatever its type; the likely type first (11 digits → RUC). */
  byDocumentNumber(docNumber: string): Customer[] {
    const number = docNumber.trim();
    const rows = this.sql.all(this.qb.selectFrom('customers').selectAll().where('doc_number', '=', number));
    const likely = guessDocType(number);
    return rows.map(fromRow).sort((a, b) => Number(b.docType === likely) - Number(a.docType === likely));
  }

  /** Creates or updates by (type, number). Call inside the transaction that audits it. */
  save(input: CustomerInput): { customer: Customer; before: Customer | null } {
    const docNumber = input.docNumber.trim().toUpperCase();
    assertValidIdentity(input.docType, docNumber);
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name.length < 2) {
      throw new AppError('CUSTOMER_NAME_REQUIRED', {
        field: input.docType === '6' ? 'la razón social' : 'el nombre',
      });
    }
    const address = input.address?.trim() || null;
    const email = input.email?.trim() || null;
    const at = limaTimestamp(this.clock.now());
    const existing = this.sql.first(
      this.qb
        .selectFrom('customers')
        .selectAll()
        .where('doc_type', '=', input.docType)
        .where('doc_number', '=', docNumber),
    );
    if (existing) {
      this.sql.run(
        this.qb
          .updateTable('customers')
          .set({ name, address, email, updated_at: at })
          .where('id', '=', existing.id),
      );
      return { customer: { ...fromRow(existing), name, address, email }, before: fromRow(existing) };
    }
    const row: CustomerTable = {
      id: newId(),
      doc_type: input.docType,
      doc_number: docNumber,
      name,
      address,
      email,
      created_at: at,
      updated_at: at,
    };
    this.sql.run(this.qb.insertInto('customers').values(row));
    return { customer: fromRow(row), before: null };
  }
}
