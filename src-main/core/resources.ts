import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's `resources/` folder, found by walking up from this module: the same answer
 * from the sources (tests, tsx) and from the bundle in `out/main/`. The packaged app passes
 * its own path (process.resourcesPath) instead.
 */
export function defaultResourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'sunat');
    if (existsSync(candidate)) return join(dir, 'resources');
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('the resources/ folder with SUNAT schemas was not found');
    dir = parent;
  }
}
