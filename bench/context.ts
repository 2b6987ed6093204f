import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigStore } from './big-store';

/** What benchmarks share within one run: temp folders and the 200k-product store, built at most once. */
export class BenchContext {
  private readonly dirs: string[] = [];
  private bigStorePromise: Promise<BigStore> | undefined;
  private builtStore: BigStore | undefined;

  tempDir(label: string): string {
    const dir = mkdtempSync(join(tmpdir(), `mostrador-bench-${label}-`));
    this.dirs.push(dir);
    return dir;
  }

  bigStore(): Promise<BigStore> {
    this.bigStorePromise ??= BigStore.build(this.tempDir('200k')).then((store) => (this.builtStore = store));
    return this.bigStorePromise;
  }

  dispose(): void {
    this.builtStore?.close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
