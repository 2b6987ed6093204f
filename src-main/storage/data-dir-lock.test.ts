import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempCore } from '../testing/temp-core';
import { claimDataDir, DataDirInUseError } from './data-dir-lock';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-lock-'));
  dirs.push(dir);
  return dir;
}

/** A separate Node process that claims the folder, says "held" and waits to be killed. */
function holderProcess(dir: string): Promise<{ kill(): Promise<void> }> {
  const script = `
    import { claimDataDir } from './src-main/storage/data-dir-lock.ts';
    claimDataDir(${JSON.stringify(dir)});
    console.log('held');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held'))
        resolve({
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`holder exited (${code}): ${stderr}`)));
  });
}

describe('one core per data folder', () => {
  it('refuses a second claim in the same process until the first is released', () => {
    const dir = tempDir();
    const first = claimDataDir(dir);
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
    first.release();
    claimDataDir(dir).release();
  });

  it('refuses a claim held by another process, and the folder is free as soon as that process dies', async () => {
    const dir = tempDir();
    // The lock file already exists, as on every start after the first.
    claimDataDir(dir).release();
    const holder = await holderProcess(dir);
    let refused: unknown;
    try {
      claimDataDir(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as DataDirInUseError).message).toContain('Otro Mostrador ya está abierto');
    // Killed without a chance to clean up, as in a crash: the OS drops its lock.
    await holder.kill();
    claimDataDir(dir).release();
  }, 30_000);

  it('a second core on an open terminal is refused and the first keeps working; after close it opens', async () => {
    const first = await openTempCore({ dataDir: tempDir() });
    await expect(openTempCore({ dataDir: first.dir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(first.core.ctx.catalog.byBarcode('7752242641970')?.sku).toBe('BEB-0026');
    first.core.close();
    const again = await openTempCore({ dataDir: first.dir });
    again.core.close();
  }, 60_000);
});
