import { type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, TargetTable } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { inSubtree } from '../catalogs/ledger-kit';

/** Kysely queries for annual targets; no rules here. */
export type TargetRow = Selectable<TargetTable>;

export async function insertTarget(db: Kysely<DB>, row: Insertable<TargetTable>): Promise<void> {
  await db.insertInto('targets').values(row).execute();
}

export async function updateTargetRow(db: Kysely<DB>, id: string, patch: Updateable<TargetTable>): Promise<void> {
  await db.updateTable('targets').set(patch).where('id', '=', id).execute();
}

/** A live target whose unit lies in the scope. */
export async function findLiveTarget(db: Kysely<DB>, scope: OrgScope, id: string): Promise<TargetRow | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).where('deleted_at', 'is', null).where(orgInScope(scope, 'targets.org_id')).executeTakeFirst();
}

export async function findLiveByKey(db: Kysely<DB>, key: { orgId: string; year: number; metricRef: string; comparison: string }): Promise<TargetRow | undefined> {
  return db
    .selectFrom('targets')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .where('year', '=', key.year)
    .where('metric_ref', '=', key.metricRef)
    .where('comparison', '=', key.comparison)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function listTargetRows(db: Kysely<DB>, scope: OrgScope, f: { year: number; orgId?: string }): Promise<TargetRow[]> {
  let qb = db.selectFrom('targets as t').innerJoin('org_units as o', 'o.id', 't.org_id').selectAll('t').where('t.year', '=', f.year).where('t.deleted_at', 'is', null).where(orgInScope(scope, 't.org_id'));
  if (f.orgId) qb = qb.where(inSubtree('t.org_id', f.orgId));
  return qb.orderBy('o.sort_order').orderBy('o.code').orderBy('t.created_at').orderBy('t.id').execute();
}

/** Live targets split from any of `parentIds`. */
export async function listChildRows(db: Kysely<DB>, parentIds: string[]): Promise<TargetRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom('targets as t')
    .innerJoin('org_units as o', 'o.id', 't.org_id')
    .selectAll('t')
    .where('t.parent_id', 'in', parentIds)
    .where('t.deleted_at', 'is', null)
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .orderBy('t.id')
    .execute();
}

/** True when `orgId` is a direct or indirect descendant (not the unit itself) of `ancestorId`. */
export async function isStrictDescendant(db: Kysely<DB>, ancestorId: string, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('org_closure').select('depth').where('ancestor_id', '=', ancestorId).where('descendant_id', '=', orgId).where('depth', '>=', 1).executeTakeFirst();
  return Boolean(row);
}

export async function orgInfo(db: Kysely<DB>, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  const unique = Array.from(new Set(ids));
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'code', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
