import type { DocumentValidator } from './document-validator';

/**
 * SUNAT's schemas and rule stylesheets take about a second to load: the core starts without
 * them (the counter can scan at once) and they load in the background. Whatever needs them
 * awaits `ready()` first; `validate` itself stays synchronous so it runs inside a transaction.
 */
export class DeferredValidator implements DocumentValidator {
  private loaded: DocumentValidator | null = null;
  private readonly loading: Promise<DocumentValidator>;

  constructor(load: Promise<DocumentValidator>) {
    this.loading = load.then((validator) => (this.loaded = validator));
    // Awaited by every user; an unobserved failure must not crash the process meanwhile.
    this.loading.catch(() => undefined);
  }

  async ready(): Promise<void> {
    await this.loading;
  }

  validate(input: Parameters<DocumentValidator['validate']>[0]): ReturnType<DocumentValidator['validate']> {
    if (!this.loaded) throw new Error('SUNAT validation is still loading: await ready() first');
    return this.loaded.validate(input);
  }
}
