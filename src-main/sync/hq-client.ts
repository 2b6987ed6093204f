import { z } from 'zod';
import {
  SYNC_HEADERS,
  type EnrolRequest,
  type EnrolResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncErrorCode,
} from './protocol';

/**
 * How an exchange with headquarters failed, which decides what the engine does next:
 * - network / timeout / unavailable: HQ cannot be reached (or is down): back off and retry;
 * - refused: HQ answered with one of its SyncErrorBody codes (credential, schema, request);
 * - malformed: something answered, but not like headquarters does;
 * - aborted: the engine is stopping;
 * - local: this terminal refused before asking (not enrolled, unknown dead letter, …).
 */
export type SyncErrorKind =
  'network' | 'timeout' | 'unavailable' | 'refused' | 'malformed' | 'aborted' | 'local';

/** Codes this side adds to HQ's SyncErrorCode. */
export type LocalSyncErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'MALFORMED'
  | 'NOT_ENROLLED'
  | 'ENROLMENT_MISMATCH'
  | 'DEAD_LETTER_NOT_FOUND'
  | 'CREDENTIAL_UNREADABLE'
  | 'BUSY'
  | 'INTERNAL'
  | `HTTP_${number}`;

export type SyncFailureCode = SyncErrorCode | LocalSyncErrorCode;

/** A failure of the sync engine: a stable code for code, a Spanish sentence for people. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
    readonly kind: SyncErrorKind,
    /** The HTTP status HQ answered with, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** The connection was reset (a kept-alive socket closed under us): worth one immediate resend. */
  reset = false;

  /** Nothing on this side can fix it soon: a new enrolment or an update is needed. */
  get needsPerson(): boolean {
    return (
      this.code === 'UNAUTHENTICATED' ||
      this.code === 'TERMINAL_REVOKED' ||
      this.code === 'FORBIDDEN' ||
      this.code === 'SCHEMA_UNSUPPORTED' ||
      this.code === 'CREDENTIAL_UNREADABLE' ||
      this.status === 401 ||
      this.status === 403 ||
      this.status === 426
    );
  }

  /** HQ is out of reach (as opposed to reachable and saying no). */
  get unreachable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'unavailable';
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

/** What every request reports about the terminal (SYNC_HEADERS). */
export interface TerminalReport {
  schemaVersion: number;
  appVersion: string;
  /** The terminal's clock now: HQ compares it with its own and flags a skew. */
  clock: Date;
  pendingCount: number;
}

export interface HqClientOptions {
  /** Headquarters' base URL, e.g. `https://hq.example.pe` (a path prefix is kept). */
  baseUrl: string;
  /** `<terminalId>.<token>`; absent for enrolment. */
  bearer?: string | null;
  timeoutMs: number;
  /** Read at each request, so the clock and pending count are current. */
  report: () => TerminalReport;
  /** Aborts every request in flight (the engine stopping). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

// Answers are checked before anything is stored: a proxy's error page or a half-written body
// must become a typed failure, never rows.
const enrolResponseSchema = z.object({
  terminalId: z.string().min(1),
  storeId: z.string().min(1),
  storeName: z.string(),
  token: z.string().min(16),
}) satisfies z.ZodType<EnrolResponse>;

const pushResponseSchema = z.object({
  batchId: z.string(),
  acks: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['applied', 'duplicate', 'rejected']),
      reason: z.string().optional(),
    }),
  ),
  clockSkewMs: z.number().int().nullable(),
  serverTime: z.string(),
}) satisfies z.ZodType<PushResponse>;

/**
 * Only the envelope of each change is checked here; the pull applier validates what each
 * entity carries, so an entity kind this version does not know is skipped, not fatal.
 */
const rawChangeSchema = z.object({
  changeNo: z.number().int().nonnegative(),
  entity: z.string(),
  op: z.enum(['upsert', 'delete']),
  data: z.unknown().optional(),
  key: z.string().optional(),
});
export type RawChange = z.infer<typeof rawChangeSchema>;

const pullResponseSchema = z.object({
  changes: z.array(rawChangeSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
/** PullResponse as received: the changes still to be validated per entity. */
export type RawPullResponse = Omit<PullResponse, 'changes'> & { changes: RawChange[] };

const errorBodySchema = z.object({ error: z.string(), message: z.string().min(1) });

// A Record, so a code added to the protocol fails the compile here until it is listed.
const HQ_CODES: Record<SyncErrorCode, true> = {
  UNAUTHENTICATED: true,
  TERMINAL_REVOKED: true,
  FORBIDDEN: true,
  ENROLMENT_CODE_INVALID: true,
  ENROLMENT_STORE_MISMATCH: true,
  SCHEMA_UNSUPPORTED: true,
  BAD_REQUEST: true,
  BATCH_TOO_LARGE: true,
  NOT_FOUND: true,
  CONFLICT: true,
  UNAVAILABLE: true,
};

function isHqCode(code: string): code is SyncErrorCode {
  return Object.hasOwn(HQ_CODES, code);
}

/** The terminal's side of the HTTP protocol: one method per route, typed answers, typed failures. */
export class HqClient {
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: HqClientOptions) {
    this.baseUrl = normalizeHqUrl(options.baseUrl);
    this.fetcher = options.fetch ?? fetch;
  }

  /** Not retried on a reset: the one-time code may already be spent. */
  enrol(request: EnrolRequest): Promise<EnrolResponse> {
    return this.exchange('POST', '/v1/enrol', request, enrolResponseSchema);
  }

  /** Safe to send twice: HQ applies records idempotently by id. */
  push(request: PushRequest): Promise<PushResponse> {
    return this.idempotent(() => this.exchange('POST', '/v1/push', request, pushResponseSchema));
  }

  changes(after: number, limit: number): Promise<RawPullResponse> {
    const query = new URLSearchParams({ after: String(after), limit: String(limit) });
    return this.idempotent(() =>
      this.exchange('GET', `/v1/changes?${query.toString()}`, undefined, pullResponseSchema),
    );
  }

  /**
   * A kept-alive connection the server closed just as we reused it fails at once with a
   * reset; browsers resend idempotent requests in that case, and so do we, once.
   */
  private async idempotent<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'network' && error.reset) return send();
      throw error;
    }
  }

