import type { DocType } from '../../db/schema';

export interface SaleHistoryFilter {
  /** Issue dates, `YYYY-MM-DD` (Lima), both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** `B001-00000007`, `B001-7`, `7` (any series) or `F001` (a whole series). */
  number?: string | undefined;
  docType?: DocType | undefined;
  limit: number;
  offset: number;
}

/** What a typed document number asks for. */
export type NumberQuery =
  | { kind: 'any' }
  | { kind: 'exact'; serie: string; correlativo: number }
  | { kind: 'correlativo'; correlativo: number }
  | { kind: 'serie'; serie: string }
  | { kind: 'nothing' };

/** Reads what a cashier types to find a receipt; spaces and leading zeros do not matter. */
export function parseNumberQuery(text: string | undefined): NumberQuery {
  const cleaned = (text ?? '').replace(/\s+/g, '').toUpperCase();
  if (cleaned === '') return { kind: 'any' };
  const exact = /^([A-Z][A-Z0-9]{3})-?(\d{1,8})$/.exec(cleaned);
  if (exact?.[1] && exact[2]) return { kind: 'exact', serie: exact[1], correlativo: Number(exact[2]) };
  if (/^\d{1,8}$/.test(cleaned)) return { kind: 'correlativo', correlativo: Number(cleaned) };
  if (/^[A-Z][A-Z0-9]{3}-?$/.test(cleaned)) return { kind: 'serie', serie: cleaned.replace('-', '') };
  return { kind: 'nothing' };
}
