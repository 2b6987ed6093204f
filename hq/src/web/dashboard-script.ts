/**
 * The page's only script, inlined and allowed by its hash in the Content-Security-Policy.
 * Plain browser JavaScript (no build step). Every piece of data reaches the page through
 * `textContent`, never as markup: product and store names are typed by people.
 * Kept free of backticks and `${` so it can live in this template literal unchanged.
 */
export const DASHBOARD_SCRIPT = String.raw`
'use strict';
(() => {
  const TOKEN_KEY = 'mostrador.hq.adminToken';
  const NAME_KEY = 'mostrador.hq.resolvedBy';
  const byId = (id) => document.getElementById(id);

  let token = sessionStorage.getItem(TOKEN_KEY) || '';
  let resolving = null;

  class AuthError extends Error {}

  // --- formatting ------------------------------------------------------------------------
  const instantFormat = new Intl.DateTimeFormat('es-PE', {
    timeZone: 'America/Lima',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const dayText = (isoDate) => isoDate.split('-').reverse().join('/');
  const instantText = (iso) => (iso ? instantFormat.format(new Date(iso)) : '—');
  const durationText = (ms) => {
    const minutes = Math.round(Math.abs(ms) / 60000);
    if (minutes < 1) return 'menos de 1 min';
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
    return Math.floor(hours / 24) + ' días';
  };
  const agoText = (iso, nowIso) =>
    iso ? 'hace ' + durationText(new Date(nowIso).getTime() - new Date(iso).getTime()) : 'nunca';

  // --- DOM helpers (text only) -----------------------------------------------------------
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  const row = (cells, className) => {
    const tr = document.createElement('tr');
    if (className) tr.className = className;
    for (const cell of cells) tr.append(cell);
    return tr;
  };
  const td = (text, className) => el('td', text, className);
  // numeric: indexes of the right-aligned columns.
  const table = (headings, numeric, rows, footer) => {
    const t = document.createElement('table');
    const head = document.createElement('thead');
    head.append(row(headings.map((h, i) => el('th', h, numeric.includes(i) ? 'num' : ''))));
    const body = document.createElement('tbody');
    for (const r of rows) body.append(r);
    t.append(head, body);
    if (footer) {
      const foot = document.createElement('tfoot');
      foot.append(footer);
      t.append(foot);
    }
    return t;
  };
  const panelBody = (panelId) => byId(panelId).querySelector('.body');
  const panelNote = (panelId, text) => {
    byId(panelId).querySelector('header .note').textContent = text || '';
  };
  const showMessage = (panelId, text, isError) => {
    panelBody(panelId).replaceChildren(el('p', text, isError ? 'message error' : 'message'));
  };

  // --- API -------------------------------------------------------------------------------
  const api = async (path, body) => {
    const headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    const init = { headers, cache: 'no-store' };
    if (body !== undefined) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new Error('No hay conexión con la sede central.');
    }
    if (response.status === 401) {
      signOut('El token no es válido. Ingréselo de nuevo.');
      throw new AuthError('401');
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      throw new Error(data && typeof data.message === 'string' ? data.message : 'Error ' + response.status + '.');
    }
    return data;
  };
  const query = (params) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return text ? '?' + text : '';
  };

  // --- panels ----------------------------------------------------------------------------
  const renderSales = (report) => {
    byId('from').value = report.from;
    byId('to').value = report.to;
    panelNote('panel-sales', 'Del ' + dayText(report.from) + ' al ' + dayText(report.to));
    if (report.rows.length === 0) return showMessage('panel-sales', 'No hay ventas en estas fechas.');
    const rows = report.rows.map((r) =>
      row([td(dayText(r.date)), td(r.storeName), td(r.salesCount, 'num'), td(r.igvLabel, 'num'), td(r.totalLabel, 'num')]),
    );
    const total = report.totals;
    const footer = row([
      td('Total'),
      td(''),
      td(total.salesCount, 'num'),
      td(total.igvLabel, 'num'),
      td(total.totalLabel, 'num'),
    ]);
    panelBody('panel-sales').replaceChildren(table(['Fecha', 'Tienda', 'Ventas', 'IGV', 'Total'], [2, 3, 4], rows, footer));
  };

  const renderPayments = (report) => {
    const rows = report.rows.map((r) =>
      row([td(r.methodLabel), td(r.paymentsCount, 'num'), td(r.amountLabel, 'num')], r.paymentsCount ? '' : 'muted'),
    );
    const footer = row([td('Total'), td(''), td(report.totalLabel, 'num')]);
    panelNote('panel-payments', 'Importes netos del vuelto');
    panelBody('panel-payments').replaceChildren(table(['Medio de pago', 'Pagos', 'Importe'], [1, 2], rows, footer));
  };

  const renderTop = (report) => {
    if (report.rows.length === 0) return showMessage('panel-top', 'No hay productos vendidos en estas fechas.');
    const rows = report.rows.map((r, i) =>
      row([
        td(i + 1, 'num'),
        td(r.sku, 'code'),
        td(r.description),
        td(r.quantityLabel + (r.unit === 'KGM' ? ' kg' : ''), 'num'),
        td(r.amountLabel, 'num'),
      ]),
    );
    panelNote('panel-top', 'Los ' + report.limit + ' de mayor importe');
    panelBody('panel-top').replaceChildren(table(['#', 'SKU', 'Producto', 'Cantidad', 'Importe'], [0, 3, 4], rows));
  };

  const renderStock = (report) => {
    const negatives = report.rows.filter((r) => r.negative).length;
    panelNote(
      'panel-stock',
      (negatives ? negatives + ' en negativo' : 'Ninguno en negativo') +
        (report.truncated ? ' · se muestran los primeros ' + report.rows.length : ''),
    );
    if (report.rows.length === 0) return showMessage('panel-stock', 'No hay movimientos de stock.');
    const rows = report.rows.map((r) => {
      const level = td(r.levelLabel + (r.unit === 'KGM' ? ' kg' : ''), r.negative ? 'num neg' : 'num');
      return row([
        td(r.storeName),
        td(r.sku || '—', 'code'),
        td(r.productName || 'Producto desconocido (' + r.productId + ')', r.productName ? '' : 'muted'),
        level,
      ]);
    });
    panelBody('panel-stock').replaceChildren(table(['Tienda', 'SKU', 'Producto', 'Stock'], [3], rows));
  };

  const terminalBadges = (t, nowIso) => {
    const cell = td();
    const badge = (text, className, title) => {
      const b = el('span', text, 'badge ' + className);
      if (title) b.title = title;
      cell.append(b);
    };
    if (t.revoked) badge('revocada', 'revoked', 'Revocada el ' + instantText(t.revokedAt));
    if (t.behind) badge('atrasada', 'late', behindDetail(t, nowIso));
    if (t.clockFlagged) {
      const skew = t.clockSkewMs === null ? '' : ' (' + durationText(t.clockSkewMs) + (t.clockSkewMs > 0 ? ' atrás)' : ' adelante)');
      badge('reloj desfasado' + skew, 'clock', 'El reloj de la caja no coincide con el de la sede central');
    }
    if (!cell.childNodes.length) badge('al día', 'ok');
    const detail = behindDetail(t, nowIso);
    if (detail) cell.append(el('div', detail, 'muted small'));
    return cell;
  };

  const behindDetail = (t, nowIso) => {
    const parts = [];
    if (t.behindReasons.includes('pending')) parts.push(t.pendingCount + ' por enviar');
    if (t.behindReasons.includes('stale')) {
      const last = [t.lastSeenAt, t.lastPushAt, t.lastPullAt].filter(Boolean).sort().pop();
      parts.push('sin conexión ' + agoText(last, nowIso));
    }
    if (t.behindReasons.includes('never_synced')) parts.push('nunca sincronizó');
    return parts.join(' · ');
  };

  const renderTerminals = (report) => {
    const store = byId('store').value;
    const list = report.rows.filter((t) => !store || t.storeId === store);
    const behind = list.filter((t) => t.behind).length;
    panelNote(
      'panel-terminals',
      (behind ? behind + (behind === 1 ? ' caja atrasada' : ' cajas atrasadas') : 'Todas al día') +
        ' · atrasada: pendientes o sin conexión por más de ' + report.staleMinutes + ' min',
    );
    if (list.length === 0) return showMessage('panel-terminals', 'No hay cajas registradas.');
    const rows = list.map((t) =>
      row(
        [
          td(t.storeName),
          td(t.code, 'code'),
          td(t.name),
          td(agoText(t.lastSeenAt, report.at), 'nowrap'),
          td(instantText(t.lastPushAt), 'nowrap'),
          td(instantText(t.lastPullAt), 'nowrap'),
          td(t.pendingCount, t.pendingCount > 0 && !t.revoked ? 'num neg' : 'num'),
          terminalBadges(t, report.at),
        ],
        t.revoked ? 'revoked' : t.behind ? 'behind' : '',
      ),
    );
    panelBody('panel-terminals').replaceChildren(
      table(
        ['Tienda', 'Caja', 'Nombre', 'Última conexión', 'Último envío', 'Última recepción', 'Pendientes', 'Estado'],
        [6],
        rows,
      ),
    );
  };

  const populateStores = (report) => {
    const select = byId('store');
    const chosen = select.value;
    const stores = new Map();
    for (const t of report.rows) stores.set(t.storeId, t.storeName);
    const options = [new Option('Todas las tiendas', '')];
    for (const [id, name] of [...stores].sort((a, b) => a[1].localeCompare(b[1], 'es'))) options.push(new Option(name, id));
    select.replaceChildren(...options);
    select.value = stores.has(chosen) ? chosen : '';
  };

  const renderReconciliation = (report) => {
    const open = report.status === 'open';
    panelNote('panel-reconciliation', open ? report.rows.length + ' por resolver' : 'Últimas resueltas');
    if (report.rows.length === 0) {
      return showMessage('panel-reconciliation', open ? 'No hay diferencias de stock por resolver.' : 'Aún no hay diferencias resueltas.');
    }
    const unit = (r) => (r.unit === 'KGM' ? ' kg' : '');
    const rows = report.rows.map((r) => {
      const cells = [
        td(r.storeName),
        td(r.sku || '—', 'code'),
        td(r.productName || 'Producto desconocido (' + r.productId + ')'),
        td(r.levelLabel + unit(r), r.levelMilli < 0 ? 'num neg' : 'num'),
        td(r.currentLevelLabel + unit(r), r.currentLevelMilli < 0 ? 'num neg' : 'num'),
        td(instantText(r.detectedAt), 'nowrap'),
      ];
      if (open) {
        const action = td();
        const button = el('button', 'Resolver', 'secondary');
        button.type = 'button';
        button.addEventListener('click', () => openResolve(r));
        action.append(button);
        cells.push(action);
      } else {
        cells.push(td(instantText(r.resolvedAt), 'nowrap'), td(r.resolvedBy), td(r.resolution));
      }
      return row(cells);
    });
    const headings = ['Tienda', 'SKU', 'Producto', 'Nivel detectado', 'Nivel actual', 'Detectada'];
    const all = open ? headings.concat(['']) : headings.concat(['Resuelta', 'Por', 'Resolución']);
    panelBody('panel-reconciliation').replaceChildren(table(all, [3, 4], rows));
  };

  // --- loading ---------------------------------------------------------------------------
  const load = async (panelId, path, render) => {
    try {
      render(await api(path));
    } catch (error) {
      if (error instanceof AuthError) throw error;
      panelNote(panelId, '');
      showMessage(panelId, 'No se pudo cargar: ' + error.message, true);
    }
  };

  const refresh = async () => {
    const from = byId('from').value;
    const to = byId('to').value;
    const storeId = byId('store').value;
    const range = query({ from, to, storeId });
    const status = byId('status');
    status.textContent = 'Actualizando…';
    try {
      await Promise.all([
        load('panel-terminals', '/api/reports/terminals', (r) => {
          populateStores(r);
          renderTerminals(r);
        }),
        load('panel-sales', '/api/reports/sales-by-day' + range, renderSales),
        load('panel-payments', '/api/reports/payments' + range, renderPayments),
        load('panel-top', '/api/reports/top-products' + query({ from, to, storeId, limit: '10' }), renderTop),
        load('panel-stock', '/api/reports/stock' + query({ storeId }), renderStock),
        load(
          'panel-reconciliation',
          '/api/reconciliation' + query({ status: byId('rec-status').value, storeId }),
          renderReconciliation,
        ),
      ]);
      status.textContent = 'Actualizado: ' + instantText(new Date().toISOString());
    } catch (error) {
      if (!(error instanceof AuthError)) status.textContent = error.message;
    }
  };

  // --- resolving -------------------------------------------------------------------------
  const openResolve = (item) => {
    resolving = item;
    byId('resolve-subject').textContent =
      item.storeName +
      ' · ' +
      (item.productName || item.productId) +
      ' · stock actual ' +
      item.currentLevelLabel +
      (item.unit === 'KGM' ? ' kg' : '');
    byId('resolved-by').value = localStorage.getItem(NAME_KEY) || '';
    byId('resolution').value = '';
    byId('resolve-error').textContent = '';
    byId('resolve-dialog').showModal();
    (byId('resolved-by').value ? byId('resolution') : byId('resolved-by')).focus();
  };

  byId('resolve-cancel').addEventListener('click', () => byId('resolve-dialog').close());

  byId('resolve-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!resolving) return;
    const resolvedBy = byId('resolved-by').value.trim();
    const resolution = byId('resolution').value.trim();
    if (!resolvedBy || !resolution) {
      byId('resolve-error').textContent = 'Indique quién resuelve y cómo se resolvió.';
      return;
    }
    const submit = byId('resolve-form').querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await api('/api/reconciliation/' + encodeURIComponent(resolving.id) + '/resolve', { resolvedBy, resolution });
      localStorage.setItem(NAME_KEY, resolvedBy);
      byId('resolve-dialog').close();
      resolving = null;
      await refresh();
    } catch (error) {
      if (error instanceof AuthError) {
        byId('resolve-dialog').close();
        return;
      }
      byId('resolve-error').textContent = error.message;
    } finally {
      submit.disabled = false;
    }
  });

  // --- session ---------------------------------------------------------------------------
  const signOut = (message) => {
    token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    byId('app').hidden = true;
    byId('logout').hidden = true;
    byId('status').textContent = '';
    byId('login').hidden = false;
    byId('login-error').textContent = message || '';
    byId('token').value = '';
    byId('token').focus();
  };

  const signIn = () => {
    byId('login').hidden = true;
    byId('app').hidden = false;
    byId('logout').hidden = false;
    void refresh();
  };

  byId('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = byId('token').value.trim();
    if (!value) return;
    token = value;
    sessionStorage.setItem(TOKEN_KEY, token);
    signIn();
  });

  byId('logout').addEventListener('click', () => signOut(''));
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  byId('store').addEventListener('change', () => void refresh());
  byId('rec-status').addEventListener('change', () => void refresh());

  if (token) signIn();
  else signOut('');
})();
`;
