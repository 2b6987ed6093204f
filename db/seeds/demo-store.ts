import type { Sql } from '../../src-main/storage/sql';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../schema';
import { demoId, newId } from '../../src-main/shared/ids';
import { hashPin } from '../../src-main/users/pin-hash';
import { loadCatalog } from './catalog-loader';
import { DEMO_PRODUCTS, type CatalogProduct } from './demo-catalog';

/** Demo people and PINs; the README prints the same table. Never use these in a real store. */
export const DEMO_USERS: ReadonlyArray<{ username: string; fullName: string; role: Role; pin: string }> = [
  { username: 'cajero', fullName: 'Rosa Quispe Mamani', role: 'cajero', pin: '1234' },
  { username: 'supervisor', fullName: 'Jorge Ramírez Huamán', role: 'supervisor', pin: '5678' },
  { username: 'admin', fullName: 'María Torres Salazar', role: 'administrador', pin: '9999' },
];

export const DEMO_STORE = {
  ruc: '20601234565',
  legalName: 'MINIMARKET LA ESQUINA S.A.C.',
  tradeName: 'Minimarket La Esquina',
  address: 'Av. José Gálvez Barrenechea 592, Santa Catalina, La Victoria, Lima',
  ubigeo: '150115',
  terminalCode: 'CAJA-01',
  terminalName: 'Caja 1',
  series: [
    { serie: 'B001', docType: '03' },
    { serie: 'F001', docType: '01' },
    // Notes carry the letter of the document they modify.
    { serie: 'BC01', docType: '07' },
    { serie: 'FC01', docType: '07' },
    { serie: 'BD01', docType: '08' },
    { serie: 'FD01', docType: '08' },
  ],
} as const;

export const DEMO_STORE_ID = demoId('store', DEMO_STORE.ruc);

export interface DemoTerminal {
  code: string;
  name: string;
  /** 1 → B001/F001/BC01…, 2 → B002/F002/BC02…: two terminals of a store never share a series. */
  seriesNumber: number;
}

export interface SeedOptions {
  at: string;
  /** Defaults to the demo minimarket catalogue. */
  products?: readonly CatalogProduct[];
  /** Defaults to Caja 1 on the 001 series. */
  terminal?: DemoTerminal;
}

/** `B001` → `B002` for series number 2 (the digits after the letters). */
export function demoSerie(serie: string, seriesNumber: number): string {
  const letters = serie.replace(/\d+$/, '');
  return letters + String(seriesNumber).padStart(4 - letters.length, '0');
}

/**
 * Fills an empty database with the demo minimarket: identity, series, three users and the
 * catalogue with opening stock. Does nothing on a database that already has a store.
 */
export async function seedDemoStore(sql: Sql, qb: Kysely<Database>, options: SeedOptions): Promise<boolean> {
  if (sql.first(qb.selectFrom('store').select('id'))) return false;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPin(u.pin)));
  const { at } = options;
  const storeId = DEMO_STORE_ID;
  const terminalId = newId();
  const terminal = options.terminal ?? {
    code: DEMO_STORE.terminalCode,
    name: DEMO_STORE.terminalName,
    seriesNumber: 1,
  };
  sql.transaction(() => {
    if (sql.first(qb.selectFrom('store').select('id'))) return;
    sql.run(
      qb.insertInto('store').values({
        id: storeId,
        ruc: DEMO_STORE.ruc,
        legal_name: DEMO_STORE.legalName,
        trade_name: DEMO_STORE.tradeName,
        address: DEMO_STORE.address,
        ubigeo: DEMO_STORE.ubigeo,
        created_at: at,
      }),
    );
    sql.run(
      qb.insertInto('terminal').values({
        id: terminalId,
        store_id: storeId,
        code: terminal.code,
        name: terminal.name,
        created_at: at,
      }),
    );
    for (const s of DEMO_STORE.series) {
      sql.run(
        qb.insertInto('series').values({
          serie: demoSerie(s.serie, terminal.seriesNumber),
          doc_type: s.docType,
          last_correlativo: 0,
          updated_at: at,
        }),
      );
    }
    DEMO_USERS.forEach((u, index) => {
      sql.run(
        qb.insertInto('users').values({
          id: demoId('user', u.username),
          username: u.username,
          full_name: u.fullName,
          role: u.role,
          pin_hash: hashes[index] as string,
          active: 1,
          created_at: at,
          updated_at: at,
        }),
      );
    });
    loadCatalog(sql, options.products ?? DEMO_PRODUCTS, {
      at,
      terminalId,
      idFor: (p) => demoId('product', p.sku),
      openingStockMilli: (p) => (p.unit === 'KGM' ? 25_000 : p.icbper ? 2_000_000 : 48_000),
    });
  });
  return true;
}
