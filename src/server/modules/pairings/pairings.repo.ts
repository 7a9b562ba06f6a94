import { type Expression, type Insertable, type Kysely, type Selectable, sql, type SqlBool, type Updateable } from 'kysely';
import { addDays } from '../../../domain/cases/deadlines';
import { pairingDueSoonDays } from '../../../domain/pairings/lapse';
import type { DB, PairingTable, PairingVisitTable } from '../../db/types';
import { inSubtree } from '../catalogs/ledger-kit';

/** Kysely queries for pairings (结对帮扶); the scope condition comes from the scope guard. */
export type PairingRow = Selectable<PairingTable>;

export async function insertPairing(db: Kysely<DB>, row: Insertable<PairingTable>): Promise<void> {
  await db.insertInto('pairings').values(row).execute();
}

export async function updatePairing(db: Kysely<DB>, id: string, patch: Updateable<PairingTable>): Promise<void> {
  await db.updateTable('pairings').set(patch).where('id', '=', id).execute();
}

export async function insertVisit(db: Kysely<DB>, row: Insertable<PairingVisitTable>): Promise<void> {
  await db.insertInto('pairing_visits').values(row).execute();
}

export async function findPairing(db: Kysely<DB>, visible: Expression<SqlBool>, id: string): Promise<PairingRow | undefined> {
  return db.selectFrom('pairings as p').selectAll('p').where('p.id', '=', id).where('p.deleted_at', 'is', null).where(visible).executeTakeFirst();
}

export async function lastVisitOn(db: Kysely<DB>, pairingId: string): Promise<string | null> {
  const r = await db.selectFrom('pairing_visits').select((eb) => eb.fn.max('visited_on').as('m')).where('pairing_id', '=', pairingId).executeTakeFirst();
  return (r?.m as string | null | undefined) ?? null;
}

export interface PairingFilters {
  orgId?: string;
  state?: 'active' | 'ended' | 'lapsed' | 'due_soon';
  lapsed?: 'true' | 'false';
  helperRole?: string;
  helpedRole?: string;
}

function filtered(db: Kysely<DB>, visible: Expression<SqlBool>, f: PairingFilters, today: string) {
  let q = db.selectFrom('pairings as p').where('p.deleted_at', 'is', null).where(visible);
  if (f.orgId) q = q.where(inSubtree('p.org_id', f.orgId));
  if (f.helperRole) q = q.where('p.helper_role', '=', f.helperRole);
  if (f.helpedRole) q = q.where('p.helped_role', '=', f.helpedRole);
  const active = sql<SqlBool>`(p.ended_on is null or p.ended_on > ${today})`;
  const state = f.lapsed === 'true' ? 'lapsed' : f.state;
  if (state === 'active') q = q.where(active);
  if (state === 'ended') q = q.where('p.ended_on', '<=', today);
  if (state === 'lapsed') q = q.where(active).where('p.next_due_on', '<', today);
  if (state === 'due_soon') q = q.where(active).where('p.next_due_on', '>=', today).where('p.next_due_on', '<=', addDays(today, pairingDueSoonDays));
  return q;
}

export async function listPairingRows(db: Kysely<DB>, visible: Expression<SqlBool>, f: PairingFilters, today: string, page: number, pageSize: number) {
  return filtered(db, visible, f, today).selectAll('p').orderBy('p.next_due_on', 'asc').orderBy('p.id', 'asc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countPairings(db: Kysely<DB>, visible: Expression<SqlBool>, f: PairingFilters, today: string): Promise<number> {
  const r = await filtered(db, visible, f, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function visitsOf(db: Kysely<DB>, pairingId: string) {
  return db.selectFrom('pairing_visits').selectAll().where('pairing_id', '=', pairingId).orderBy('visited_on', 'desc').orderBy('id', 'desc').execute();
}

export async function peopleNames(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'name', 'birth_date']).where('id', 'in', ids).execute();
}

export async function householdNames(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('households').select(['id', 'name']).where('id', 'in', ids).execute();
}
