import type { Clock } from '../../shared/clock';
import { DEMO_STORE } from '../../../db/seeds/demo-store';
import type { FiscalCredentials } from './fiscal-credentials';
import { selfSignedPfx } from './self-signed-pfx';

const DAY_MS = 86_400_000;
/** SUNAT's public beta credentials (sunat.md §1.1): any RUC and certificate work in beta. */
export const BETA_SOL = { user: 'MODDATOS', password: 'moddatos' } as const;
const DEMO_PFX_PASSWORD = 'demo';

/** Gives the demo store a certificate and SOL user the first time it starts, so it signs and sends to beta. */
export function installDemoCredentials(credentials: FiscalCredentials, clock: Clock): void {
  if (!credentials.hasCertificate()) {
    const now = clock.now().getTime();
    const pfx = selfSignedPfx({
      ruc: DEMO_STORE.ruc,
      legalName: DEMO_STORE.legalName,
      password: DEMO_PFX_PASSWORD,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 2 * 365 * DAY_MS),
    });
    credentials.installCertificate(pfx, DEMO_PFX_PASSWORD, null);
  }
  if (credentials.solUser() === null) credentials.setSol(BETA_SOL.user, BETA_SOL.password, null);
}
