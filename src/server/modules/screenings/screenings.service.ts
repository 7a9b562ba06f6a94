import { newId } from '../../../domain/ids';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound, validation } from '../../http/errors';
import { assertRecordDates } from '../../http/record-dates';
import { defaultOrgId, orgInScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { campaignVisible, childVisible, countsScope, openCampaign } from './screenings.access';
import * as repo from './screenings.repo';
import type { CompleteBody, CreateScreeningBody, ListScreeningsQuery } from './screenings.schemas';
import { type CampaignView, today, toCampaigns, toChildItems } from './screenings.view';

/** The townships a campaign covers: the explicit list (each inside the launching unit's subtree), else every township-level unit below it. */
async function campaignTownships(ctx: Ctx, orgId: string, ids: string[] | undefined): Promise<string[]> {
  if (ids && ids.length > 0) {
    const unique = Array.from(new Set(ids));
    const inside = await repo.unitsInSubtree(ctx.db, orgId, unique);
    const outside = unique.findIndex((id) => !inside.has(id));
    if (outside >= 0) throw validation(`townshipIds.${outside}`, '参与排查的乡镇须为发起单位或其下级单位');
    return unique;
  }
  const found = await repo.townshipsUnder(ctx.db, orgId);
  if (found.length === 0) throw validation('townshipIds', '发起单位下没有乡镇级单位，请指定参与排查的乡镇');
  return found;
}

async function viewOf(ctx: Ctx, row: repo.ScreeningRow): Promise<CampaignView> {
  const [view] = await toCampaigns(ctx, [row], orgInScope(countsScope(ctx), 't.org_id'));
  return view;
}

/** Launches a campaign (case.write over the launching unit) over its townships. */
export async function createScreening(ctx: Ctx, input: CreateScreeningBody): Promise<CampaignView> {
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'case.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'case.write');
  assertRecordDates(ctx, [['startOn', '开始日期', input.startOn], ['endOn', '结束日期', input.endOn, 'termEnd']]);
  const townships = await campaignTownships(ctx, orgId, input.townshipIds);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    await repo.insertScreening(
      tx.db,
      {
        id, org_id: orgId, title: input.title, year: input.year, start_on: input.startOn, end_on: input.endOn, intervene_days: input.interveneDays, pair_days: input.pairDays,
        created_by: tx.actor.kind === 'user' ? tx.actor.id : null, created_at: now, updated_at: now,
      },
      townships,
    );
    await appendAudit(tx, { action: 'create', entity: 'screening', entityId: id, orgId, detail: { title: input.title, year: input.year, townships: townships.length } });
    const row = await repo.findVisibleScreening(tx.db, campaignVisible({ all: true, roots: [] }), id);
    if (!row) throw notFound('摸底排查');
    return viewOf(tx, row);
  });
}

/** Campaigns the caller sees, each with the progress of the townships in the caller's scope (counts only). */
export async function listScreenings(ctx: Ctx, q: ListScreeningsQuery) {
  const scope = countsScope(ctx);
  if (q.orgId) await resolveOrgInScope(ctx, 'org.read', q.orgId, 'orgId');
  const { rows, total } = await repo.listScreeningRows(ctx.db, campaignVisible(scope), { year: q.year, orgId: q.orgId }, q.page, q.pageSize);
  return { items: await toCampaigns(ctx, rows, orgInScope(scope, 't.org_id')), total, page: q.page, pageSize: q.pageSize };
}

/** One campaign: progress per township and the roll-up; overdue children (names masked) for those who may open them. */
export async function getScreening(ctx: Ctx, id: string) {
  const row = await openCampaign(ctx, id);
  const view = await viewOf(ctx, row);
  const overdue = await repo.listChildRows(ctx.db, id, childVisible(ctx, 'read'), { overdueOn: today(ctx) }, 1, 200);
  return { ...view, overdueChildren: await toChildItems(ctx, overdue.rows), overdueCount: overdue.total };
}

/**
 * A township marks its screening 已完成 with the number of children it found (zero allowed); the
 * number must match the children recorded, so a completed township has recorded every child.
 */
export async function completeTownship(ctx: Ctx, id: string, orgId: string, input: CompleteBody): Promise<CampaignView> {
  const row = await openCampaign(ctx, id);
  const township = await repo.findTownship(ctx.db, id, orgId);
  const writable = await ctx.db.selectFrom('org_units as sc').select('sc.id').where('sc.id', '=', orgId).where(childVisible(ctx, 'write', 'sc.id')).executeTakeFirst();
  if (!township || !writable) throw notFound('参与排查的乡镇');
  if (township.completed_on) throw new AppError('CONFLICT', `该乡镇已于 ${township.completed_on} 标记排查完成`);
  return inTransaction(ctx, async (tx) => {
    const recorded = await repo.countChildren(tx.db, id, orgId);
    if (recorded !== input.found) {
      throw new AppError('RULE_VIOLATED', `已登记 ${recorded} 名儿童，与填报的发现人数 ${input.found} 不一致，请先登记全部发现的儿童`, [{ path: 'found', message: `已登记 ${recorded} 名儿童` }]);
    }
    const day = today(tx);
    const done = await tx.db
      .updateTable('screening_townships')
      .set({ completed_on: day, reported_found: input.found, completed_by: actorName(tx.actor) })
      .where('screening_id', '=', id)
      .where('org_id', '=', orgId)
      .where('completed_on', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该乡镇已标记排查完成');
    await appendAudit(tx, { action: 'complete', entity: 'screening_township', entityId: `${id}:${orgId}`, orgId, detail: { screeningId: id, found: input.found } });
    return viewOf(tx, row);
  });
}
