import { type Expression, type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { DB, ScreeningChildTable, ScreeningTable } from '../../db/types';

/** Kysely queries for screening campaigns; visibility conditions come from screenings.access.ts (built on the scope guard). */
export type ScreeningRow = Selectable<ScreeningTable>;
export type ChildRow = Selectable<ScreeningChildTable>;

export async function insertScreening(db: Kysely<DB>, row: Insertable<ScreeningTable>, townshipIds: string[]): Promise<void> {
  await db.insertInto('screenings').values(row).execute();
  await db
    .insertInto('screening_townships')
    .values(townshipIds.map((orgId) => ({ screening_id: row.id, org_id: orgId, completed_on: null, reported_found: null, completed_by: null })))
    .execute();
}

export async function findVisibleScreening(db: Kysely<DB>, visible: Expression<SqlBool>, id: string): Promise<ScreeningRow | undefined> {
  return db.selectFrom('screenings as s').selectAll('s').where('s.id', '=', id).where(visible).executeTakeFirst();
}

/** Township-level units of a subtree (the launching unit itself if it is one and has none below). */
export async function townshipsUnder(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_closure as oc')
    .innerJoin('org_units as u', 'u.id', 'oc.descendant_id')
    .select('u.id')
    .where('oc.ancestor_id', '=', orgId)
    .where('u.level', '=', 'township')
    .where('u.dissolved_on', 'is', null)
    // the topmost township-level units only (not a township-level union under a township's union)
    .where(sql<SqlBool>`not exists (select 1 from org_closure up join org_units uu on uu.id = up.ancestor_id
      where up.descendant_id = u.id and up.depth > 0 and uu.level = 'township' and up.ancestor_id in (select sub.descendant_id from org_closure sub where sub.ancestor_id = ${orgId}))`)
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .execute();
  return rows.map((r) => r.id);
}

/** Which of `ids` lie in the subtree of `orgId`. */
export async function unitsInSubtree(db: Kysely<DB>, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId).where('descendant_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

export async function listScreeningRows(db: Kysely<DB>, visible: Expression<SqlBool>, f: { year?: number; orgId?: string }, page: number, pageSize: number) {
  let qb = db.selectFrom('screenings as s').where(visible);
  if (f.year) qb = qb.where('s.year', '=', f.year);
  if (f.orgId) {
    const orgId = f.orgId;
    qb = qb.where(sql<SqlBool>`(s.org_id = ${orgId} or exists (select 1 from screening_townships ft where ft.screening_id = s.id and ft.org_id in (select fc.descendant_id from org_closure fc where fc.ancestor_id = ${orgId})))`);
  }
  const total = await qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await qb.selectAll('s').orderBy('s.start_on', 'desc').orderBy('s.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows, total: Number(total.n) };
}

/** The campaign's townships inside `visible` (a condition on `t.org_id`), in tree order. */
export async function townshipsOf(db: Kysely<DB>, screeningIds: string[], visible: Expression<SqlBool>) {
  if (screeningIds.length === 0) return [];
  return db
    .selectFrom('screening_townships as t')
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .select(['t.screening_id', 't.org_id', 'u.name as org_name', 't.completed_on', 't.reported_found', 't.completed_by'])
    .where('t.screening_id', 'in', screeningIds)
    .where(visible)
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .execute();
}

export async function findTownship(db: Kysely<DB>, screeningId: string, orgId: string) {
  return db.selectFrom('screening_townships').selectAll().where('screening_id', '=', screeningId).where('org_id', '=', orgId).executeTakeFirst();
}

/** What the progress counts need of every child of the campaigns (no names). */
export async function progressChildren(db: Kysely<DB>, screeningIds: string[]) {
  if (screeningIds.length === 0) return [];
  return db
    .selectFrom('screening_children')
    .select(['screening_id', 'org_id', 'risk_level', 'due_intervene_on', 'due_pair_on', 'intervened_on', 'paired_on'])
    .where('screening_id', 'in', screeningIds)
    .execute();
}

export async function countChildren(db: Kysely<DB>, screeningId: string, orgId: string): Promise<number> {
  const r = await db.selectFrom('screening_children').select((eb) => eb.fn.countAll<number>().as('n')).where('screening_id', '=', screeningId).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertChild(db: Kysely<DB>, row: Insertable<ScreeningChildTable>): Promise<void> {
  await db.insertInto('screening_children').values(row).execute();
}

export async function updateChild(db: Kysely<DB>, id: string, patch: Partial<ScreeningChildTable>): Promise<void> {
  await db.updateTable('screening_children').set(patch).where('id', '=', id).execute();
}

export async function findChildById(db: Kysely<DB>, id: string): Promise<ChildRow | undefined> {
  return db.selectFrom('screening_children').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVisibleChild(db: Kysely<DB>, visible: Expression<SqlBool>, id: string): Promise<ChildRow | undefined> {
  return db.selectFrom('screening_children as sc').selectAll('sc').where('sc.id', '=', id).where(visible).executeTakeFirst();
}

export async function findChildByPerson(db: Kysely<DB>, screeningId: string, personId: string) {
  return db.selectFrom('screening_children').select(['id', 'org_id']).where('screening_id', '=', screeningId).where('person_id', '=', personId).executeTakeFirst();
}

export interface ChildFilters {
  orgId?: string;
  riskLevel?: string;
  /** only children with a step past due on this day */
  overdueOn?: string;
}

export async function listChildRows(db: Kysely<DB>, screeningId: string, visible: Expression<SqlBool>, f: ChildFilters, page: number, pageSize: number) {
  let qb = db.selectFrom('screening_children as sc').where('sc.screening_id', '=', screeningId).where(visible);
  if (f.orgId) qb = qb.where('sc.org_id', '=', f.orgId);
  if (f.riskLevel) qb = qb.where('sc.risk_level', '=', f.riskLevel);
  if (f.overdueOn) {
    const d = f.overdueOn;
    qb = qb.where(sql<SqlBool>`((sc.intervened_on is null and sc.due_intervene_on < ${d}) or (sc.paired_on is null and sc.due_pair_on < ${d}))`);
  }
  const total = await qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await qb
    .selectAll('sc')
    .orderBy(sql`case sc.risk_level when '高' then 0 when '中' then 1 else 2 end`)
    .orderBy('sc.found_on', 'desc')
    .orderBy('sc.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Name, birth date, gender and masked ID number of the children (and helpers) named. */
export async function peopleOf(db: Kysely<DB>, ids: string[]) {
  const unique = Array.from(new Set(ids));
  if (unique.length === 0) return new Map<string, { name: string; birth_date: string; gender: string; id_masked: string }>();
  const rows = await db.selectFrom('people').select(['id', 'name', 'birth_date', 'gender', 'id_masked']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
