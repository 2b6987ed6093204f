import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openReportFixture, type ReportFixture } from '../reports/report-fixtures';
import { registerReportRoutes } from '../reports/report-routes';
import { registerDashboardRoutes } from './dashboard-routes';
import { DASHBOARD_SCRIPT } from './dashboard-script';
import { DASHBOARD_CSS } from './dashboard-style';

let fixture: ReportFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await openReportFixture();
  app = await buildTestApp(fixture.ctx, [registerReportRoutes, registerDashboardRoutes]);
});

afterAll(async () => {
  await app?.close();
  await fixture?.handle.close();
});

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** The text between an opening and closing tag, exactly as the browser hashes it. */
function inlineBlock(html: string, tag: 'script' | 'style'): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!match?.[1]) throw new Error(`no <${tag}> in the page`);
  return match[1];
}

describe('GET /', () => {
  it('serves the page in Spanish without asking for the token', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<html lang="es-PE">');
    for (const heading of [
      'Ventas por tienda y día',
      'Por medio de pago',
      'Productos más vendidos',
      'Stock por tienda',
      'Cajas',
      'Conciliación de stock',
    ]) {
      expect(html).toMatch(new RegExp(`<h2 id="[a-z-]+">${heading}</h2>`));
    }
    expect(html).toContain('Token de administrador');
    expect(html).toContain('type="date"');
    // The states a terminal can be flagged with, and the button that settles an oversell.
    for (const word of ["'atrasada'", "'reloj desfasado'", "'revocada'", "'Resolver'"]) {
      expect(DASHBOARD_SCRIPT).toContain(word);
    }
  });

  it('allows exactly its inline script and style through a strict CSP', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const script = inlineBlock(response.body, 'script');
    const style = inlineBlock(response.body, 'style');
    expect(script).toBe(DASHBOARD_SCRIPT);
    expect(style).toBe(DASHBOARD_CSS);
    expect(csp).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    // No other script, no inline handler or style attribute the policy would block.
    expect(response.body.match(/<script/g)).toHaveLength(1);
    expect(response.body).not.toMatch(/\son[a-z]+=|\sstyle=/i);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('ships a script that parses and never writes markup', () => {
    expect(() => new Script(DASHBOARD_SCRIPT)).not.toThrow();
    // Data reaches the page as text only (product names are typed by people).
    expect(DASHBOARD_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(DASHBOARD_SCRIPT).toContain("Authorization: 'Bearer ' + token");
    expect(DASHBOARD_SCRIPT).toContain('sessionStorage');
  });

  it('leaves the data behind the admin token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/reports/terminals' })).statusCode).toBe(401);
  });
});
