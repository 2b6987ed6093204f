import { app, BrowserWindow } from 'electron';
import type { RendererSource } from './app-origin';
import type { WindowState } from './window-state';

export interface MainWindowOptions {
  source: RendererSource;
  preload: string;
  state: WindowState;
}

/** The one window: sandboxed, isolated, no Node; the preload's `window.mostrador` is its only door. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.state.initialBounds(),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Mostrador',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  options.state.track(window);
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  window.loadURL(options.source.entryUrl).catch((error: unknown) => {
    console.error(`window: could not load ${options.source.entryUrl}`, error);
  });
  return window;
}

/** Brings the window forward (a second launch, a dock click). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
