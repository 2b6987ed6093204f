/**
 * What SUNAT already holds: documents answered with a CDR (a resend gets 1033 or 1032, the
 * consult service returns the stored CDR) and summaries received (a resend gets 2223/2324).
 * Exceptions (faults 01xx–1xxx) register nothing, as at SUNAT: the same document may be resent.
 */

export interface RegisteredDocument {
  name: string;
  ruc: string;
  docType: string;
  serie: string;
  number: number;
  status: 'accepted' | 'rejected';
  responseCode: string;
  cdrZip: Uint8Array;
}

export class DocumentRegistry {
  private readonly documents = new Map<string, RegisteredDocument>();
  private readonly summaries = new Set<string>();

  register(document: RegisteredDocument): void {
    this.documents.set(document.name, document);
  }

  get(name: string): RegisteredDocument | undefined {
    return this.documents.get(name);
  }

  find(ruc: string, docType: string, serie: string, number: number): RegisteredDocument | undefined {
    for (const document of this.documents.values()) {
      if (
        document.ruc === ruc &&
        document.docType === docType &&
        document.serie === serie &&
        document.number === number
      ) {
        return document;
      }
    }
    return undefined;
  }

  registerSummary(name: string): void {
    this.summaries.add(name);
  }

  hasSummary(name: string): boolean {
    return this.summaries.has(name);
  }

  clear(): void {
    this.documents.clear();
    this.summaries.clear();
  }
}
