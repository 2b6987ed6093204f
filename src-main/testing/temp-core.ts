import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../core/core';
import { fixedClock } from '../shared/clock';
import type { Actor } from '../users/authenticator';
import { DEMO_USERS } from '../../db/seeds/demo-store';
import { openEmptyDrawer } from '../cash/open-empty-drawer';

/** A demo-store core on a real SQLite file in a fresh temporary folder. */
export async function openTempCore(
  overrides: Partial<CoreOptions> = {},
): Promise<{ core: Core; dir: string; clock: ReturnType<typeof fixedClock>; cleanup(): void }> {
  const dir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'mostrador-test-'));
  const clock = fixedClock('2026-11-23T15:00:00.000Z');
  const core = await createCore({ dataDir: dir, clock, demo: true, ...overrides });
  // Tests call the services directly (not through the dispatcher, which waits by itself).
  await core.fiscal.ready();
  // No sale without an open drawer: tests of other things start with one open.
  if (core.ctx.users.credentials('supervisor')) openEmptyDrawer(core);
  return {
    core,
    dir,
    clock,
    cleanup: () => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(core: Core, username: string): Promise<{ token: string; actor: Actor }> {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return core.ctx.auth.login(username, user.pin);
}

export interface TempCores {
  /** A fresh demo core with the cajero logged in; closed and deleted after the test. */
  setup(
    overrides?: Partial<CoreOptions>,
  ): Promise<Awaited<ReturnType<typeof openTempCore>> & { actor: Actor }>;
  /** Runs after the test, before the cores close: a reader or another core on their files. */
  beforeCoresClose(cleanup: () => void): void;
}

/**
 * One core per test: `setup()` opens it with `defaults` and runs `prepare` before the login;
 * vitest's afterEach closes and deletes every core the test opened.
 */
export function useTempCores(
  defaults: Partial<CoreOptions> = {},
  prepare: (core: Core) => void = () => {},
): TempCores {
  let cleanups: Array<() => void> = [];
  afterEach(() => {
    cleanups.forEach((c) => c());
    cleanups = [];
  });
  return {
    async setup(overrides = {}) {
      const temp = await openTempCore({ ...defaults, ...overrides });
      cleanups.push(temp.cleanup);
      prepare(temp.core);
      const { actor } = await loginAs(temp.core, 'cajero');
      return { ...temp, actor };
    },
    beforeCoresClose(cleanup) {
      cleanups.unshift(cleanup);
    },
  };
}
