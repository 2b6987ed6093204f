// `npm test`: every test, in order of speed, stopping at the first failure.
// Installs the Debian packages the tests use when missing (as root), or prints the line.
import { spawnSync } from 'node:child_process';
import { missingPackages } from './debian-packages.mjs';

const steps = [
  ['native module for Node', 'node', ['scripts/ensure-native.mjs', 'node']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  // The fiscal validator runs SUNAT's rules from compiled SEF files (cached: instant when unchanged).
  ['SUNAT rule stylesheets', 'node', ['scripts/compile-sunat-rules.mjs']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['build (electron-vite)', 'npx', ['electron-vite', 'build']],
  ['end-to-end (Playwright)', 'npx', ['playwright', 'test']],
];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  return result.status ?? 1;
}

function ensureDebianPackages() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  const line = `apt-get update && apt-get install -y --no-install-recommends ${names}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing Debian packages for the tests: ${names}\nInstall them with:\n  sudo ${line}`);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${names}`);
  if (run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${line}`]) !== 0) {
    console.error(`Could not install: ${names}`);
    process.exit(1);
  }
}

const started = Date.now();
ensureDebianPackages();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const status = run(command, args);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s)`);
    process.exit(status);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
