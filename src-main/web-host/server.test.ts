import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResponse } from '../api/transport';
import { startWebHost, type WebHost } from './server';

let host: WebHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mostrador-webhost-'));
  host = await startWebHost({ dataDir: dir, rendererDir: join(dir, 'no-renderer') });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${host.origin}${path}`,
      { method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function rpc(method: string, input?: unknown, session?: string): Promise<RpcResponse> {
  const res = await raw('/api/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mostrador-token': host.token },
    body: JSON.stringify({ method, input, session }),
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as RpcResponse;
}

describe('loopback web host', () => {
  it('refuses calls without the host token, from another Host, or from another origin', async () => {
    const body = JSON.stringify({ method: 'store.info' });
    const json = { 'content-type': 'application/json' };
    expect((await raw('/api/rpc', { method: 'POST', headers: json, body })).status).toBe(401);
    expect(
      (
        await raw('/api/rpc', {
          method: 'POST',
          headers: { ...json, 'x-mostrador-token': 'x'.repeat(43) },
          body,
        })
      ).status,
    ).toBe(401);
    const rebinding = await raw('/api/rpc', {
      method: 'POST',
      headers: { ...json, 'x-mostrador-token': host.token, host: 'evil.example:80' },
      body,
    });
    expect(rebinding.status).toBe(421);
    const crossSite = await raw('/api/rpc', {
      method: 'POST',
      headers: { ...json, 'x-mostrador-token': host.token, origin: 'http://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect((await raw('/api/events?token=nope')).status).toBe(401);
  });

  it('says in Spanish that the renderer is not built, and never serves files outside it', async () => {
    const page = await raw('/');
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build');
    expect((await raw('/../../etc/passwd')).body).not.toContain('root:');
  });

  it('runs the contract: public, authenticated, role-checked and validated methods', async () => {
    const info = await rpc('store.info');
    expect(info).toMatchObject({ ok: true, value: { terminalCode: 'CAJA-01' } });

    expect(await rpc('cart.current')).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await rpc('no.such')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await rpc('session.login', { username: 'cajero', pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Usuario o PIN incorrecto.' },
    });

    const login = await rpc('session.login', { username: 'cajero', pin: '1234' });
    if (!login.ok) throw new Error(login.error.message);
    const { token } = login.value as { token: string };

    const invalid = await rpc('cart.scan', { code: '' }, token);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!invalid.ok) expect(invalid.error.message).toMatch(/^Datos inválidos: code: /);

    // A cashier may set the day's dollar rate only with a supervisor's PIN, checked by the dispatcher.
    expect(await rpc('exchangeRate.set', { rateE4: 37_500 }, token)).toMatchObject({
      ok: false,
      error: {
        code: 'APPROVAL_REQUIRED',
        message: 'Se necesita la autorización de un supervisor: registrar el tipo de cambio.',
      },
    });
    const cashierApproves = { username: 'cajero', pin: '1234' };
    expect(await rpc('exchangeRate.set', { rateE4: 37_500, approval: cashierApproves }, token)).toMatchObject(
      {
        ok: false,
        error: { code: 'APPROVAL_INVALID' },
      },
    );
    const supervisorApproves = { username: 'supervisor', pin: '5678' };
    expect(
      await rpc('exchangeRate.set', { rateE4: 37_500, approval: supervisorApproves }, token),
    ).toMatchObject({
      ok: true,
      value: { rateE4: 37_500 },
    });
    expect(await rpc('exchangeRate.today', {}, token)).toMatchObject({ ok: true, value: { rateE4: 37_500 } });
    const db = new BetterSqlite3(host.databaseFile, { readonly: true });
    const audit = db
      .prepare(
        `SELECT u.username AS asked, s.username AS approved FROM audit_log a
           JOIN users u ON u.id = a.user_id JOIN users s ON s.id = a.approver_id
          WHERE a.action = 'exchange_rate.set'`,
      )
      .all();
    db.close();
    expect(audit).toEqual([{ asked: 'cajero', approved: 'supervisor' }]);

    const unknown = await rpc('cart.scan', { code: '7750000000007' }, token);
    const misread = await rpc('cart.scan', { code: '7750000000000' }, token);
    expect(misread).toMatchObject({ ok: false, error: { code: 'BARCODE_CHECK_DIGIT' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'PRODUCT_NOT_FOUND' } });
    const scanned = await rpc('cart.scan', { code: '7752242641970' }, token);
    expect(scanned).toMatchObject({ ok: true, value: { totals: { totalCents: 650 } } });
  });

  it('pushes core events to the page over server-sent events', async () => {
    const login = await rpc('session.login', { username: 'cajero', pin: '1234' });
    if (!login.ok) throw new Error(login.error.message);
    const { token } = login.value as { token: string };
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => (connected = resolve));
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${host.origin}/api/events?token=${host.token}`, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (chunk.includes(': conectado')) connected();
          if (chunk.includes('cart.changed')) {
            resolve(chunk);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await ready;
    await rpc('cart.scan', { code: '7756610335003' }, token);
    expect(await received).toContain('"type":"cart.changed"');
  });
});
