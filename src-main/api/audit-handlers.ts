import { verifyAuditChainAsync } from '../audit/audit-chain';
import { auditActions, auditCsv, countAudit, listAudit } from '../audit/audit-query';
import { AppError } from '../shared/errors';
import { limaDate } from '../shared/lima-time';
import type { Actor } from '../users/authenticator';
import type { HandlerContext, Handlers } from './handlers';

type AuditMethod = Extract<keyof Handlers, `audit.${string}`>;

const PAGE_SIZE = 50;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

export const auditHandlers: Pick<Handlers, AuditMethod> = {
  'audit.list': (input, { core }) =>
    listAudit(core.ctx.sql, core.ctx.qb, { ...input, limit: input.limit ?? PAGE_SIZE }),
  'audit.verify': async (_input, context) => {
    const { sql, qb, audit } = context.core.ctx;
    // Verify first, then record it: the entry states the verdict of the log as it was found.
    // The pausing walk: sales go on while a long log is checked.
    const verdict = await verifyAuditChainAsync(sql, qb);
    sql.transaction(() =>
      audit.append({
        action: 'audit.verified',
        entityType: 'audit_log',
        userId: actorOf(context).userId,
        data: verdict,
      }),
    );
    return verdict;
  },
  'audit.export': (input, context) => {
    const { sql, qb, audit, clock, terminal } = context.core.ctx;
    const csv = auditCsv(sql, qb, input);
    const range = input.from || input.to ? `-${input.from ?? 'inicio'}-a-${input.to ?? 'hoy'}` : '';
    const fileName = `auditoria-${terminal.terminalCode}${range}-${limaDate(clock.now())}.csv`;
    // Taking the log out of the store is itself worth knowing about.
    sql.transaction(() =>
      audit.append({
        action: 'audit.exported',
        entityType: 'audit_log',
        userId: actorOf(context).userId,
        data: { filter: input, entries: countAudit(sql, qb, input), fileName },
      }),
    );
    return { fileName, csv };
  },
  'audit.actions': (_input, { core }) => auditActions(core.ctx.sql, core.ctx.qb),
  'audit.users': (_input, { core }) =>
    core.ctx.sql
      .all(
        core.ctx.qb
          .selectFrom('users')
          .select(['id', 'username', 'full_name', 'role', 'active'])
          .orderBy('full_name'),
      )
      .map((u) => ({
        id: u.id,
        username: u.username,
        fullName: u.full_name,
        role: u.role,
        active: u.active === 1,
      })),
};
