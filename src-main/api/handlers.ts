import type { Core } from '../core/core';
import { saleReceipt } from '../receipt/sale-receipt';
import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import { PERMISSIONS, roleCan, type Permission } from '../users/roles';
import type { ActorView, ApiMethod, ApiOutput, ApiParsedInput, SessionView } from './contract';
import { fiscalHandlers } from './fiscal-handlers';
import { returnsHandlers } from './returns-handlers';
import { devicesHandlers } from './devices-handlers';
import { cashHandlers } from './cash-handlers';
import { usersHandlers } from './users-handlers';
import { auditHandlers } from './audit-handlers';
import { syncHandlers } from './sync-handlers';

export interface HandlerContext {
  core: Core;
  /** Null only for public methods. */
  actor: Actor | null;
  /** The supervisor who approved on the spot, when the actor lacked the permission. */
  approver: Actor | null;
  session: string | null;
}

type Handler<M extends ApiMethod> = (
  input: ApiParsedInput<M>,
  context: HandlerContext,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

export type Handlers = { [M in ApiMethod]: Handler<M> };

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

export function actorView(actor: Actor): ActorView {
  return {
    ...actor,
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleCan(actor.role, p)),
  };
}

/** Each method's work, mapped onto the core's services. Validation and permissions happen before. */
export const handlers: Handlers = {
  'store.info': (_input, { core }) => {
    const { sql, qb, terminal } = core.ctx;
    const row = sql.first(
      qb
        .selectFrom('store')
        .innerJoin('terminal', 'terminal.store_id', 'store.id')
        .select(['ruc', 'legal_name', 'trade_name', 'address', 'terminal.code', 'terminal.name'])
        .where('terminal.id', '=', terminal.terminalId),
    );
    if (!row) throw new AppError('INTERNAL');
    return {
      ruc: row.ruc,
      legalName: row.legal_name,
      tradeName: row.trade_name,
      address: row.address,
      terminalCode: row.code,
      terminalName: row.name,
    };
  },
  'session.users': (_input, { core }) =>
    core.ctx.sql.all(
      core.ctx.qb
        .selectFrom('users')
        .select(['username', 'full_name as fullName', 'role'])
        .where('active', '=', 1)
        .orderBy('full_name'),
    ),
  'session.login': async (input, { core }): Promise<SessionView> => {
    const { token, actor } = await core.ctx.auth.login(input.username, input.pin);
    return { token, actor: actorView(actor) };
  },
  'session.logout': (_input, { core, session }) => {
    if (session) core.ctx.auth.logout(session);
    return null;
  },
  'session.me': (_input, context) => actorView(actorOf(context)),

  'catalog.search': (input, { core }) => core.ctx.catalog.search(input.text, input.limit ?? 30),

  'cart.current': (_input, { core }) => core.carts.current(),
  'cart.scan': (input, context) => context.core.carts.scan(actorOf(context), input.code),
  'cart.addProduct': (input, context) =>
    context.core.carts.addProduct(actorOf(context), input.productId, input.quantityMilli),
  'cart.setQuantity': (input, context) =>
    context.core.carts.setQuantity(actorOf(context), input.lineId, input.quantityMilli),
  'cart.removeLine': (input, context) => context.core.carts.removeLine(actorOf(context), input.lineId),
  'cart.setLineDiscount': (input, context) =>
    context.core.carts.setLineDiscount(actorOf(context), input.lineId, input.discount, input.approval),
  'cart.setSaleDiscount': (input, context) =>
    context.core.carts.setSaleDiscount(actorOf(context), input.discount, input.approval),
  'cart.setDocType': (input, context) => context.core.carts.setDocType(actorOf(context), input.docType),
  'cart.setCustomer': (input, context) => context.core.carts.setCustomer(actorOf(context), input.customerId),
  'cart.hold': (input, context) => context.core.carts.hold(actorOf(context), input.label ?? null),
  'cart.held': (_input, { core }) => core.carts.held(),
  'cart.resume': (input, context) => context.core.carts.resume(actorOf(context), input.cartId),
  'cart.cancel': (_input, context) => context.core.carts.cancel(actorOf(context)),

  'customers.find': (input, { core }) => core.ctx.customers.byDocumentNumber(input.docNumber),
  'customers.save': (input, context) => {
    const actor = actorOf(context);
    const { sql, customers, audit } = context.core.ctx;
    return sql.transaction(() => {
      const { customer, before } = customers.save(input);
      audit.append({
        action: before ? 'customer.updated' : 'customer.created',
        entityType: 'customer',
        entityId: customer.id,
        userId: actor.userId,
        data: { before, after: customer },
      });
      return customer;
    });
  },

  'checkout.complete': (input, context) => {
    const { core } = context;
    const actor = actorOf(context);
    const sale = core.checkout.complete(actor, input);
    const fiscal = core.fiscal.saleDocuments.view(sale);
    core.fiscal.sender.nudge();
    // After the commit: the printer can only ever delay the paper, never the sale.
    const print = core.devices.printing.afterSale(sale, actor.userId);
    return { sale, fiscal, receipt: core.devices.printing.receiptFor(sale), print };
  },
  'sales.get': (input, { core }) => core.sales.byId(input.saleId),
  'sales.recent': (input, { core }) => core.sales.recent(input.limit ?? 20),
  'sales.receipt': (input, { core }) => {
    const sale = core.sales.byId(input.saleId);
    if (input.width === undefined) return core.devices.printing.receiptFor(sale);
    return saleReceipt(sale, core.fiscal.saleDocuments.view(sale), { width: input.width });
  },

  'exchangeRate.today': (_input, { core }) => core.ctx.exchangeRates.today(),
  'exchangeRate.set': (input, context) => {
    const actor = actorOf(context);
    const { sql, exchangeRates, audit } = context.core.ctx;
    return sql.transaction(() => {
      const { date, previousE4 } = exchangeRates.setToday(input.rateE4, actor.userId);
      audit.append({
        action: 'exchange_rate.set',
        entityType: 'exchange_rate',
        entityId: date,
        userId: actor.userId,
        approverId: context.approver?.userId ?? null,
        data: { before: previousE4, after: input.rateE4 },
      });
      return { date, rateE4: input.rateE4 };
    });
  },

  ...fiscalHandlers,
  ...returnsHandlers,
  ...devicesHandlers,
  ...cashHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...syncHandlers,
};

/** The hash and QR printed on the receipt come from the stored signed XML. */
