import { cashReportDocument } from '../devices/printer/cash-report-document';
import { receiptWidthFor } from '../receipt/sale-receipt';
import { zReportCsv } from '../cash/z-report-csv';
import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import type { HandlerContext, Handlers } from './handlers';

type CashMethod = Extract<keyof Handlers, `cash.${string}`>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

export const cashHandlers: Pick<Handlers, CashMethod> = {
  'cash.current': (_input, context) => context.core.cash.current(actorOf(context)),
  'cash.open': (input, context) =>
    context.core.cash.open(actorOf(context), context.approver?.userId ?? null, input.count),
  'cash.cashIn': (input, context) =>
    context.core.cash.move(actorOf(context), null, {
      kind: 'in',
      amountCents: input.amountCents,
      reason: input.reason,
    }),
  'cash.cashOut': (input, context) =>
    context.core.cash.move(actorOf(context), context.approver?.userId ?? null, {
      kind: 'out',
      amountCents: input.amountCents,
      reason: input.reason,
    }),
  'cash.close': async (input, context) => {
    const { core } = context;
    // A difference over the limit needs an administrador's PIN too (a second approval).
    const admin = input.adminApproval
      ? await core.ctx.auth.approve(input.adminApproval, 'cash.closeOverLimit')
      : null;
    return core.cash.close(
      actorOf(context),
      context.approver,
      {
        count: input.count,
        cardCents: input.cardCents,
        walletCents: input.walletCents,
        reason: input.reason,
      },
      admin,
    );
  },
  'cash.report': (input, context) => context.core.cash.report(input.sessionId, actorOf(context)),
  'cash.printReport': (input, context) => {
    const { core } = context;
    const actor = actorOf(context);
    const report = core.cash.report(input.sessionId, actor);
    const width = receiptWidthFor(core.devices.settings.get().printer.paperWidthMm);
    const label = `Reporte ${report.kind} caja ${report.sessionNumber}`;
    return core.devices.printing.printDocument(
      'report',
      label,
      cashReportDocument(report, width),
      actor.userId,
    );
  },
  'cash.closedSessions': (_input, { core }) => core.cash.closed(30),
  'cash.exportZ': (input, context) => {
    const report = context.core.cash.report(input.sessionId, actorOf(context));
    if (report.kind !== 'Z') throw new AppError('CASH_SESSION_NOT_FOUND');
    return { fileName: `cierre-${report.terminalCode}-${report.sessionNumber}.csv`, csv: zReportCsv(report) };
  },
};
