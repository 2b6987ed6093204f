import { z } from 'zod';
import type { Core } from '../core/core';
import { AppError, isAppError, type ApiError } from '../shared/errors';
import type { Actor, Approval } from '../users/authenticator';
import { roleCan, type Permission } from '../users/roles';
import { countsAsActivity } from '../users/session-activity';
import { contract, type ApiMethod } from './contract';
import { handlers, type HandlerContext } from './handlers';
import type { CoreEvent, CoreEventListener, RpcRequest, RpcResponse } from './transport';

z.config(z.locales.es());

// Typed by Permission: a permission added without its Spanish wording does not compile.
const PERMISSION_ACTIONS: Record<Permission, string> = {
  'sale.sell': 'vender',
  'sale.discountOverLimit': 'autorizar descuentos sobre el límite',
  'exchangeRate.set': 'registrar el tipo de cambio',
  'settings.manage': 'cambiar la configuración',
  'customers.manage': 'registrar clientes',
  'fiscal.monitor': 'ver y reintentar los envíos a SUNAT',
  'sale.history': 'ver el historial de ventas',
  'sale.return': 'registrar devoluciones',
  'sale.void': 'anular ventas',
  'note.debit': 'emitir notas de débito',
  'drawer.open': 'abrir la gaveta sin una venta',
  'receipt.reprint': 'reimprimir una copia del comprobante',
  'cash.manage': 'abrir y cerrar la caja',
  'cash.in': 'registrar ingresos de efectivo',
  'cash.out': 'retirar efectivo de la caja',
  'cash.closeOverLimit': 'cerrar una caja con una diferencia mayor al límite',
  'users.manage': 'administrar usuarios',
  'audit.view': 'ver la auditoría',
  'sync.run': 'sincronizar con la central',
  'sync.view': 'ver los envíos rechazados por la central',
  'sync.manage': 'configurar la sincronización con la central',
};

function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  return new AppError('VALIDATION_FAILED', { issues });
}

export interface Dispatcher {
  dispatch(request: RpcRequest): Promise<RpcResponse>;
  onEvent(listener: CoreEventListener): () => void;
}

/**
 * The one door into the core for every transport: resolves the method, validates the
 * input against its schema, checks the session and the permission the contract names,
 * runs the handler, and turns every failure into a typed error with a Spanish message.
 * Unexpected errors are logged in full here and leave the core as INTERNAL only.
 */
export function createDispatcher(
  core: Core,
  log: (message: string, error: unknown) => void = console.error,
): Dispatcher {
  const listeners = new Set<CoreEventListener>();
  const emit = (event: CoreEvent) => listeners.forEach((listener) => listener(event));
  core.onFiscalChange(() => emit({ type: 'fiscal.changed' }));
  core.devices.onChange(() => emit({ type: 'devices.changed' }));
  core.devices.onScan((code) => emit({ type: 'scanner.scanned', code }));
  core.sync.onChange(() => emit({ type: 'sync.changed' }));
  core.ctx.auth.onSessionEnded((ended) =>
    emit({ type: 'session.ended', reason: ended.reason, userId: ended.userId }),
  );

  async function fiscalReady(): Promise<void> {
    try {
      await core.fiscal.ready();
    } catch (error) {
      log('core: SUNAT validation failed to load', error);
      throw new AppError('FISCAL_UNAVAILABLE');
    }
  }

  /** A supervisor's PIN in the input stands in for the permission the actor lacks, where the contract allows it. */
  async function approveOnTheSpot(
    spec: { approvable?: boolean },
    input: unknown,
    permission: Permission,
  ): Promise<Actor> {
    const action = PERMISSION_ACTIONS[permission] ?? permission;
    if (!spec.approvable) throw new AppError('FORBIDDEN', { action });
    const approval = (input as { approval?: Approval }).approval;
    if (!approval) throw new AppError('APPROVAL_REQUIRED', { reason: action });
    return core.ctx.auth.approve(approval, permission);
  }

  async function run(request: RpcRequest): Promise<unknown> {
    if (!isApiMethod(request.method))
      throw new AppError('UNKNOWN_METHOD', { method: String(request.method) });
    const name = request.method;
    const spec = contract[name];
    const context: HandlerContext = { core, actor: null, approver: null, session: request.session ?? null };
    // Who asks comes before what they send: someone who may not call a method learns nothing about its input.
    if (spec.permission !== null) {
      context.actor = core.ctx.auth.resolve(request.session ?? undefined, {
        activity: countsAsActivity(name),
      });
    }
    const lacks =
      context.actor !== null &&
      spec.permission !== null &&
      spec.permission !== 'authenticated' &&
      !roleCan(context.actor.role, spec.permission);
    if (lacks && !('approvable' in spec && spec.approvable)) {
      throw new AppError('FORBIDDEN', {
        action: PERMISSION_ACTIONS[spec.permission as Permission],
      });
    }
    const parsed = spec.input.safeParse(request.input ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    if (lacks) context.approver = await approveOnTheSpot(spec, parsed.data, spec.permission as Permission);
    if ('issuesFiscalDocument' in spec && spec.issuesFiscalDocument) await fiscalReady();
    const handler = handlers[name] as (input: unknown, context: HandlerContext) => unknown;
    const value = await handler(parsed.data, context);
    if (name.startsWith('cart.') && name !== 'cart.current' && name !== 'cart.held')
      emit({ type: 'cart.changed' });
    if (name === 'checkout.complete') {
      const { sale } = value as { sale: { id: string; number: string } };
      emit({ type: 'sale.completed', saleId: sale.id, number: sale.number });
      emit({ type: 'cart.changed' });
    }
    return value;
  }

  return {
    async dispatch(request) {
      try {
        return { ok: true, value: (await run(request)) ?? null };
      } catch (error) {
        if (isAppError(error)) return { ok: false, error: error.toApiError() };
        log(`core: ${request.method} failed`, error);
        const internal: ApiError = new AppError('INTERNAL').toApiError();
        return { ok: false, error: internal };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
