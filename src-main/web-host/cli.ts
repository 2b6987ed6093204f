import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError } from '../storage/data-dir-lock';
import { startWebHost } from './server';

/**
 * `npm run dev:web` / the fallback of `npm start`: serves the built renderer and the
 * core's API on 127.0.0.1 and prints the one URL (with its session token) to open.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env.MOSTRADOR_DATA_DIR ?? '.data/demo' },
    port: { type: 'string', default: process.env.MOSTRADOR_PORT ?? '0' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
    'no-demo': { type: 'boolean', default: false },
    // An OSE or the SUNAT emulator instead of the store's configured endpoint.
    'sunat-url': { type: 'string' },
    // A network receipt printer (or the capture printer: npx tsx src-main/testing/capture-printer/cli.ts).
    printer: { type: 'string' },
  },
});

const host = await startWebHost({
  dataDir: resolve(values['data-dir']),
  port: Number(values.port),
  demo: !values['no-demo'],
  rendererDir: resolve(values['renderer-dir']),
  ...(values['sunat-url'] ? { sunatEndpoint: { billServiceUrl: values['sunat-url'] } } : {}),
  ...(values.printer ? { printer: { url: values.printer } } : {}),
  log: (message) => console.error(message),
}).catch((error: unknown) => {
  // A person started it twice: say so plainly, no stack trace.
  if (error instanceof DataDirInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
console.log(`Mostrador (web) en ${host.url}`);
console.log(`Datos: ${host.databaseFile}`);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
