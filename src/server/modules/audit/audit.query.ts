import type { Ctx } from '../../context';
import { orgInScope, orgScope } from '../../http/scope';

/** Audit entries about units in the caller's scope (sysadmin: all, including logins). */
export async function listAudit(
  ctx: Ctx,
  q: { entity?: string; entityId?: string; action?: string; page: number; pageSize: number },
) {
  const scope = orgScope(ctx, 'audit.read');
  let qb = ctx.db.selectFrom('audit_log').where(orgInScope(scope, 'audit_log.org_id'));
  if (q.entity) qb = qb.where('entity', '=', q.entity);
  if (q.entityId) qb = qb.where('entity_id', '=', q.entityId);
  if (q.action) qb = qb.where('action', '=', q.action);
  const [rows, total] = await Promise.all([
    qb
      .select(['seq', 'at', 'actor_name', 'action', 'entity', 'entity_id', 'org_id', 'ip', 'detail'])
      .orderBy('seq', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      orgId: r.org_id,
      ip: r.ip,
      detail: JSON.parse(r.detail) as unknown,
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
