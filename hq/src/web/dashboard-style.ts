/** The page's only stylesheet, inlined and allowed by its hash in the Content-Security-Policy. */
export const DASHBOARD_CSS = `
:root {
  color-scheme: light;
  --ink: #1d2433;
  --muted: #5b6475;
  --line: #d9dee7;
  --panel: #ffffff;
  --page: #f3f5f8;
  --accent: #0b5cad;
  --bad: #b42318;
  --bad-bg: #fdecea;
  --warn: #8a4b00;
  --warn-bg: #fff4e0;
  --ok: #1c6b3a;
  --ok-bg: #e7f5ec;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 14px; }
body {
  margin: 0;
  background: var(--page);
  color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  line-height: 1.4;
}
button, input, select, textarea { font: inherit; color: inherit; }
button {
  border: 1px solid var(--accent);
  background: var(--accent);
  color: #fff;
  border-radius: 4px;
  padding: 0.35rem 0.8rem;
  cursor: pointer;
}
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: 0.6; cursor: default; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 1px;
}
input, select, textarea {
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.3rem 0.45rem;
  background: #fff;
}
.top {
  display: flex;
  align-items: center;
  gap: 1rem;
  padding: 0.6rem 1.5rem;
  background: #14213d;
  color: #fff;
}
.top h1 { font-size: 1.15rem; margin: 0; font-weight: 600; }
.top .status { margin-left: auto; font-size: 0.9rem; color: #d7deea; }
.top button { background: transparent; border-color: #9fb3d1; }
.login { display: flex; justify-content: center; padding: 4rem 1rem; }
.login form {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: 1.5rem;
  width: 26rem;
  display: grid;
  gap: 0.6rem;
}
.login h2 { margin: 0; font-size: 1.1rem; }
.login p { margin: 0; color: var(--muted); }
main { max-width: 1340px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
.filters {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 1rem;
  margin-bottom: 1rem;
}
.filters label { display: flex; align-items: center; gap: 0.4rem; }
.hint { color: var(--muted); font-size: 0.85rem; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.wide { grid-column: 1 / -1; }
@media (max-width: 1000px) { .grid { grid-template-columns: minmax(0, 1fr); } }
.panel {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 6px;
  display: flex;
  flex-direction: column;
  min-width: 0;
}
.panel header {
  display: flex;
  align-items: center;
  gap: 0.75rem;
  padding: 0.6rem 0.9rem;
  border-bottom: 1px solid var(--line);
}
.panel h2 { font-size: 1rem; margin: 0; }
.panel header .note { margin-left: auto; color: var(--muted); font-size: 0.85rem; }
.panel .body { overflow: auto; max-height: 26rem; }
.panel.wide .body { max-height: 32rem; }
.panel .message { padding: 0.8rem 0.9rem; color: var(--muted); margin: 0; }
.panel .message.error { color: var(--bad); }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0.35rem 0.7rem; text-align: left; border-bottom: 1px solid #edf0f4; vertical-align: top; }
thead th {
  position: sticky;
  top: 0;
  background: #f7f8fa;
  font-weight: 600;
  font-size: 0.85rem;
  color: var(--muted);
  border-bottom: 1px solid var(--line);
}
tfoot td { font-weight: 600; border-top: 1px solid var(--line); border-bottom: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 0.9rem; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.small { font-size: 0.85rem; margin-top: 0.15rem; }
.neg { color: var(--bad); font-weight: 600; }
tr.behind td { background: var(--warn-bg); }
tr.revoked td { color: var(--muted); }
.badge {
  display: inline-block;
  border-radius: 999px;
  padding: 0.05rem 0.55rem;
  margin: 0 0.25rem 0.15rem 0;
  font-size: 0.8rem;
  font-weight: 600;
  white-space: nowrap;
}
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.late { background: var(--warn-bg); color: var(--warn); border: 1px solid #f0c98a; }
.badge.clock { background: var(--bad-bg); color: var(--bad); }
.badge.revoked { background: #eceef2; color: var(--muted); }
.muted { color: var(--muted); }
.error { color: var(--bad); margin: 0; min-height: 1.2em; }
dialog { border: 1px solid var(--line); border-radius: 6px; padding: 0; width: 30rem; }
dialog::backdrop { background: rgba(20, 33, 61, 0.45); }
dialog form { display: grid; gap: 0.5rem; padding: 1.25rem; }
dialog h2 { margin: 0; font-size: 1.05rem; }
dialog .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.5rem; }
`;
