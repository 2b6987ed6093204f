import type { FiscalSettingsView } from './fiscal-contract';
import type { Core } from '../core/core';
import { sunatClientFor } from '../fiscal/sender/client-config';
import { testSunatConnection } from '../fiscal/sender/connection-test';
import { AppError } from '../shared/errors';
import type { Handlers, HandlerContext } from './handlers';

type FiscalMethod = Extract<keyof Handlers, `fiscal.${string}`>;

function userOf(context: HandlerContext): string {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor.userId;
}

function settingsView(core: Core): FiscalSettingsView {
  const { settings } = core.ctx;
  return {
    endpoint: settings.get('fiscal.endpoint'),
    boletaDelivery: settings.get('fiscal.boletaDelivery'),
    solUser: core.fiscal.credentials.solUser(),
    hasSolPassword: core.fiscal.credentials.sol() !== null,
    certificate: core.fiscal.credentials.certificateStatus(),
  };
}

export const fiscalHandlers: Pick<Handlers, FiscalMethod> = {
  'fiscal.overview': (_input, { core }) => core.fiscal.monitor.overview(),
  'fiscal.documents': (input, { core }) =>
    core.fiscal.monitor.list({
      ...(input.statuses ? { statuses: input.statuses } : {}),
      limit: input.limit ?? 100,
      offset: input.offset ?? 0,
    }),
  'fiscal.retry': async (input, context) => {
    const view = context.core.fiscal.monitor.retry(input.documentId, userOf(context));
    await context.core.fiscal.sender.kick();
    return context.core.fiscal.monitor.document(view.id);
  },
  'fiscal.sendNow': async (_input, { core }) => {
    await core.fiscal.sender.kick();
    return core.fiscal.monitor.overview();
  },
  'fiscal.xml': (input, { core }) => core.fiscal.monitor.signedXml(input.documentId),
  'fiscal.cdr': (input, { core }) => {
    const { fileName, zip } = core.fiscal.monitor.cdrZip(input.documentId);
    return { fileName, base64: Buffer.from(zip).toString('base64') };
  },
  'fiscal.forSale': (input, { core }) => core.fiscal.saleDocuments.view(core.sales.byId(input.saleId)),
  'fiscal.settings': (_input, { core }) => settingsView(core),
  'fiscal.saveSettings': (input, context) => {
    const { core } = context;
    const userId = userOf(context);
    const { sql, settings, audit } = core.ctx;
    sql.transaction(() => {
      const before = {
        endpoint: settings.get('fiscal.endpoint'),
        boletaDelivery: settings.get('fiscal.boletaDelivery'),
      };
      settings.set('fiscal.endpoint', input.endpoint, userId);
      settings.set('fiscal.boletaDelivery', input.boletaDelivery, userId);
      core.fiscal.credentials.setSol(input.solUser, input.solPassword ?? null, userId);
      audit.append({
        action: 'settings.fiscal.updated',
        entityType: 'settings',
        userId,
        data: { before, after: { endpoint: input.endpoint, boletaDelivery: input.boletaDelivery } },
      });
    });
    return settingsView(core);
  },
  'fiscal.installCertificate': (input, context) => {
    const pfx = Buffer.from(input.pfxBase64, 'base64');
    const status = context.core.fiscal.credentials.installCertificate(pfx, input.password, userOf(context));
    context.core.fiscal.sender.nudge();
    return status;
  },
  'fiscal.testConnection': async (_input, { core }) => {
    const { settings } = core.ctx;
    return testSunatConnection(
      sunatClientFor({
        endpoint: settings.get('fiscal.endpoint'),
        sol: core.fiscal.credentials.sol(),
        ruc: core.fiscal.storeRuc,
        timeoutMs: Math.min(settings.get('fiscal.timeoutSeconds'), 15) * 1000,
        ...(core.fiscal.sunatCa ? { ca: core.fiscal.sunatCa } : {}),
      }),
    );
  },
};
