/**
 * The Electron shell, end to end: the built app (out/main/index.js) starts on a fresh data
 * folder, shows the login screen, exposes only `window.mostrador` (transport 'electron')
 * and no Node, and a call goes all the way to the core's utilityProcess and back.
 * Needs `npm run build`, an Electron binary and a display; skips (saying why) without the binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron executable the way `require('electron')` does, but without requiring it:
 * in this version requiring it starts a download when the binary is missing.
 */
function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return {
      ok: false,
      reason: 'Electron binary not installed on this machine: the electron package is missing',
    };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable) : join(packageDir, 'dist', executable);
  if (!existsSync(binary)) {
    return {
      ok: false,
      reason: `Electron binary not installed on this machine (no ${binary}; run \`npx install-electron\` where downloads work)`,
    };
  }
  try {
    // Run as plain Node so the check needs no display: it proves the binary executes here.
    execFileSync(binary, ['--version'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      timeout: 20_000,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      reason: `Electron binary not installed on this machine (${binary} does not run: ${detail})`,
    };
  }
  return { ok: true, path: binary };
}

test('the Electron shell shows the login screen behind one sandboxed door', async () => {
  test.setTimeout(120_000);
  const binary = findElectronBinary();
  if (!binary.ok) console.log(`electron.spec: skipped: ${binary.reason}`);
  test.skip(!binary.ok, binary.ok ? '' : binary.reason);
  if (!binary.ok) return;
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` before the electron project');
  }

  const scratch = mkdtempSync(join(tmpdir(), 'mostrador-electron-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  // Never the dev server, never Node mode: the built app as a cashier would get it.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  env.MOSTRADOR_DATA_DIR = join(scratch, 'data');
  env.MOSTRADOR_USER_DATA_DIR = join(scratch, 'profile');

  // Launching the project folder runs package.json "main" (out/main/index.js) with the app path
  // at the project root, where the Electron build of better-sqlite3 (.native/electron) is found.
  const app = await electron.launch({ executablePath: binary.path, args: [root], cwd: root, env });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'Ingresar' })).toBeVisible({ timeout: 60_000 });

    const transport = await page.evaluate(
      () => (globalThis as { mostrador?: { transport?: string } }).mostrador?.transport,
    );
    expect(transport).toBe('electron');
    expect(await page.evaluate(() => typeof require)).toBe('undefined');

    const storeInfo = await page.evaluate(async () => {
      const bridge = (globalThis as { mostrador?: { invoke(request: { method: string }): Promise<unknown> } })
        .mostrador;
      return bridge?.invoke({ method: 'store.info' });
    });
    expect(storeInfo).toMatchObject({ ok: true, value: { terminalCode: expect.any(String) } });
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
