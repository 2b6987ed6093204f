import type { ApiInput, ApiMethod, ApiOutput, NoInputMethod } from '../../src-main/api/contract';
import type { RpcResponse } from '../../src-main/api/transport';
import type { ApiError, ErrorCode } from '../../src-main/shared/errors';
import { useSession } from '../state/session-store';
import { useUi, type Approval } from '../state/ui-store';
import { getBridge } from './bridge';
import { TransportError } from './web-bridge';

/** The core refused the operation: `message` is already the Spanish sentence to show. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(
    readonly method: ApiMethod,
    readonly apiError: ApiError,
  ) {
    super(apiError.message);
    this.name = 'ApiCallError';
    this.code = apiError.code;
    this.details = apiError.details;
  }
}

/** Methods whose input takes `approval`: only these can be retried after a supervisor's PIN. */
type ApprovalMethod = {
  [M in ApiMethod]: 'approval' extends keyof ApiInput<M> ? M : never;
}[ApiMethod];
const APPROVAL_METHODS: readonly ApprovalMethod[] = [
  'cart.setLineDiscount',
  'cart.setSaleDiscount',
  'exchangeRate.set',
  'returns.create',
  'returns.void',
  'returns.debitNote',
  'drawer.open',
  'cash.open',
  'cash.cashOut',
  'cash.close',
  'printer.reprint',
];

function takesApproval(method: ApiMethod): method is ApprovalMethod {
  return (APPROVAL_METHODS as readonly string[]).includes(method);
}

type CallArgs<M extends ApiMethod> = M extends NoInputMethod ? [input?: ApiInput<M>] : [input: ApiInput<M>];

async function send<M extends ApiMethod>(method: M, input: ApiInput<M> | undefined): Promise<ApiOutput<M>> {
  let response: RpcResponse;
  try {
    response = await getBridge().invoke({ method, input: input ?? {}, session: useSession.getState().token });
  } catch (error) {
    if (error instanceof TransportError && error.failure === 'unauthorized')
      useUi.getState().setFatal(error.message);
    throw error instanceof TransportError ? error : new TransportError('network');
  }
  if (response.ok) return response.value as ApiOutput<M>;
  const failure = new ApiCallError(method, response.error);
  // The core forgot our session (logout elsewhere, restart): back to the login screen.
  // A deactivated user is out at once, like an ended session.
  if (failure.code === 'NOT_AUTHENTICATED' || failure.code === 'USER_INACTIVE')
    useSession.getState().signedOut(failure.message);
  throw failure;
}

/**
 * Calls the core. Adds the session token; when the core asks for a supervisor's approval,
 * asks for a supervisor's PIN and retries the very same call with it.
 */
async function call<M extends ApiMethod>(method: M, ...args: CallArgs<M>): Promise<ApiOutput<M>> {
  const input = args[0] as ApiInput<M> | undefined;
  try {
    return await send(method, input);
  } catch (error) {
    if (!(error instanceof ApiCallError) || error.code !== 'APPROVAL_REQUIRED' || !takesApproval(method)) {
      throw error;
    }
    return retryWithApproval(method, input, error);
  }
}

async function retryWithApproval<M extends ApiMethod>(
  method: M,
  input: ApiInput<M> | undefined,
  required: ApiCallError,
): Promise<ApiOutput<M>> {
  let problem: string | null = null;
  for (;;) {
    const approval: Approval | null = await useUi.getState().requestApproval(required.message, problem);
    if (!approval) throw required;
    try {
      return await send(method, { ...input, approval } as ApiInput<M>);
    } catch (error) {
      if (!(error instanceof ApiCallError) || error.code !== 'APPROVAL_INVALID') throw error;
      problem = error.message;
    }
  }
}

export const api = { call };

/** What to tell the person about any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError || error instanceof TransportError) return error.message;
  return 'Ocurrió un error inesperado en la pantalla. Intente de nuevo.';
}
