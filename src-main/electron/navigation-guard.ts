import { app, type Session } from 'electron';
import { isAppUrl, type RendererSource } from './app-origin';

/**
 * The window shows our page and nothing else: no new windows, no navigation or redirect
 * to another origin, no <webview>, no permission prompts (camera, location…). Applied to
 * every webContents the app ever creates, not just the main window.
 */
export function guardNavigation(source: RendererSource): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    const keepInApp = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(source, url)) event.preventDefault();
    };
    contents.on('will-navigate', (event) => keepInApp(event, event.url));
    contents.on('will-frame-navigate', (event) => keepInApp(event, event.url));
    contents.on('will-redirect', (event) => keepInApp(event, event.url));
  });
}

export function denyPermissions(session: Session, source: RendererSource): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    // Full screen is the one thing a till may ask for (kiosk-like use at the counter).
    callback(permission === 'fullscreen' && isAppUrl(source, contents.getURL()));
  });
}
