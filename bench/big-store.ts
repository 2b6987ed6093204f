import { openEmptyDrawer } from '../src-main/cash/open-empty-drawer';
import { generateCatalog } from '../db/seeds/catalog-generator';
import type { CatalogProduct } from '../db/seeds/demo-catalog';
import { createCore, type Core } from '../src-main/core/core';
import { elapsedMs } from './stats';

export const BIG_CATALOG_SIZE = 200_000;
const CATALOG_SEED = 42;

/** The demo store with a 200,000-product catalogue on a real file, as a large minimarket chain would have. */
export class BigStore {
  private open: Core | undefined;

  private constructor(
    readonly dir: string,
    readonly products: readonly CatalogProduct[],
    /** createCore on an empty folder: migrations, demo seed and the search index. */
    readonly buildMs: number,
    core: Core,
  ) {
    this.open = core;
  }

  static async build(dir: string): Promise<BigStore> {
    // Generating the list in memory is bench scaffolding, so it stays out of the build time.
    const products = generateCatalog(BIG_CATALOG_SIZE, CATALOG_SEED);
    const start = process.hrtime.bigint();
    const core = await createCore({ dataDir: dir, demo: true, demoProducts: products });
    const seedMs = elapsedMs(start);
    await core.fiscal.ready();
    openEmptyDrawer(core);
    return new BigStore(dir, products, seedMs, core);
  }

  /** The open core, reopened if a benchmark closed it (the store already exists, so nothing is seeded). */
  async core(): Promise<Core> {
    if (!this.open) {
      this.open = await createCore({ dataDir: this.dir });
      await this.open.fiscal.ready();
      openEmptyDrawer(this.open);
    }
    return this.open;
  }

  /** Closes the core (folding the WAL back) so another process can measure a clean open. */
  close(): void {
    this.open?.close();
    this.open = undefined;
  }

  /** Products with a barcode, the way a cashier meets them. */
  barcodes(filter: (product: CatalogProduct) => boolean = () => true): string[] {
    const codes: string[] = [];
    for (const product of this.products) {
      const code = product.barcodes[0];
      if (code !== undefined && filter(product)) codes.push(code);
    }
    return codes;
  }
}
