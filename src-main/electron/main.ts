/**
 * Electron main: the only code that imports 'electron'. It owns the window and the app's
 * lifecycle and relays calls between the window and the core, which runs in its own
 * utilityProcess so SQLite, signing and sync never freeze the screen.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { coreProcessArgs, SECRET_KEY_ENV } from '../core/core-protocol';
import { machineSecretKey } from './secret-key';
import { rendererSource } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { contentSecurityPolicy, enforceContentSecurityPolicy } from './content-security';
import { CoreHost } from './core-host';
import { createMainWindow, focusWindow } from './main-window';
import { denyPermissions, guardNavigation } from './navigation-guard';
import { builtFiles, dataDir, nativeBindingPath, resourcesDir } from './paths';
import { bridgeCoreToWindow } from './rpc-ipc';
import { claimSingleInstance } from './single-instance';
import { WindowState } from './window-state';

let mainWindow: BrowserWindow | null = null;

// Tests point the whole profile (lock, window state) somewhere else; must happen before the lock.
if (process.env.MOSTRADOR_USER_DATA_DIR) app.setPath('userData', process.env.MOSTRADOR_USER_DATA_DIR);

if (!claimSingleInstance(() => focusWindow(mainWindow))) {
  app.quit();
} else {
  registerAppScheme();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('main: could not start', error);
      app.exit(1);
    });
}

function start(): void {
  const source = rendererSource();
  const policy = contentSecurityPolicy(source);
  enforceContentSecurityPolicy(session.defaultSession, source, policy);
  denyPermissions(session.defaultSession, source);
  guardNavigation(source);
  if (!source.devServer) serveRenderer(builtFiles.rendererDir, policy);

  const nativeBinding = nativeBindingPath();
  if (!nativeBinding) {
    console.warn(
      'main: no Electron build of better-sqlite3 found; run `node scripts/ensure-native.mjs electron`',
    );
  }
  const secretKey = machineSecretKey((message) => console.warn(message));
  const core = new CoreHost({
    modulePath: builtFiles.coreProcess,
    // The demo store is seeded only into an empty database; MOSTRADOR_DEMO=0 opts out.
    args: coreProcessArgs({
      dataDir: dataDir(),
      demo: process.env.MOSTRADOR_DEMO !== '0',
      nativeBinding,
      resourcesDir: resourcesDir(),
    }),
    ...(secretKey ? { env: { [SECRET_KEY_ENV]: secretKey } } : {}),
    onGiveUp: (reason) => {
      dialog.showErrorBox(
        'Mostrador no pudo iniciar',
        `No se pudo abrir la base de datos de esta caja. Cierre y vuelva a abrir Mostrador; si sigue, llame a soporte.\n\nDetalle: ${reason}`,
      );
    },
  });
  core.start();

  const state = new WindowState();
  const openWindow = () => {
    mainWindow = createMainWindow({ source, preload: builtFiles.preload, state });
    mainWindow.on('closed', () => (mainWindow = null));
  };
  bridgeCoreToWindow({ core, source, window: () => mainWindow });
  openWindow();

  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  stopCoreBeforeQuit(core);
}

/** Holds the quit until the core has closed its database (a checkpointed, self-contained file). */
function stopCoreBeforeQuit(core: CoreHost): void {
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void core.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
