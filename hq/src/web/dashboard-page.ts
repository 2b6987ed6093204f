import { createHash } from 'node:crypto';
import { DASHBOARD_SCRIPT } from './dashboard-script';
import { DASHBOARD_CSS } from './dashboard-style';

/**
 * Headquarters' one page: static HTML with its stylesheet and script inline. It holds no data
 * (that comes from /api with the admin token), so it is the same for everyone and its
 * Content-Security-Policy can allow exactly these two blocks by hash, nothing else.
 */

const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(DASHBOARD_SCRIPT)}`,
  `style-src ${cspHash(DASHBOARD_CSS)}`,
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // The script writes text only; an HTML sink used by mistake fails loudly instead of injecting.
  "require-trusted-types-for 'script'",
].join('; ');

const panel = (id: string, title: string, extra = '', wide = false): string => `
    <section class="panel${wide ? ' wide' : ''}" id="${id}" aria-labelledby="${id}-title">
      <header><h2 id="${id}-title">${title}</h2>${extra}<span class="note"></span></header>
      <div class="body"><p class="message">Cargando…</p></div>
    </section>`;

const REC_STATUS_PICKER = `
        <label>Mostrar <select id="rec-status"><option value="open">Por resolver</option><option value="resolved">Resueltas</option></select></label>`;

const PANELS = [
  panel('panel-sales', 'Ventas por tienda y día'),
  panel('panel-payments', 'Por medio de pago'),
  panel('panel-top', 'Productos más vendidos'),
  panel('panel-stock', 'Stock por tienda'),
  panel('panel-terminals', 'Cajas', '', true),
  panel('panel-reconciliation', 'Conciliación de stock', REC_STATUS_PICKER, true),
].join('');

export const DASHBOARD_HTML = `<!doctype html>
<html lang="es-PE">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>Mostrador · Sede central</title>
  <link rel="icon" href="data:,">
  <style>${DASHBOARD_CSS}</style>
</head>
<body>
  <header class="top">
    <h1>Mostrador · Sede central</h1>
    <span id="status" class="status" role="status" aria-live="polite"></span>
    <button id="logout" type="button" hidden>Cerrar sesión</button>
  </header>

  <section id="login" class="login" hidden>
    <form id="login-form" autocomplete="off">
      <h2>Ingreso del administrador</h2>
      <p>Ingrese el token de administrador de la sede central. Se guarda solo en esta pestaña del navegador.</p>
      <label for="token">Token de administrador</label>
      <input id="token" type="password" autocomplete="current-password" required>
      <p id="login-error" class="error" role="alert"></p>
      <button type="submit">Ingresar</button>
    </form>
  </section>

  <main id="app" hidden>
    <form id="filters" class="filters">
      <label>Desde <input id="from" type="date"></label>
      <label>Hasta <input id="to" type="date"></label>
      <label>Tienda <select id="store"><option value="">Todas las tiendas</option></select></label>
      <button type="submit">Actualizar</button>
      <span class="hint">Por fecha de emisión (día en Lima). Las ventas anuladas no se cuentan.</span>
    </form>
    <div class="grid">${PANELS}
    </div>
  </main>

  <dialog id="resolve-dialog" aria-labelledby="resolve-title">
    <form id="resolve-form">
      <h2 id="resolve-title">Resolver diferencia de stock</h2>
      <p id="resolve-subject" class="muted"></p>
      <label for="resolved-by">Resuelto por</label>
      <input id="resolved-by" maxlength="80" autocomplete="name" required>
      <label for="resolution">Resolución</label>
      <textarea id="resolution" maxlength="500" rows="4" required placeholder="Ej.: conteo físico, merma registrada, ingreso de mercadería pendiente…"></textarea>
      <p id="resolve-error" class="error" role="alert"></p>
      <div class="actions">
        <button type="button" id="resolve-cancel" class="secondary">Cancelar</button>
        <button type="submit">Guardar resolución</button>
      </div>
    </form>
  </dialog>
  <script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;
