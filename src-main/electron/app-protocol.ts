import { extname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before `app.ready`: a standard, secure scheme behaves like https (origin, ES modules, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// ES module scripts are refused unless served as JavaScript, so the type never depends on the platform's guess.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function notFound(): Response {
  return new Response('No encontrado', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The file a `mostrador://app/...` URL names inside the renderer folder, or null if it points outside. */
function fileFor(rendererDir: string, url: string): string | null {
  const { host, pathname } = new URL(url);
  if (host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Paths without an extension are screens of the single-page app, not files.
  if (path === '/' || extname(path) === '') path = '/index.html';
  const file = resolve(rendererDir, `.${path}`);
  const inside = relative(rendererDir, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null;
}

/** Serves the built renderer (out/renderer) on `mostrador://app/`, every response with our policy header. */
export function serveRenderer(rendererDir: string, contentSecurityPolicy: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileFor(root, request.url);
    if (!file) return notFound();
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return notFound();
    }
    const headers = new Headers(response.headers);
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
    if (contentType) headers.set('Content-Type', contentType);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
