// `npm run audit:verify -- --data-dir .data/demo`: proves a terminal's audit trail was not
// rewritten, from outside the app (it may be running: the file is only read). Exit 0 when
// the hash chain is intact, 1 at the first broken link, 2 when it could not check at all.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { verifyAuditChain, type ChainBreak } from '../src-main/audit/audit-chain';
import { Sql } from '../src-main/storage/sql';

// Core's DATABASE_FILE; not imported, since core.ts loads the whole app (seconds) for one name.
const DATABASE_FILE = 'terminal.sqlite';

const REASONS: Record<ChainBreak['reason'], string> = {
  'hash-mismatch': 'el contenido de la entrada no coincide con su hash: fue modificada',
  'link-mismatch':
    'la entrada no apunta al hash de la anterior: la anterior fue modificada o se borraron entradas entre ambas',
  'seq-gap': 'faltan números en la secuencia: se borraron entradas',
};

function usage(): string {
  return [
    'Uso: npm run audit:verify -- [--data-dir CARPETA | --file ARCHIVO.sqlite]',
    `  --data-dir  carpeta de datos de la caja (contiene ${DATABASE_FILE}); por omisión .data/demo`,
    '  --file      la base de datos SQLite directamente (por ejemplo, una copia)',
  ].join('\n');
}

/** `23/11/2026 10:15:30` from `2026-11-23T10:15:30-05:00` (the stored Lima time). */
function limaDateTime(at: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}` : at;
}

function describeBreak(broken: ChainBreak, entries: number): string {
  const lines = [`Cadena de auditoría ROTA (${entries} entradas en el registro).`, 'Primer eslabón roto:'];
  if (broken.id === '') {
    lines.push(
      `  N.º:         ${broken.seq} en adelante (ya no existen)`,
      `  Motivo:      ${REASONS[broken.reason]} al final del registro`,
      `  Esperado:    entradas hasta la N.º ${broken.expected}`,
      `  Encontrado:  la última es la N.º ${broken.found}`,
    );
  } else {
    lines.push(
      `  N.º:         ${broken.seq}`,
      `  Fecha:       ${limaDateTime(broken.at)} (hora de Lima)`,
      `  Acción:      ${broken.action}`,
      `  ID:          ${broken.id}`,
      `  Motivo:      ${REASONS[broken.reason]}`,
      `  Esperado:    ${broken.expected}`,
      `  Encontrado:  ${broken.found}`,
    );
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  let values: { 'data-dir'?: string; file?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage()}`);
    return 2;
  }
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const file = values.file
    ? resolve(values.file)
    : join(resolve(values['data-dir'] ?? process.env.MOSTRADOR_DATA_DIR ?? '.data/demo'), DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`No se encontró la base de datos de la caja: ${file}\n${usage()}`);
    return 2;
  }

  // Read-only: checking the log must never be able to change it (nor take the till's write lock).
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const qb = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const verdict = verifyAuditChain(new Sql(sqlite), qb);
    if (verdict.ok) {
      console.log(
        `Cadena de auditoría íntegra: ${verdict.entries} entradas, último hash ${verdict.lastHash}`,
      );
      return 0;
    }
    console.log(describeBreak(verdict.firstBroken, verdict.entries));
    return 1;
  } catch (error) {
    console.error(`No se pudo verificar ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    sqlite.close();
  }
}

process.exitCode = main(process.argv.slice(2));
