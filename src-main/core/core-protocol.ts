import type { CoreEvent, RpcRequest, RpcResponse } from '../api/transport';

/**
 * The messages between the core process and whoever started it: Electron main (over a
 * utilityProcess parent port) or a Node parent (child_process.fork). Both carry the
 * same plain objects. A Node parent should fork with `serialization: 'advanced'` so
 * values clone the way Electron's structured clone does (bigint, Date, Map survive).
 */

/** Parent → core. */
export type CoreInbound =
  | { id: number; request: RpcRequest }
  /** Close the database and exit 0. The portable way to stop: Windows has no SIGTERM handler. */
  | { shutdown: true };

/** Core → parent. */
export type CoreOutbound =
  | { ready: true }
  /** Startup failed; the process exits 1 right after. */
  | { fatal: string }
  | { id: number; response: RpcResponse }
  | { event: CoreEvent };

/** How the core process is told where its data lives. Flags win over environment variables. */
export interface CoreProcessOptions {
  dataDir: string;
  /** Seed the demo minimarket into an empty database. */
  demo: boolean;
  /** better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string | undefined;
  /** The app's `resources/` (SUNAT schemas and compiled rules); found from the bundle when absent. */
  resourcesDir?: string | undefined;
  /**
   * Key that seals the store's secrets (MOSTRADOR_SECRET_KEY, base64). Electron main keeps it
   * encrypted by the OS (safeStorage) and hands it over in the child's environment only.
   */
  secretKey?: Uint8Array | undefined;
}

const FLAG_DATA_DIR = '--data-dir=';
const FLAG_NATIVE_BINDING = '--native-binding=';
const FLAG_DEMO = '--demo';
const FLAG_RESOURCES_DIR = '--resources-dir=';
export const SECRET_KEY_ENV = 'MOSTRADOR_SECRET_KEY';

export function coreProcessArgs(options: CoreProcessOptions): string[] {
  const args = [`${FLAG_DATA_DIR}${options.dataDir}`];
  if (options.demo) args.push(FLAG_DEMO);
  if (options.nativeBinding) args.push(`${FLAG_NATIVE_BINDING}${options.nativeBinding}`);
  if (options.resourcesDir) args.push(`${FLAG_RESOURCES_DIR}${options.resourcesDir}`);
  return args;
}

/** Reads `--data-dir=… --demo --native-binding=…`, falling back to MOSTRADOR_DATA_DIR, MOSTRADOR_DEMO, MOSTRADOR_NATIVE_BINDING. */
export function parseCoreProcessOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CoreProcessOptions {
  // Scan every argument: Electron and Node put different things before ours.
  const flag = (prefix: string) => argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const dataDir = flag(FLAG_DATA_DIR) ?? env.MOSTRADOR_DATA_DIR;
  if (!dataDir) throw new Error('no data folder: pass --data-dir=<folder> or set MOSTRADOR_DATA_DIR');
  const demo = argv.includes(FLAG_DEMO) || env.MOSTRADOR_DEMO === '1' || env.MOSTRADOR_DEMO === 'true';
  const nativeBinding = flag(FLAG_NATIVE_BINDING) ?? (env.MOSTRADOR_NATIVE_BINDING || undefined);
  const resourcesDir = flag(FLAG_RESOURCES_DIR);
  const key = env[SECRET_KEY_ENV];
  return {
    dataDir,
    demo,
    nativeBinding,
    resourcesDir,
    secretKey: key ? Buffer.from(key, 'base64') : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRpcRequest(value: unknown): value is RpcRequest {
  if (!isRecord(value) || typeof value.method !== 'string') return false;
  const session = value.session;
  return session === undefined || session === null || typeof session === 'string';
}

export function isCoreInbound(value: unknown): value is CoreInbound {
  if (!isRecord(value)) return false;
  if (value.shutdown === true) return true;
  return typeof value.id === 'number' && isRpcRequest(value.request);
}

export function isCoreOutbound(value: unknown): value is CoreOutbound {
  if (!isRecord(value)) return false;
  if (value.ready === true || typeof value.fatal === 'string') return true;
  if (typeof value.id === 'number' && isRecord(value.response) && typeof value.response.ok === 'boolean')
    return true;
  return isRecord(value.event) && typeof value.event.type === 'string';
}
