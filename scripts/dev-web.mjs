// `npm run dev:web`: the app in a browser on 127.0.0.1 (same core, same renderer as
// Electron). Builds the renderer first when it is missing or with --build.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const rebuild = args.includes('--build');
if (rebuild || !existsSync('out/renderer/index.html')) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const host = spawn(
  process.execPath,
  ['--import', 'tsx', 'src-main/web-host/cli.ts', ...args.filter((a) => a !== '--build')],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
