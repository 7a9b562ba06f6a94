import { type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ActivityOutcomeTable, ActivityPartnerTable, ActivityTable, DB } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { ledgerUnitConditions, like, likeContains } from '../catalogs/ledger-kit';
import type { ActivityFilters } from './activities.schemas';

/** Kysely queries for activities, their joint organizers (联合单位) and outcomes; no rules here. */
export type ActivityRow = Selectable<ActivityTable>;

export async function insertActivity(db: Kysely<DB>, row: Insertable<ActivityTable>): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivityRow(db: Kysely<DB>, id: string, patch: Partial<ActivityTable>): Promise<void> {
  await db.updateTable('activities').set(patch).where('id', '=', id).execute();
}

export async function findActivity(db: Kysely<DB>, scope: OrgScope, id: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('activities').selectAll().where('id', '=', id).where(orgInScope(scope, 'activities.org_id')).executeTakeFirst();
}

/** Replaces the partners and outcomes of an activity. */
export async function replaceParts(db: Kysely<DB>, id: string, partners: Omit<ActivityPartnerTable, 'activity_id'>[], outcomes: Omit<ActivityOutcomeTable, 'activity_id'>[]): Promise<void> {
  await db.deleteFrom('activity_partners').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_outcomes').where('activity_id', '=', id).execute();
  if (partners.length) await db.insertInto('activity_partners').values(partners.map((p) => ({ ...p, activity_id: id }))).execute();
  if (outcomes.length) await db.insertInto('activity_outcomes').values(outcomes.map((o) => ({ ...o, activity_id: id }))).execute();
}

export async function partsOf(db: Kysely<DB>, ids: string[]) {
  const partners = new Map<string, Array<{ name: string; orgId: string | null }>>(ids.map((id) => [id, []]));
  const outcomes = new Map<string, Array<{ name: string; value: number; unit: string }>>(ids.map((id) => [id, []]));
  if (ids.length === 0) return { partners, outcomes };
  const ps = await db.selectFrom('activity_partners').selectAll().where('activity_id', 'in', ids).orderBy('activity_id').orderBy('position').execute();
  for (const p of ps) partners.get(p.activity_id)?.push({ name: p.name, orgId: p.org_id });
  const os = await db.selectFrom('activity_outcomes').selectAll().where('activity_id', 'in', ids).orderBy('activity_id').orderBy('name').execute();
  for (const o of os) outcomes.get(o.activity_id)?.push({ name: o.name, value: Number(o.value), unit: o.unit });
  return { partners, outcomes };
}

/** Units (anywhere in the tree) bearing each of these exact names. */
export async function unitsNamed(db: Kysely<DB>, names: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (names.length === 0) return out;
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('name', 'in', names).execute();
  for (const r of rows) out.set(r.name, [...(out.get(r.name) ?? []), r.id]);
  return out;
}

function filtered(db: Kysely<DB>, scope: OrgScope, f: ActivityFilters, shape: 'rows' | 'count') {
  let qb = db.selectFrom('activities as a');
  for (const c of ledgerUnitConditions(shape, scope, 'a.org_id', f.orgId)) qb = qb.where(c);
  if (f.includeDeleted !== 'true') qb = qb.where('a.deleted_at', 'is', null);
  if (f.from) qb = qb.where('a.start_on', '>=', f.from);
  if (f.to) qb = qb.where('a.start_on', '<=', f.to);
  if (f.type) qb = qb.where('a.type', '=', f.type);
  if (f.q) {
    const pattern = likeContains(f.q);
    qb = qb.where((eb) => eb.or([like('a.name', pattern), like('a.place', pattern)]));
  }
  return qb;
}

export async function listActivityRows(db: Kysely<DB>, scope: OrgScope, f: ActivityFilters, page: number, pageSize: number): Promise<ActivityRow[]> {
  return filtered(db, scope, f, 'rows').selectAll('a').orderBy('a.start_on', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countActivities(db: Kysely<DB>, scope: OrgScope, f: ActivityFilters): Promise<number> {
  const r = await filtered(db, scope, f, 'count').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
