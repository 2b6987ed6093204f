import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, postgresAvailable, startTempPostgres, type TempPostgres } from './temp-postgres';

const available = postgresAvailable();
if (!available) console.warn(`Skipping the temp PostgreSQL tests: ${POSTGRES_MISSING}`);

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!available)('temp PostgreSQL', () => {
  let server: TempPostgres;

  beforeAll(async () => {
    server = await startTempPostgres();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('gives a loopback URL to a fresh database', () => {
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/mostrador$/);
  });

  it('creates a table, inserts and selects, in UTF-8', async () => {
    const rows = await withClient(server.url, async (client) => {
      await client.query(
        'CREATE TABLE product (id serial PRIMARY KEY, name text NOT NULL, price_cents int8)',
      );
      await client.query('INSERT INTO product (name, price_cents) VALUES ($1, $2), ($3, $4)', [
        'Café Ñuñoa',
        1250,
        'Agua San Luis 625 ml',
        180,
      ]);
      const result = await client.query<{ name: string; price_cents: string }>(
        'SELECT name, price_cents FROM product ORDER BY id',
      );
      return result.rows;
    });
    expect(rows).toEqual([
      { name: 'Café Ñuñoa', price_cents: '1250' },
      { name: 'Agua San Luis 625 ml', price_cents: '180' },
    ]);
  });

  it('runs with the settings chosen for tests', async () => {
    const settings = await withClient(server.url, async (client) => {
      const result = await client.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings
         WHERE name IN ('fsync', 'synchronous_commit', 'server_encoding', 'TimeZone', 'listen_addresses')
         ORDER BY name`,
      );
      return Object.fromEntries(result.rows.map((row) => [row.name, row.setting]));
    });
    expect(settings).toEqual({
      TimeZone: 'UTC',
      fsync: 'off',
      listen_addresses: '127.0.0.1',
      server_encoding: 'UTF8',
      synchronous_commit: 'off',
    });
  });

  it('runs two servers side by side, each stopped for good', async () => {
    const [a, b] = await Promise.all([startTempPostgres(), startTempPostgres()]);
    expect(a.url).not.toBe(b.url);
    await withClient(a.url, (client) => client.query('CREATE TABLE only_in_a (x int)'));
    const inB = await withClient(b.url, (client) =>
      client.query("SELECT to_regclass('only_in_a') IS NULL AS missing"),
    );
    expect(inB.rows).toEqual([{ missing: true }]);
    await Promise.all([a.stop(), b.stop()]);
    await a.stop(); // a second stop is harmless
    await expect(withClient(a.url, (client) => client.query('SELECT 1'))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
