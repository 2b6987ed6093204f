import { app } from 'electron';

/**
 * Where the window's page comes from. Built app: our own `mostrador://app` scheme, which
 * gives the page a real origin of its own (file:// pages share one opaque origin with
 * every file on disk). Development: the electron-vite dev server.
 */
export const APP_SCHEME = 'mostrador';
export const APP_HOST = 'app';

export interface RendererSource {
  entryUrl: string;
  /** `scheme://host[:port]` every trusted page URL starts with. */
  origin: string;
  devServer: boolean;
}

/** `scheme://host[:port]` of a URL, or null. Built by hand: Node's URL says 'null' for custom schemes. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function rendererSource(): RendererSource {
  // A packaged app never takes its page from an environment variable.
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const devOrigin = devUrl ? originOf(devUrl) : null;
  if (devUrl && devOrigin) return { entryUrl: devUrl, origin: devOrigin, devServer: true };
  const origin = `${APP_SCHEME}://${APP_HOST}`;
  return { entryUrl: `${origin}/index.html`, origin, devServer: false };
}

export function isAppUrl(source: RendererSource, url: string): boolean {
  return originOf(url) === source.origin;
}
