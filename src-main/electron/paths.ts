import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';

/** out/main: where electron-vite puts index.js and core-process.js. */
const mainDir = dirname(fileURLToPath(import.meta.url));

export const builtFiles = {
  coreProcess: join(mainDir, 'core-process.js'),
  preload: join(mainDir, '..', 'preload', 'index.cjs'),
  rendererDir: join(mainDir, '..', 'renderer'),
};

/** The terminal's data folder (its SQLite file lives here). MOSTRADOR_DATA_DIR overrides it for tests. */
export function dataDir(): string {
  return process.env.MOSTRADOR_DATA_DIR || join(app.getPath('userData'), 'data');
}

/**
 * better_sqlite3.node built for Electron's ABI. In development `node scripts/ensure-native.mjs electron`
 * puts it in .native/electron; a packaged app ships it in its resources. Undefined means "use the
 * default build", which only works if node_modules was itself rebuilt for Electron.
 */
export function nativeBindingPath(): string | undefined {
  const candidate = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/** SUNAT schemas and compiled rules: shipped next to the app when packaged, the repo's folder in development. */
export function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
}
