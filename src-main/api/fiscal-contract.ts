import { z } from 'zod';
import type { CertificateStatus } from '../fiscal/credentials/fiscal-credentials';
import type { FiscalDocumentView, SaleFiscalView } from '../fiscal/fiscal-view';
import type { FiscalOverview } from '../fiscal/monitor/fiscal-monitor';
import { id, method, none } from './spec';

const FISCAL_STATUSES = [
  'unsigned',
  'pending',
  'sent',
  'accepted',
  'observed',
  'rejected',
  'needs_attention',
] as const;

export interface FiscalSettingsView {
  endpoint:
    | { kind: 'beta' }
    | { kind: 'production' }
    | { kind: 'ose'; billServiceUrl: string; consultServiceUrl: string | null };
  boletaDelivery: 'summary' | 'individual';
  solUser: string | null;
  hasSolPassword: boolean;
  certificate: CertificateStatus;
}

const endpoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beta') }).strict(),
  z.object({ kind: z.literal('production') }).strict(),
  z
    .object({
      kind: z.literal('ose'),
      billServiceUrl: z.string().trim().min(1).max(300),
      consultServiceUrl: z.string().trim().max(300).nullable(),
    })
    .strict(),
]);

/** The SUNAT side of the API: monitor, artefacts, settings. */
export const fiscalContract = {
  /** Counts, deadline warnings and sender state: every signed-in user sees the banner. */
  'fiscal.overview': method<FiscalOverview>()({ input: none, permission: 'authenticated' }),
  'fiscal.documents': method<FiscalDocumentView[]>()({
    input: z
      .object({
        statuses: z.array(z.enum(FISCAL_STATUSES)).max(7).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    permission: 'fiscal.monitor',
  }),
  'fiscal.retry': method<FiscalDocumentView>()({
    input: z.object({ documentId: id }).strict(),
    permission: 'fiscal.monitor',
  }),
  'fiscal.sendNow': method<FiscalOverview>()({ input: none, permission: 'fiscal.monitor' }),
  'fiscal.xml': method<{ fileName: string; xml: string }>()({
    input: z.object({ documentId: id }).strict(),
    permission: 'fiscal.monitor',
  }),
  'fiscal.cdr': method<{ fileName: string; base64: string }>()({
    input: z.object({ documentId: id }).strict(),
    permission: 'fiscal.monitor',
  }),
  'fiscal.forSale': method<SaleFiscalView | null>()({
    input: z.object({ saleId: id }).strict(),
    permission: 'sale.sell',
  }),
  'fiscal.settings': method<FiscalSettingsView>()({ input: none, permission: 'settings.manage' }),
  'fiscal.saveSettings': method<FiscalSettingsView>()({
    input: z
      .object({
        endpoint,
        boletaDelivery: z.enum(['summary', 'individual']),
        solUser: z.string().trim().min(1).max(30),
        /** Omitted: keep the stored password. */
        solPassword: z.string().min(1).max(60).optional(),
      })
      .strict(),
    permission: 'settings.manage',
  }),
  'fiscal.installCertificate': method<CertificateStatus>()({
    input: z
      .object({
        pfxBase64: z.string().min(1).max(200_000),
        password: z.string().max(200),
      })
      .strict(),
    permission: 'settings.manage',
  }),
  'fiscal.testConnection': method<{ ok: boolean; message: string }>()({
    input: none,
    permission: 'settings.manage',
  }),
} as const;
