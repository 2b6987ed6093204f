import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A CUPS spooler of the test's own (its own config, socket and spool in a temp folder),
 * so the OS-printer path runs for real: `lp` → cupsd → the `socket` backend → a printer
 * on loopback. Point clients at it with `CUPS_SERVER=<socket>`.
 */
export interface PrivateCups {
  /** Value for CUPS_SERVER. */
  server: string;
  /** Adds a raw queue that sends its jobs to `tcp://host:port`. */
  addRawQueue(name: string, host: string, port: number): void;
  close(): Promise<void>;
}

const CUPSD = '/usr/sbin/cupsd';
const SOCKET_BACKEND = '/usr/lib/cups/backend/socket';

/** Null when it can run here; otherwise the reason to print. */
export function privateCupsUnavailable(): string | null {
  if (!existsSync(CUPSD) || !existsSync(SOCKET_BACKEND)) return 'CUPS not installed: apt-get install cups';
  return null;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startPrivateCups(): Promise<PrivateCups> {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-cups-'));
  for (const sub of ['spool', 'cache', 'state', 'log', 'ppd']) mkdirSync(join(dir, sub));
  const server = join(dir, 'cups.sock');
  const runsAsRoot = process.getuid?.() === 0;
  writeFileSync(
    join(dir, 'cupsd.conf'),
    [
      `Listen ${server}`,
      'LogLevel warn',
      'WebInterface No',
      'DefaultAuthType None',
      '<Location />\n  Order allow,deny\n  Allow all\n</Location>',
      '<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>',
      '<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n</Policy>',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${dir}/spool`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `ErrorLog ${dir}/log/error_log`,
      `AccessLog ${dir}/log/access_log`,
      `PageLog ${dir}/log/page_log`,
      'ServerBin /usr/lib/cups',
      'DataDir /usr/share/cups',
      // cupsd refuses to run jobs as root; its filters run as lp, which must reach the spool.
      ...(runsAsRoot ? ['User lp', 'Group lp'] : []),
      'Sandboxing Relaxed',
    ].join('\n'),
  );
  if (runsAsRoot) execFileSync('sh', ['-c', `chown -R root:lp '${dir}' && chmod -R 775 '${dir}'`]);
  const daemon: ChildProcess = spawn(
    CUPSD,
    ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')],
    {
      stdio: 'ignore',
    },
  );
  for (let waited = 0; !existsSync(server); waited += 50) {
    if (waited > 10_000 || daemon.exitCode !== null) {
      daemon.kill();
      throw new Error(`cupsd did not start (see ${dir}/log/error_log)`);
    }
    await wait(50);
  }
  const env = { ...process.env, CUPS_SERVER: server };
  return {
    server,
    addRawQueue(name, host, port) {
      // Raw queues are deprecated in CUPS 2.4 but still the way to pass ESC/POS through untouched.
      execFileSync('lpadmin', ['-p', name, '-E', '-v', `socket://${host}:${port}`, '-m', 'raw'], {
        env,
        stdio: 'ignore',
      });
    },
    async close() {
      daemon.kill();
      await new Promise<void>((resolve) =>
        daemon.exitCode !== null ? resolve() : daemon.once('exit', () => resolve()),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
