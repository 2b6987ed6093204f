import type { EnrolResponse, SyncErrorBody } from '../../../src-main/sync/protocol';
import { SYNC_HEADERS } from '../../../src-main/sync/protocol';
import { newId } from '../../../src-main/shared/ids';
import { startHq, type RunningHq } from '../start-hq';

/** A headquarters on loopback with PGlite in memory and a clock the test moves. */
export interface TestHq extends RunningHq {
  clock: { now: Date };
  /** Moves HQ's clock forward. */
  advance(ms: number): void;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>>;
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

export interface TestHqOptions {
  demo?: boolean;
  /** A PostgreSQL server (startTempPostgres) instead of PGlite in memory. */
  databaseUrl?: string;
  /** PGlite in this folder (survives a restart of HQ) instead of memory. */
  dataDir?: string;
  port?: number;
}

/** Starts at the instant temp cores start at, so a terminal's clock agrees with HQ's. */
export async function startTestHq(options: TestHqOptions = {}): Promise<TestHq> {
  const clock = { now: new Date('2026-11-23T15:00:00.000Z') };
  const hq = await startHq({
    demo: options.demo ?? false,
    now: () => new Date(clock.now),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.port ? { port: options.port } : {}),
  });
  return {
    ...hq,
    clock,
    advance: (ms) => {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    admin: (method, path, body) =>
      http(hq.url, method, path, { authorization: `Bearer ${hq.ctx.adminToken}` }, body),
  };
}

export async function http<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<HttpAnswer<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers = { ...headers, 'content-type': 'application/json' };
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

export type ErrorAnswer = HttpAnswer<SyncErrorBody>;

export interface TestStore {
  id: string;
  ruc: string;
  tradeName: string;
}

/** Valid RUCs (check digit) for test stores. */
export const TEST_RUCS = ['20100070970', '20131312955', '20512345671'] as const;

export async function createTestStore(hq: TestHq, ruc: string, tradeName: string): Promise<TestStore> {
  const answer = await hq.admin<TestStore>('POST', '/api/admin/stores', {
    ruc,
    legalName: `${tradeName.toUpperCase()} S.A.C.`,
    tradeName,
    address: 'Jr. de la Unión 100, Lima',
  });
  if (answer.status !== 201) throw new Error(`store not created: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function issueCode(
  hq: TestHq,
  storeId: string,
  terminalCode = 'CAJA-01',
  ttlHours?: number,
): Promise<string> {
  const answer = await hq.admin<{ code: string }>('POST', `/api/admin/stores/${storeId}/enrolment-codes`, {
    terminalCode,
    terminalName: terminalCode.replace('CAJA-', 'Caja '),
    ...(ttlHours === undefined ? {} : { ttlHours }),
  });
  if (answer.status !== 201) throw new Error(`code not issued: ${JSON.stringify(answer.body)}`);
  return answer.body.code;
}

export interface TestTerminal {
  terminalId: string;
  token: string;
  /** Authorization plus the sync headers of an up-to-date terminal whose clock agrees with HQ's. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

export function enrolBody(store: { id: string; ruc: string }, code: string, terminalCode = 'CAJA-01') {
  return {
    code,
    terminalId: newId(),
    storeId: store.id,
    ruc: store.ruc,
    terminalCode,
    terminalName: terminalCode.replace('CAJA-', 'Caja '),
  };
}

/** Issues a code and enrols a new terminal with it. */
export async function enrolTestTerminal(
  hq: TestHq,
  store: { id: string; ruc: string },
  terminalCode = 'CAJA-01',
): Promise<TestTerminal> {
  const code = await issueCode(hq, store.id, terminalCode);
  const answer = await http<EnrolResponse>(
    hq.url,
    'POST',
    '/v1/enrol',
    {},
    enrolBody(store, code, terminalCode),
  );
  if (answer.status !== 200) throw new Error(`not enrolled: ${JSON.stringify(answer.body)}`);
  return terminalFrom(hq, answer.body);
}

export function terminalFrom(hq: TestHq, enrolled: EnrolResponse): TestTerminal {
  return {
    terminalId: enrolled.terminalId,
    token: enrolled.token,
    headers: (extra = {}) => ({
      authorization: `Bearer ${enrolled.terminalId}.${enrolled.token}`,
      [SYNC_HEADERS.schemaVersion]: '8',
      [SYNC_HEADERS.appVersion]: '0.1.0',
      [SYNC_HEADERS.clock]: hq.clock.now.toISOString(),
      [SYNC_HEADERS.pending]: '0',
      ...extra,
    }),
  };
}
