// `npm start`: build, then open the Electron app with the embedded demo store. Where the
// Electron binary is not installed (it downloads on first run and some machines have no
// internet), say so and open the same app through the loopback web host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * The installed Electron binary, or null. Reads the package's path.txt instead of
 * require('electron'), which would try to download the binary right here.
 */
function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const binary = join(packageDir, 'dist', executable);
    if (!existsSync(binary)) return null;
    const probe = spawnSync(binary, ['--version'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    return probe.status === 0 ? binary : null;
  } catch {
    return null;
  }
}

// SUNAT's rule stylesheets compiled for the in-app validator (skipped when already up to date).
const rules = spawnSync(process.execPath, ['scripts/compile-sunat-rules.mjs'], { stdio: 'inherit' });
if (rules.status !== 0) process.exit(rules.status ?? 1);

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function nativeReadyForElectron() {
  const native = spawnSync(process.execPath, ['scripts/ensure-native.mjs', 'electron'], { stdio: 'inherit' });
  if (native.status !== 0) console.error('No se pudo preparar SQLite para Electron.');
  return native.status === 0;
}

const electron = electronBinary();
if (electron && nativeReadyForElectron()) {
  forward(spawn(electron, ['.'], { stdio: 'inherit' }));
} else {
  if (!electron)
    console.log('Electron no está instalado en esta máquina (su binario se descarga en el primer uso).');
  console.log('Abriendo Mostrador en modo web: abra en su navegador la dirección que aparece abajo.');
  const port = process.env.MOSTRADOR_PORT ?? '5170';
  forward(
    spawn(process.execPath, ['--import', 'tsx', 'src-main/web-host/cli.ts', '--port', port], {
      stdio: 'inherit',
    }),
  );
}
