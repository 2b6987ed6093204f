import type { Session } from 'electron';
import { isAppUrl, type RendererSource } from './app-origin';

/**
 * The page may load only its own files: no remote scripts, no eval, no plugins, no framing.
 * In development the Vite dev server needs two holes: its inline React-refresh preamble and
 * its HMR websocket.
 */
export function contentSecurityPolicy(source: RendererSource): string {
  const devSocket = source.devServer ? ` ${source.origin.replace(/^http/, 'ws')}` : '';
  const devInline = source.devServer ? " 'unsafe-inline'" : '';
  return [
    "default-src 'self'",
    `script-src 'self'${devInline}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sets the policy as a response header on every app response. Chromium fires header events
 * for http(s) (the dev server) but not reliably for custom schemes, so the `mostrador://`
 * handler also sets the same header itself (app-protocol.ts).
 */
export function enforceContentSecurityPolicy(session: Session, source: RendererSource, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(source, details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
