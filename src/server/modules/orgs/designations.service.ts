import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { assertOrgInScope, orgInScope, orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import type { CreateDesignationInput } from './orgs.schemas';

/** Designations (荣誉/命名): a unit holds a title at a level in a year (规范化建设达标, 巾帼文明岗 …). */
export async function listDesignations(ctx: Ctx, orgId: string) {
  await assertOrgInScope(ctx, 'org.read', orgId);
  const rows = await ctx.db.selectFrom('designations').selectAll().where('org_id', '=', orgId).orderBy('year', 'desc').orderBy('title').execute();
  return { items: rows.map(toView) };
}

function toView(r: { id: string; org_id: string; title: string; level: string; year: number; awarded_on: string | null; note: string | null }) {
  return { id: r.id, orgId: r.org_id, title: r.title, level: r.level, year: Number(r.year), awardedOn: r.awarded_on, note: r.note };
}

export async function addDesignation(ctx: Ctx, orgId: string, input: CreateDesignationInput) {
  return inTransaction(ctx, async (tx) => {
    await assertOrgInScope(tx, 'org.write', orgId);
    const clash = await tx.db
      .selectFrom('designations')
      .select('id')
      .where('org_id', '=', orgId)
      .where('title', '=', input.title)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `该组织 ${input.year} 年已有“${input.title}”`, [{ path: 'title', message: '同一年度已有该荣誉' }]);
    if (input.awardedOn && Number(input.awardedOn.slice(0, 4)) !== input.year) {
      throw new AppError('VALIDATION', '命名日期应在所填年度内', [{ path: 'awardedOn', message: '命名日期应在所填年度内' }]);
    }
    const row = {
      id: newId(),
      org_id: orgId,
      title: input.title,
      level: input.level,
      year: input.year,
      awarded_on: input.awardedOn ?? null,
      note: input.note ?? null,
      created_at: nowIso(tx),
    };
    await tx.db.insertInto('designations').values(row).execute();
    await appendAudit(tx, { action: 'create', entity: 'designation', entityId: row.id, orgId, detail: { title: row.title, level: row.level, year: row.year } });
    return toView(row);
  });
}

export async function removeDesignation(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const scope = orgScope(tx, 'org.write');
    const row = await tx.db.selectFrom('designations').selectAll().where('id', '=', id).where(orgInScope(scope, 'designations.org_id')).executeTakeFirst();
    if (!row) throw notFound('荣誉记录');
    await tx.db.deleteFrom('designations').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', entity: 'designation', entityId: id, orgId: row.org_id, detail: { title: row.title, year: row.year } });
  });
}
