import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { CampaignNominationTable, CampaignTable, DB } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';

/** Kysely queries for selections; no rules here. */
export type CampaignRow = Selectable<CampaignTable>;
export type NominationRow = Selectable<CampaignNominationTable>;

/** A campaign is visible to the organizer's subtree and to the subtrees of the units given a quota. */
export function campaignVisible(scope: OrgScope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${orgInScope(scope, 'campaigns.org_id')} or exists (select 1 from campaign_quotas cq where cq.campaign_id = campaigns.id and ${orgInScope(scope, 'cq.org_id')}))`;
}

export async function findCampaign(db: Kysely<DB>, id: string, visible: Expression<SqlBool> | null): Promise<CampaignRow | undefined> {
  let q = db.selectFrom('campaigns').selectAll().where('id', '=', id);
  if (visible) q = q.where(visible);
  return q.executeTakeFirst();
}

export async function listCampaignRows(db: Kysely<DB>, scope: OrgScope, f: { year?: number; stage?: string }) {
  let q = db.selectFrom('campaigns').innerJoin('org_units as o', 'o.id', 'campaigns.org_id').selectAll('campaigns').select('o.name as org_name').where(campaignVisible(scope));
  if (f.year) q = q.where('campaigns.year', '=', f.year);
  if (f.stage) q = q.where('campaigns.stage', '=', f.stage);
  return q.orderBy('campaigns.created_at', 'desc').limit(500).execute();
}

export async function quotasOf(db: Kysely<DB>, campaignId: string) {
  return db
    .selectFrom('campaign_quotas as q')
    .innerJoin('org_units as o', 'o.id', 'q.org_id')
    .select(['q.org_id', 'q.quota', 'q.used', 'o.name as org_name', 'o.code as org_code'])
    .where('q.campaign_id', '=', campaignId)
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .execute();
}

export async function nominationsOf(db: Kysely<DB>, campaignId: string, onlyOrgs: OrgScope | null) {
  let q = db.selectFrom('campaign_nominations as n').innerJoin('org_units as o', 'o.id', 'n.nominating_org_id').selectAll('n').select('o.name as org_name').where('n.campaign_id', '=', campaignId);
  if (onlyOrgs) q = q.where(orgInScope(onlyOrgs, 'n.nominating_org_id'));
  return q.orderBy('n.seq').execute();
}

/** Counted (not voided) votes per nomination. */
export async function voteCounts(db: Kysely<DB>, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('campaign_votes')
    .select(['nomination_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('voided_at', 'is', null)
    .groupBy('nomination_id')
    .execute();
  return new Map(rows.map((r) => [r.nomination_id, Number(r.n)]));
}

export async function juryScoresOf(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('campaign_jury_scores').select(['nomination_id', 'juror_id', 'score', 'comment']).where('campaign_id', '=', campaignId).execute();
}

export async function objectionCounts(db: Kysely<DB>, campaignId: string): Promise<{ total: number; unanswered: number }> {
  const rows = await db.selectFrom('campaign_objections').select(['answered_at']).where('campaign_id', '=', campaignId).execute();
  return { total: rows.length, unanswered: rows.filter((r) => !r.answered_at).length };
}
