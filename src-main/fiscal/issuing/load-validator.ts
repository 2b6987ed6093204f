import { createFiscalValidator } from '../validation/fiscal-validator';
import type { DocumentValidator } from './document-validator';

/**
 * One validator per process: the compiled SUNAT rule stylesheets and XSDs are large and
 * immutable, so every core (tests open many) shares the loaded copy.
 */
const loaded = new Map<string, Promise<DocumentValidator>>();

export function loadDocumentValidator(resourcesDir: string): Promise<DocumentValidator> {
  let validator = loaded.get(resourcesDir);
  if (!validator) {
    validator = createFiscalValidator({ resourcesDir });
    loaded.set(resourcesDir, validator);
    validator.catch(() => loaded.delete(resourcesDir));
  }
  return validator;
}
