import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_STORE_ID } from '../../db/seeds/demo-store';
import { limaDate, limaTime } from '../../src-main/shared/lima-time';
import { newSecretToken } from './auth/tokens';
import { openHqDatabase } from './db/open-database';
import { issueEnrolmentCode, type IssuedEnrolmentCode } from './enrolment/enrolment-codes';
import { listStores } from './enrolment/stores';
import type { HqContext } from './hq-context';
import { startHq } from './start-hq';

const DEFAULT_PORT = 8790;
const DEFAULT_DATA_DIR = '.data/hq';
const DEMO_TERMINAL = { code: 'CAJA-02', name: 'Caja 2' };

const HELP = `Central de Mostrador: recibe lo que venden las cajas (ventas, stock, caja, auditoría)
y les envía productos, precios, usuarios y configuración.

Uso:
  npm run hq -- [opciones]

Opciones:
  --data-dir <carpeta>   Carpeta de datos de la central (base PGlite y token de
                         administrador). Por defecto: ${DEFAULT_DATA_DIR}
  --port <número>        Puerto HTTP. Por defecto: ${DEFAULT_PORT}
  --host <dirección>     Dirección donde escucha. Por defecto: 127.0.0.1 (solo este
                         equipo). En producción, ponga delante un proxy inverso con TLS.
  --issue-code <CAJA>    Emite un código de enrolamiento de un solo uso para la caja
                         indicada (por ejemplo CAJA-03), lo muestra y termina.
  --store <id>           Tienda del código (por defecto, la tienda demo o la única).
  --name <nombre>        Nombre de la caja para el código (por defecto, el código).
  --no-demo              No crear la tienda demo al iniciar una central vacía.
  --log                  Registrar cada solicitud HTTP.
  -h, --help             Mostrar esta ayuda.

Variables de entorno:
  DATABASE_URL           postgres://usuario:clave@servidor/base : usar PostgreSQL en
                         lugar de la base PGlite de la carpeta de datos.
  HQ_ADMIN_TOKEN         Token de administrador. Si no se indica, se genera una vez y
                         se guarda en <carpeta de datos>/admin-token (permisos 0600).

En el primer inicio crea la tienda demo (Minimarket La Esquina) con sus productos y
usuarios, y en cada inicio muestra un código nuevo para enrolar una caja.`;

interface CliOptions {
  dataDir: string;
  port: number;
  host: string;
  issueCode: string | null;
  storeId: string | null;
  terminalName: string | null;
  demo: boolean;
  log: boolean;
}

class CliError extends Error {}

function parseCli(argv: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'issue-code': { type: 'string' },
        store: { type: 'string' },
        name: { type: 'string' },
        'no-demo': { type: 'boolean' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`Opción no reconocida o incompleta (${(error as Error).message}). Vea --help.`);
  }
  if (values.help === true) return 'help';
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliError(`El puerto «${values.port ?? ''}» no es válido (0 a 65535).`);
  }
  const issueCode = values['issue-code']?.trim() ?? null;
  if (issueCode === '') throw new CliError('Indique el código de la caja, por ejemplo: --issue-code CAJA-03');
  return {
    dataDir: resolve(values['data-dir'] ?? DEFAULT_DATA_DIR),
    port,
    host: values.host ?? '127.0.0.1',
    issueCode,
    storeId: values.store ?? null,
    terminalName: values.name ?? null,
    demo: values['no-demo'] !== true,
    log: values.log === true,
  };
}

/** HQ_ADMIN_TOKEN, or the one kept in the data folder (made once, readable by this user only). */
function adminToken(dataDir: string): { token: string; source: 'env' | 'file' | 'new' } {
  const fromEnv = process.env.HQ_ADMIN_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token !== '') return { token, source: 'file' };
  }
  const token = newSecretToken();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'new' };
}

/** Where the running server records itself: PGlite's folder must never be opened twice. */
interface RunningServerFile {
  pid: number;
  url: string;
}

function runningServerPath(dataDir: string): string {
  return join(dataDir, 'hq-server.json');
}

function readRunningServer(dataDir: string): RunningServerFile | null {
  try {
    const data = JSON.parse(readFileSync(runningServerPath(dataDir), 'utf8')) as Partial<RunningServerFile>;
    if (typeof data.pid !== 'number' || typeof data.url !== 'string') return null;
    process.kill(data.pid, 0); // throws when that process is gone (a crash left the file behind)
    return { pid: data.pid, url: data.url };
  } catch {
    return null;
  }
}

function formatLima(iso: string): string {
  const instant = new Date(iso);
  const [y, m, d] = limaDate(instant).split('-');
  return `${d}/${m}/${y} ${limaTime(instant).slice(0, 5)} (hora de Lima)`;
}

function describeCode(issued: IssuedEnrolmentCode, storeName: string): string {
  return [
    `Código de enrolamiento para la caja ${issued.terminalCode} de ${storeName}:`,
    '',
    `    ${issued.code}`,
    '',
    `Sirve una sola vez y vence el ${formatLima(issued.expiresAt)}.`,
    'Para enrolar la caja, ingrese en ella la dirección de la central y este código.',
  ].join('\n');
}