  private async exchange<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
    const headers = this.headers(body !== undefined);
    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal,
      });
      // Read inside the try: a connection cut mid-body is a network failure, not a bad answer.
      text = await response.text();
    } catch (error) {
      throw this.transportError(error, timeout);
    }
    if (!response.ok) throw this.refusal(response.status, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw malformed(`respuesta que no es JSON (HTTP ${response.status})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformed(
        `respuesta incompleta${issue ? ` (${issue.path.join('.') || 'raíz'}: ${issue.message})` : ''}`,
      );
    }
    return parsed.data;
  }

  private headers(withBody: boolean): Record<string, string> {
    const report = this.options.report();
    const headers: Record<string, string> = {
      accept: 'application/json',
      [SYNC_HEADERS.schemaVersion]: String(report.schemaVersion),
      [SYNC_HEADERS.appVersion]: report.appVersion,
      [SYNC_HEADERS.clock]: report.clock.toISOString(),
      [SYNC_HEADERS.pending]: String(report.pendingCount),
    };
    if (withBody) headers['content-type'] = 'application/json';
    if (this.options.bearer) headers.authorization = `Bearer ${this.options.bearer}`;
    return headers;
  }

  private transportError(error: unknown, timeout: AbortSignal): SyncError {
    if (timeout.aborted) {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      return new SyncError(
        'TIMEOUT',
        `Sin conexión con la central (no respondió en ${seconds} s). Se reintentará automáticamente.`,
        'timeout',
      );
    }
    if (this.options.signal?.aborted) {
      return new SyncError(
        'ABORTED',
        'La sincronización se detuvo porque Mostrador se está cerrando.',
        'aborted',
      );
    }
    const failure = new SyncError(
      'NETWORK',
      `Sin conexión con la central (${networkReason(error)}). Se reintentará automáticamente.`,
      'network',
    );
    failure.reset = RESET_CODES.has(systemCode(error));
    return failure;
  }

  private refusal(status: number, text: string): SyncError {
    const body = parseErrorBody(text);
    if (body && isHqCode(body.error)) {
      const kind = status >= 500 || body.error === 'UNAVAILABLE' ? 'unavailable' : 'refused';
      return new SyncError(body.error, body.message, kind, status);
    }
    if (status >= 500) {
      return new SyncError(
        `HTTP_${status}`,
        `La central no está disponible en este momento (error ${status}). Se reintentará automáticamente.`,
        'unavailable',
        status,
      );
    }
    if (status === 413) {
      // A proxy in front of HQ with a smaller body limit: the engine halves its batches.
      return new SyncError(
        'BATCH_TOO_LARGE',
        'El envío es demasiado grande para la central.',
        'refused',
        status,
      );
    }
    if (status === 401 || status === 403) {
      return new SyncError(
        'UNAUTHENTICATED',
        'La central rechazó la credencial de esta caja: vuelva a inscribirla.',
        'refused',
        status,
      );
    }
    return new SyncError(
      `HTTP_${status}`,
      `La dirección configurada no respondió como una central de Mostrador (error ${status}). Revise la dirección de la central.`,
      'malformed',
      status,
    );
  }
}

/** `https://hq.example.pe/` and `https://hq.example.pe` are the same central. */
export function normalizeHqUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function malformed(detail: string): SyncError {
  return new SyncError('MALFORMED', `La central envió una respuesta no válida: ${detail}.`, 'malformed');
}

function parseErrorBody(text: string): { error: string; message: string } | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** Node's fetch hides the system error in `cause`. */
function systemCode(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
}

/** A short Spanish reason for people. */
function networkReason(error: unknown): string {
  const code = systemCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'la central no acepta conexiones';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no se encontró la dirección de la central';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return 'la conexión se cortó';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'no hay red hacia la central';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'la central no respondió';
    default:
      return code ? `error de red ${code}` : 'error de red';
  }
}
