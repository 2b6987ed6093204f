import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/core';
import { fixedClock } from '../shared/clock';
import type { Actor } from '../users/authenticator';
import { DEMO_USERS } from '../../db/seeds/demo-store';

/** A demo-store core on a real SQLite file in a fresh temporary folder. */
export async function openTempCore(
  overrides: Partial<CoreOptions> = {},
): Promise<{ core: Core; dir: string; clock: ReturnType<typeof fixedClock>; cleanup(): void }> {
  const dir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'mostrador-test-'));
  const clock = fixedClock('2026-11-23T15:00:00.000Z');
  const core = await createCore({ dataDir: dir, clock, demo: true, ...overrides });
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
