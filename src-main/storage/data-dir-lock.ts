import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';

const LOCK_FILE = 'terminal.lock';

/** Another running Mostrador (window, web host, script) has this terminal's data open. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(readonly dataDir: string) {
    super(
      `Otro Mostrador ya está abierto con los datos de ${dataDir}. Ciérrelo antes de abrir este: ` +
        'dos programas con la misma caja enviarían dos veces a SUNAT y a la central.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One core per data folder, across processes: the SUNAT sender, the sync engine and the print
 * spooler each assume they are alone with their queues. The lock is SQLite's own OS file lock
 * on a small side file held in EXCLUSIVE locking mode, so the operating system drops it when
 * the process dies: a crash never leaves a stale lock to clear by hand (a PID file would).
 */
export function claimDataDir(dataDir: string, nativeBinding?: string): DataDirLock {
  const lock = new BetterSqlite3(join(dataDir, LOCK_FILE), nativeBinding ? { nativeBinding } : {});
  try {
    lock.pragma('busy_timeout = 0');
    lock.pragma('locking_mode = EXCLUSIVE');
    // A write takes the file's exclusive lock and EXCLUSIVE mode keeps it until close. The pid row
    // is that write on every claim (CREATE … IF NOT EXISTS writes nothing once the file exists).
    lock.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    lock.exec('COMMIT');
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new DataDirInUseError(dataDir);
    throw error;
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
