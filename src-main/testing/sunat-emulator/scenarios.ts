/**
 * Scripted behaviour of the emulator. A scenario says how the emulator answers; a scope says
 * which requests it applies to. Precedence per request: the `next` queue, then a `document`
 * scenario for the file's name, then the `always` mode (initially `accept`).
 *
 * Refusing connections is not a scenario: nothing about the request is known when it happens.
 * Use `emulator.refuseConnections()` / `acceptConnections()`.
 */

export interface ObservationNote {
  /** 4000 or above. */
  code: string;
  message: string;
}

/** Outcomes decided after the document passed every check (sendBill / sendSummary only). */
export type DocumentOutcomeScenario =
  /** CDR code 0. For a summary, getStatus answers `98` for `pendingPolls` polls first. */
  | { kind: 'accept'; pendingPolls?: number }
  /** CDR code 0 with `NNNN - mensaje` notes (default: one 4252 observation). */
  | { kind: 'observe'; notes?: readonly ObservationNote[]; pendingPolls?: number }
  /**
   * Rejection, 2000–3999 (default 2017): as a CDR (`via: 'cdr'`, default) or as a SOAP fault,
   * which SUNAT production often does. Summaries: getStatus `99` with the error CDR.
   */
  | { kind: 'reject'; code?: string; description?: string; via?: 'cdr' | 'fault'; pendingPolls?: number };

/** Answers that do not depend on the document: any operation may take them. */
export type ServiceScenario =
  /**
   * A SOAP fault before looking at the document, e.g. `0109` (SUNAT-side exception) or `1033`.
   * `codeIn: 'faultstring'` answers `env:Client` with the code only in the text, as some
   * SUNAT front ends do.
   */
  | { kind: 'fault'; code: string; message?: string; codeIn?: 'faultcode' | 'faultstring' }
  /** An HTTP error page without SOAP, e.g. the 502 of SUNAT's proxy (default 502). */
  | { kind: 'http-error'; status?: number }
  /** Reads the request and never answers, until the client gives up or the emulator closes. */
  | { kind: 'hang' }
  /** HTTP 200 with an empty body, what SUNAT production does on refused credentials. */
  | { kind: 'empty-response' };

export type EmulatorScenario = DocumentOutcomeScenario | ServiceScenario;

export type ScenarioScope =
  /** Every request from now on (replaces the previous mode). */
  | { kind: 'always' }
  /** The next `count` (default 1) requests it applies to, queued after earlier ones. */
  | { kind: 'next'; count?: number }
  /** Every sendBill/sendSummary of this document name (`.zip` optional) until cleared. */
  | { kind: 'document'; name: string };

export interface ScenarioRequest {
  /** Whether the operation sends a document (only those take document outcomes). */
  sendsDocument: boolean;
  documentName: string | undefined;
}

const DEFAULT_MODE: EmulatorScenario = { kind: 'accept' };

export function isDocumentOutcome(scenario: EmulatorScenario): scenario is DocumentOutcomeScenario {
  return scenario.kind === 'accept' || scenario.kind === 'observe' || scenario.kind === 'reject';
}

export class ScenarioBook {
  private mode: EmulatorScenario = DEFAULT_MODE;
  private readonly queue: EmulatorScenario[] = [];
  private readonly byDocument = new Map<string, EmulatorScenario>();

  set(scenario: EmulatorScenario, scope: ScenarioScope = { kind: 'always' }): void {
    switch (scope.kind) {
      case 'always':
        this.mode = scenario;
        return;
      case 'next': {
        const count = scope.count ?? 1;
        if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be ≥ 1: ${count}`);
        for (let i = 0; i < count; i++) this.queue.push(scenario);
        return;
      }
      case 'document':
        this.byDocument.set(scope.name.replace(/\.zip$/i, ''), scenario);
        return;
    }
  }

  /** Back to accepting everything. */
  clear(): void {
    this.mode = DEFAULT_MODE;
    this.queue.length = 0;
    this.byDocument.clear();
  }

  /** The scenario for this request; a matching `next` entry is used up. */
  take(request: ScenarioRequest): EmulatorScenario {
    const applies = (scenario: EmulatorScenario): boolean =>
      request.sendsDocument || !isDocumentOutcome(scenario);
    const queued = this.queue.findIndex(applies);
    if (queued >= 0) return this.queue.splice(queued, 1)[0] ?? DEFAULT_MODE;
    const forDocument = request.documentName ? this.byDocument.get(request.documentName) : undefined;
    if (forDocument && applies(forDocument)) return forDocument;
    return applies(this.mode) ? this.mode : DEFAULT_MODE;
  }
}
