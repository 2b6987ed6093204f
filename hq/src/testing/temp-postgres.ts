import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server from Debian's binaries (`apt-get install postgresql`) for
 * tests and benchmarks: its own cluster in a temp folder, on a free loopback port, gone
 * after stop().
 */
export interface TempPostgres {
  /** postgres://postgres@127.0.0.1:PORT/mostrador */
  url: string;
  stop(): Promise<void>;
}

export const POSTGRES_MISSING =
  'PostgreSQL server not installed (no /usr/lib/postgresql/<version>/bin/initdb): apt-get install postgresql';

const PG_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';
const DATABASE = 'mostrador';
const START_ATTEMPTS = 3;

const run = promisify(execFile);

/** The newest version's bin folder with the server binaries, or null. */
function postgresBinDir(): string | null {
  let versions: string[];
  try {
    versions = readdirSync(PG_ROOT);
  } catch {
    return null;
  }
  const newestFirst = versions.filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of newestFirst) {
    const bin = join(PG_ROOT, version, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(bin, tool)))) return bin;
  }
  return null;
}

export function postgresAvailable(): boolean {
  return postgresBinDir() !== null;
}

/** A port the kernel just handed out (closed again; PostgreSQL binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');

  // PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system
  // user the Debian package creates, and every server command runs as that user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  // cwd = the temp dir: the postgres user may not be allowed into the caller's folder.
  const exec = (tool: string, args: string[]): Promise<unknown> => {
    const [file, argv] = command(tool, args);
    return run(file, argv, { cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  };
  const stopSync = (): void => {
    try {
      const [file, argv] = command('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      execFileSync(file, argv, { cwd: dir, stdio: 'ignore' });
    } catch {
      // Not running.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that ends without stop() must not leave a server running.
  process.on('exit', stopSync);

  try {
    // --no-sync: a cluster that dies with the test needs no durable init.
    await exec('initdb', [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // fsync/synchronous_commit/full_page_writes off: no crash safety, which a throwaway test
      // cluster does not need, for speed. TimeZone UTC: the same as the embedded PGlite.
      const serverOptions = [
        `-p ${port}`,
        `-k '${dir}'`,
        "-c listen_addresses='127.0.0.1'",
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c TimeZone=UTC',
      ].join(' ');
      try {
        // -w: pg_ctl returns once the server accepts connections.
        await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
        break;
      } catch (error) {
        // Most likely the port was taken between probing and binding: try another.
        if (attempt >= START_ATTEMPTS) {
          throw new Error(`PostgreSQL did not start:\n${tail(logFile)}`, { cause: error });
        }
      }
    }

    const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }

    let stopped = false;
    return {
      url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off('exit', stopSync);
        try {
          await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    process.off('exit', stopSync);
    stopSync();
    throw error;
  }
}
