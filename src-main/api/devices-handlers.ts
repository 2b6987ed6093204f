import { listSerialPorts } from '../devices/serial-devices';
import { listSystemPrinters } from '../devices/printer/links/system-link';
import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import { roleCan } from '../users/roles';
import type { HandlerContext, Handlers } from './handlers';

type DevicesMethod = Extract<
  keyof Handlers,
  `devices.${string}` | `printer.${string}` | `drawer.${string}` | `scale.${string}`
>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

function storeName(context: HandlerContext): string {
  const { sql, qb } = context.core.ctx;
  return sql.first(qb.selectFrom('store').select('trade_name'))?.trade_name ?? '';
}

export const devicesHandlers: Pick<Handlers, DevicesMethod> = {
  'devices.status': (_input, { core }) => core.devices.status(),
  'devices.settings': (_input, { core }) => core.devices.settings.get(),
  'devices.saveSettings': (input, context) =>
    context.core.devices.settings.save(input, actorOf(context).userId),
  'devices.serialPorts': () => listSerialPorts(),
  'devices.systemPrinters': () => listSystemPrinters(),
  'printer.testPage': (input, context) =>
    context.core.devices.printing.testPrint(input.printer, storeName(context)),
  'printer.reprint': async (input, context) => {
    const { core } = context;
    const actor = actorOf(context);
    const target = { saleId: input.saleId, jobId: input.jobId };
    // A copy of a fiscal receipt may need a supervisor, if the store says so.
    let approverId: string | null = null;
    const needsApproval =
      core.ctx.settings.get('receipts.reprintNeedsApproval') &&
      !roleCan(actor.role, 'receipt.reprint') &&
      core.devices.printing.reprintMakesCopy(target);
    if (needsApproval) {
      if (!input.approval)
        throw new AppError('APPROVAL_REQUIRED', { reason: 'reimprimir una copia del comprobante' });
      approverId = (await core.ctx.auth.approve(input.approval, 'receipt.reprint')).userId;
    }
    return core.devices.printing.reprint(target, actor.userId, approverId);
  },
  'printer.dismiss': (input, { core }) => {
    core.devices.printing.dismiss(input.jobId);
    return null;
  },
  'drawer.open': (input, context) =>
    context.core.devices.printing.openDrawer(
      actorOf(context).userId,
      context.approver?.userId ?? null,
      input.reason,
    ),
  'scale.read': (_input, { core }) => core.devices.serial.readScale(),
};
