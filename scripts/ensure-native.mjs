// Makes sure better-sqlite3's native addon matches the runtime about to use it.
//   node scripts/ensure-native.mjs node      → node_modules build loads under this Node (rebuilds if not)
//   node scripts/ensure-native.mjs electron  → .native/electron/better_sqlite3.node built for Electron's ABI
// Node and Electron need different builds of the same addon; keeping Electron's copy apart means
// `npm test` and `npm start` never fight over node_modules. Exit 0 ok, 1 Node build broken,
// 2 Electron build impossible here (usually: no internet to fetch Electron's headers).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const isWindows = process.platform === 'win32';

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/** Loads better-sqlite3 in a fresh Node process (a failed native load can stay cached in this one). */
function checkNodeBuild() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function ensureNode() {
  const first = checkNodeBuild();
  if (first.ok) return 0;
  if (
    !/NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32/.test(
      first.output,
    )
  ) {
    console.error(
      `ensure-native: better-sqlite3 does not load under Node ${process.version}:\n${first.output.trim()}`,
    );
    return 1;
  }
  console.log(
    `ensure-native: better-sqlite3 was built for another runtime; rebuilding it for Node ${process.version}…`,
  );
  const rebuild = spawnSync(isWindows ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
  });
  const second = checkNodeBuild();
  if (rebuild.status === 0 && second.ok) return 0;
  console.error(`ensure-native: rebuilding better-sqlite3 for Node failed:\n${second.output.trim()}`);
  return 1;
}

/** npm ships node-gyp; find it without downloading anything. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // npm's own copy: <prefix>/lib/node_modules/npm on Unix, <prefix>/node_modules/npm on Windows.
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file));
}

function failureReason(output, electronVersion) {
  if (
    /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up/.test(
      output,
    )
  ) {
    return `could not download Electron ${electronVersion} headers from https://electronjs.org/headers (no internet access?)`;
  }
  if (
    /gyp ERR! find (Python|VS)|not found: make|command not found|No such file or directory.*(cc|c\+\+|g\+\+)/.test(
      output,
    )
  ) {
    return 'no C/C++ build toolchain (make, a compiler and Python are needed to build better-sqlite3)';
  }
  return 'node-gyp could not build better-sqlite3 for Electron';
}

function ensureElectron() {
  const electronVersion = packageVersion('electron');
  const sqliteVersion = packageVersion('better-sqlite3');
  const outDir = join(root, '.native', 'electron');
  const addon = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp.json');
  const stamp = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };
  if (
    existsSync(addon) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)
  ) {
    console.log(
      `ensure-native: better-sqlite3 ${sqliteVersion} already built for Electron ${electronVersion}`,
    );
    return 0;
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    console.error(
      'ensure-native: node-gyp not found (it comes with npm); cannot build better-sqlite3 for Electron',
    );
    return 2;
  }
  // Build in a copy so node_modules keeps the Node build that tests use.
  const buildDir = join(root, '.native', 'build', 'better-sqlite3');
  rmSync(buildDir, { recursive: true, force: true });
  const oldBuild = join(packageDir('better-sqlite3'), 'build');
  cpSync(packageDir('better-sqlite3'), buildDir, {
    recursive: true,
    filter: (source) => source !== oldBuild && !source.startsWith(oldBuild + sep),
  });
  // An npm `nodedir` setting would point node-gyp at Node's headers instead of Electron's.
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)) delete env[name];

  console.log(`ensure-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  const args = [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
    `--arch=${process.arch}`,
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: buildDir,
    env,
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  const logFile = join(root, '.native', 'build', 'node-gyp.log');
  writeFileSync(logFile, output);
  const built = join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    console.error(`ensure-native: ${failureReason(output, electronVersion)} (log: ${logFile})`);
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, addon);
  writeFileSync(stampFile, JSON.stringify(stamp));
  console.log(`ensure-native: wrote ${addon}`);
  return 0;
}

const target = process.argv[2];
if (target === 'node') process.exit(ensureNode());
else if (target === 'electron') process.exit(ensureElectron());
else {
  console.error('usage: node scripts/ensure-native.mjs node|electron');
  process.exit(64);
}