function pickStore(stores: ReadonlyArray<{ id: string; tradeName: string }>, requested: string | null) {
  if (requested !== null) {
    const store = stores.find((s) => s.id === requested);
    if (!store) throw new CliError(`No existe la tienda ${requested} en la central.`);
    return store;
  }
  const store = stores.find((s) => s.id === DEMO_STORE_ID) ?? (stores.length === 1 ? stores[0] : undefined);
  if (!store) {
    const list = stores.map((s) => `  ${s.id}  ${s.tradeName}`).join('\n');
    throw new CliError(
      stores.length === 0
        ? 'La central no tiene tiendas todavía.'
        : `Indique la tienda con --store <id>:\n${list}`,
    );
  }
  return store;
}

async function issueCodeCommand(options: CliOptions, terminalCode: string, token: string): Promise<string> {
  const terminal = { terminalCode, terminalName: options.terminalName ?? terminalCode, ttlHours: 72 };
  const running = readRunningServer(options.dataDir);
  if (running) {
    // The server has the database open: ask it over HTTP rather than opening PGlite twice.
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const listed = await fetch(`${running.url}/api/admin/stores`, { headers });
    if (!listed.ok)
      throw new CliError(`La central en marcha respondió ${listed.status} al pedir las tiendas.`);
    const { stores } = (await listed.json()) as { stores: Array<{ id: string; tradeName: string }> };
    const store = pickStore(stores, options.storeId);
    const answer = await fetch(
      `${running.url}/api/admin/stores/${encodeURIComponent(store.id)}/enrolment-codes`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify(terminal),
      },
    );
    const body = (await answer.json()) as IssuedEnrolmentCode | { message: string };
    if (!answer.ok || !('code' in body))
      throw new CliError('message' in body ? body.message : 'Error al emitir el código.');
    return describeCode(body, store.tradeName);
  }
  const handle = await openHqDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: join(options.dataDir, 'pgdata'),
  });
  try {
    const ctx: HqContext = { db: handle.db, engine: handle.engine, now: () => new Date(), adminToken: token };
    const store = pickStore(await listStores(ctx), options.storeId);
    return describeCode(await issueEnrolmentCode(ctx, store.id, terminal), store.tradeName);
  } finally {
    await handle.close();
  }
}

async function serveCommand(options: CliOptions, admin: ReturnType<typeof adminToken>): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const pgdata = join(options.dataDir, 'pgdata');
  const already = readRunningServer(options.dataDir);
  if (already && databaseUrl === undefined) {
    throw new CliError(
      `La central ya está en marcha con esta carpeta de datos (pid ${already.pid}, ${already.url}).`,
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  console.log(databaseUrl ? 'Abriendo PostgreSQL (DATABASE_URL)…' : `Abriendo la base PGlite en ${pgdata}…`);
  let hq;
  try {
    hq = await startHq({
      databaseUrl,
      dataDir: databaseUrl ? undefined : pgdata,
      port: options.port,
      host: options.host,
      adminToken: admin.token,
      demo: options.demo,
      logRequests: options.log,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`El puerto ${options.port} ya está en uso. Elija otro con --port <número>.`);
    }
    throw error;
  }
  writeFileSync(runningServerPath(options.dataDir), JSON.stringify({ pid: process.pid, url: hq.url }));

  const stores = await listStores(hq.ctx);
  const demoStore = stores.find((s) => s.id === DEMO_STORE_ID);
  const lines = [
    '',
    'Central de Mostrador en marcha',
    `  Dirección:               ${hq.url}`,
    `  Base de datos:           ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite en ${pgdata}`}`,
    admin.source === 'env'
      ? '  Token de administrador:  el de HQ_ADMIN_TOKEN'
      : `  Token de administrador:  ${admin.token}\n                           (guardado en ${join(options.dataDir, 'admin-token')})`,
    `  Tiendas:                 ${stores.length === 0 ? 'ninguna todavía' : stores.map((s) => s.tradeName).join(', ')}`,
  ];
  if (demoStore) {
    const issued = await issueEnrolmentCode(hq.ctx, demoStore.id, {
      terminalCode: DEMO_TERMINAL.code,
      terminalName: DEMO_TERMINAL.name,
      ttlHours: 72,
    });
    lines.push('', describeCode(issued, demoStore.tradeName));
  }
  lines.push('', 'Ctrl+C para detener.');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nDeteniendo la central (${signal})…`);
    rmSync(runningServerPath(options.dataDir), { force: true });
    hq.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error al cerrar la central:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<void> {
  const options = parseCli(argv);
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  const admin = adminToken(options.dataDir);
  if (options.issueCode !== null) {
    console.log(await issueCodeCommand(options, options.issueCode, admin.token));
    return;
  }
  await serveCommand(options, admin);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) console.error(error.message);
  else console.error('La central no pudo iniciar:', error);
  process.exit(1);
});
