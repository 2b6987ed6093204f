import type { Compilable, CompiledQuery } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from './database';

type Row<Q> = Q extends Compilable<infer R> ? R : never;

/**
 * Runs Kysely-built queries synchronously on better-sqlite3, with prepared statements
 * cached per SQL text. Synchronous on purpose: a transaction is one uninterrupted
 * function call, so nothing else (another request, a timer) can interleave with a sale.
 */
export class Sql {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly sqlite: SqliteDatabase) {}

  all<Q extends Compilable<unknown>>(query: Q): Row<Q>[] {
    const compiled = query.compile();
    return this.statement(compiled).all(...(compiled.parameters as unknown[])) as Row<Q>[];
  }

  first<Q extends Compilable<unknown>>(query: Q): Row<Q> | undefined {
    const compiled = query.compile();
    return this.statement(compiled).get(...(compiled.parameters as unknown[])) as Row<Q> | undefined;
  }

  run(query: Compilable<unknown>): BetterSqlite3.RunResult {
    const compiled = query.compile();
    return this.statement(compiled).run(...(compiled.parameters as unknown[]));
  }

  /** Raw SQL for what the builder cannot express (FTS MATCH, pragmas). */
  raw<R>(text: string, parameters: readonly unknown[] = []): R[] {
    return this.prepare(text).all(...parameters) as R[];
  }

  /**
   * All-or-nothing: IMMEDIATE takes the write lock up front so a long read elsewhere cannot
   * make the commit fail half-way. Nested calls become savepoints.
   */
  transaction<T>(work: () => T): T {
    if (this.sqlite.inTransaction) return this.sqlite.transaction(work)();
    return this.sqlite.transaction(work).immediate();
  }

  private statement(compiled: CompiledQuery<unknown>): BetterSqlite3.Statement {
    return this.prepare(compiled.sql);
  }

  private prepare(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
