import type { Core } from '../core/core';
import type { NoteView } from '../fiscal/documents/note-view';
import { returnsModule } from '../returns/returns-module';
import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import type { IssuedNoteView } from './returns-contract';
import type { HandlerContext, Handlers } from './handlers';

type ReturnsMethod = Extract<keyof Handlers, `history.${string}` | `returns.${string}`>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

/** The note with its queued document; the sender is woken so a factura note leaves at once. */
function issued(core: Core, note: NoteView): IssuedNoteView {
  const row = core.fiscal.queue.byNote(note.id);
  core.fiscal.sender.nudge();
  return { note, fiscal: row ? core.fiscal.monitor.document(row.id) : null };
}

export const returnsHandlers: Pick<Handlers, ReturnsMethod> = {
  'history.list': (input, { core }) =>
    returnsModule(core).history.list({
      from: input.from,
      to: input.to,
      number: input.number,
      docType: input.docType,
      limit: input.limit ?? 50,
      offset: input.offset ?? 0,
    }),
  'history.detail': (input, { core }) => returnsModule(core).history.detail(input.saleId),
  'returns.preview': (input, { core }) => returnsModule(core).returns.preview(input),
  'returns.create': (input, context) => {
    const { core } = context;
    const { approval: _approval, ...request } = input;
    return issued(
      core,
      returnsModule(core).returns.createReturn(actorOf(context), context.approver, request),
    );
  },
  'returns.void': (input, context) => {
    const { core } = context;
    const outcome = returnsModule(core).voids.voidSale(actorOf(context), context.approver, {
      saleId: input.saleId,
      reason: input.reason,
    });
    core.fiscal.sender.nudge();
    return {
      ...outcome,
      communication: outcome.communicationId ? core.fiscal.monitor.document(outcome.communicationId) : null,
    };
  },
  'returns.debitNote': (input, context) => {
    const { core } = context;
    const { approval: _approval, ...request } = input;
    return issued(
      core,
      returnsModule(core).debitNotes.createDebitNote(actorOf(context), context.approver, request),
    );
  },
};
