import { expect } from 'vitest';
import { DEMO_STORE_ID, type DemoTerminal } from '../../db/seeds/demo-store';
import { issueCode, type TestHq } from '../../hq/src/testing/hq-test-kit';
import type { Core } from '../core/core';

/** Till `n` of the demo store: its own code and series (HQ refuses two CAJA-01). */
export function demoTill(n: number): DemoTerminal {
  return { code: `CAJA-${String(n).padStart(2, '0')}`, name: `Caja ${n}`, seriesNumber: n };
}

/**
 * Enrols a demo core with a code issued through HQ's admin API, at `hqUrl` (HQ itself, or a
 * fault proxy in front of it). The demo seeds of both sides share the store's id.
 */
export async function enrolDemoCore(core: Core, hq: TestHq, hqUrl = hq.url): Promise<void> {
  const code = await issueCode(hq, DEMO_STORE_ID, core.ctx.terminal.terminalCode);
  const admin = core.ctx.users.credentials('admin');
  if (!admin) throw new Error('the demo store has no admin');
  const status = await core.sync.enrol({ hqUrl, code }, admin.id);
  expect(status).toMatchObject({ enrolled: true, hqUrl });
}
