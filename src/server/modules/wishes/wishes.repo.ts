import { type Expression, type Insertable, type Kysely, type Selectable, sql, type SqlBool, type Updateable } from 'kysely';
import type { DB, WishClaimTable, WishTable } from '../../db/types';
import { inSubtree } from '../catalogs/ledger-kit';

/** Kysely queries for micro-wishes (微心愿); scope conditions come from the scope guard. */
export type WishRow = Selectable<WishTable>;

export async function insertWish(db: Kysely<DB>, row: Insertable<WishTable>): Promise<void> {
  await db.insertInto('wishes').values(row).execute();
}

export async function findWish(db: Kysely<DB>, visible: Expression<SqlBool>, id: string): Promise<WishRow | undefined> {
  return db.selectFrom('wishes as w').selectAll('w').where('w.id', '=', id).where('w.deleted_at', 'is', null).where(visible).executeTakeFirst();
}

export async function findWishById(db: Kysely<DB>, id: string): Promise<WishRow | undefined> {
  return db.selectFrom('wishes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Updates the wish only while it still has the status the caller saw; false when someone moved it meanwhile. */
export async function updateWishIf(db: Kysely<DB>, id: string, status: string, patch: Updateable<WishTable>): Promise<boolean> {
  const r = await db.updateTable('wishes').set(patch).where('id', '=', id).where('status', '=', status).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertClaim(db: Kysely<DB>, row: Insertable<WishClaimTable>): Promise<void> {
  await db.insertInto('wish_claims').values(row).execute();
}

export async function endClaim(db: Kysely<DB>, claimId: string, outcome: string, on: string): Promise<boolean> {
  const r = await db.updateTable('wish_claims').set({ outcome, ended_on: on }).where('id', '=', claimId).where('outcome', '=', 'holding').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function claimOf(db: Kysely<DB>, claimId: string | null) {
  if (!claimId) return undefined;
  return db.selectFrom('wish_claims').selectAll().where('id', '=', claimId).executeTakeFirst();
}

export async function claimsOfWish(db: Kysely<DB>, wishId: string) {
  return db.selectFrom('wish_claims').select(['id', 'phone_masked', 'donor_name', 'claimed_on', 'due_on', 'outcome', 'ended_on']).where('wish_id', '=', wishId).orderBy('claimed_at', 'desc').execute();
}

/** Claims past their last day whose wish is still only claimed (not delivered): candidates to lapse. */
export async function overdueClaims(db: Kysely<DB>, today: string, wishId?: string) {
  let q = db
    .selectFrom('wish_claims as c')
    .innerJoin('wishes as w', 'w.claim_id', 'c.id')
    .select(['c.id as claim_id', 'c.due_on', 'w.id as wish_id', 'w.org_id'])
    .where('c.outcome', '=', 'holding')
    .where('w.status', '=', 'claimed')
    .where('c.due_on', '<', today);
  if (wishId) q = q.where('w.id', '=', wishId);
  return q.execute();
}

export interface WishFilters {
  orgId?: string;
  status?: string;
}

function filtered(db: Kysely<DB>, visible: Expression<SqlBool>, f: WishFilters) {
  let q = db.selectFrom('wishes as w').where('w.deleted_at', 'is', null).where(visible);
  if (f.orgId) q = q.where(inSubtree('w.org_id', f.orgId));
  if (f.status) q = q.where('w.status', '=', f.status);
  return q;
}

export async function listWishRows(db: Kysely<DB>, visible: Expression<SqlBool>, f: WishFilters, page: number, pageSize: number) {
  return filtered(db, visible, f).selectAll('w').orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countWishes(db: Kysely<DB>, visible: Expression<SqlBool>, f: WishFilters): Promise<number> {
  return Number((await filtered(db, visible, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function statusCounts(db: Kysely<DB>, visible: Expression<SqlBool>, f: WishFilters) {
  return filtered(db, visible, { orgId: f.orgId }).select(['w.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('w.status').execute();
}

/** The settings in force at a unit: its own row, else the nearest ancestor's. */
export async function nearestSettings(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('wish_settings as s')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 's.org_id')
    .select(['s.org_id', 's.value_cap_fen', 's.claim_days', 's.delivery_address', 's.delivery_phone', 's.delivery_hours'])
    .where('oc.descendant_id', '=', orgId)
    .orderBy('oc.depth', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** The next running number of the year's wish codes (one row per year; the upsert serializes concurrent publishers). */
export async function nextCodeNumber(db: Kysely<DB>, year: number): Promise<number> {
  const row = await db
    .insertInto('wish_code_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`wish_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function attachmentCount(db: Kysely<DB>, wishId: string): Promise<number> {
  const r = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'wishes').where('entity_id', '=', wishId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The names donors left on the claims holding these wishes (claim id → name; null = 匿名). */
export async function donorNamesOf(db: Kysely<DB>, claimIds: (string | null)[]): Promise<Map<string, string | null>> {
  const ids = Array.from(new Set(claimIds.filter((c): c is string => Boolean(c))));
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('wish_claims').select(['id', 'donor_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.donor_name]));
}
