import { type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AssistanceTable, DB } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { ledgerUnitConditions, like, likeContains } from '../catalogs/ledger-kit';
import type { AssistanceFilters } from './assistance.schemas';

/** Kysely queries for the assistance ledger (帮扶救助台账); no rules here. */
export type AssistanceRow = Selectable<AssistanceTable>;

export async function insertAssistance(db: Kysely<DB>, row: Insertable<AssistanceTable>): Promise<void> {
  await db.insertInto('assistance').values(row).execute();
}

export async function updateAssistanceRow(db: Kysely<DB>, id: string, patch: Partial<AssistanceTable>): Promise<void> {
  await db.updateTable('assistance').set(patch).where('id', '=', id).execute();
}

export async function findAssistance(db: Kysely<DB>, scope: OrgScope, id: string): Promise<AssistanceRow | undefined> {
  return db.selectFrom('assistance').selectAll().where('id', '=', id).where(orgInScope(scope, 'assistance.org_id')).executeTakeFirst();
}

/** Each person's household when they belong to exactly one (500 people a query). */
export async function soleHouseholds(db: Kysely<DB>, personIds: string[]): Promise<Map<string, string>> {
  const all = new Map<string, string[]>();
  const unique = Array.from(new Set(personIds));
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('household_members').select(['person_id', 'household_id']).where('person_id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) all.set(r.person_id, [...(all.get(r.person_id) ?? []), r.household_id]);
  }
  const out = new Map<string, string>();
  for (const [person, households] of all) if (households.length === 1) out.set(person, households[0]);
  return out;
}

export async function householdInScope(db: Kysely<DB>, scope: OrgScope, id: string): Promise<boolean> {
  return !!(await db.selectFrom('households').select('id').where('id', '=', id).where(orgInScope(scope, 'households.org_id')).executeTakeFirst());
}

/** Live records of these people under these programs dated in [from, to], with their unit's name. */
export async function recordsOfPeople(db: Kysely<DB>, personIds: string[], programs: string[], from: string, to: string) {
  // sorted here, not by the database: an ORDER BY given_on invites the planner to walk the list's date
  // index over the whole period instead of looking the people up (assistance_person) — measured 25×
  // slower on a 100k-row import when the statistics tipped it that way
  const rows = await db
    .selectFrom('assistance as a')
    .innerJoin('org_units as u', 'u.id', 'a.org_id')
    .select(['a.id', 'a.person_id', 'a.program', 'a.org_id', 'u.name as org_name', 'a.given_on', 'a.amount_fen'])
    .where('a.deleted_at', 'is', null)
    .where('a.person_id', 'in', personIds)
    .where('a.program', 'in', programs)
    .where('a.given_on', '>=', from)
    .where('a.given_on', '<=', to)
    .execute();
  return rows.sort((x, y) => (x.given_on < y.given_on ? -1 : x.given_on > y.given_on ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function filtered(db: Kysely<DB>, scope: OrgScope, f: AssistanceFilters & { personIndex?: string }, shape: 'rows' | 'count') {
  let qb = db.selectFrom('assistance as a');
  for (const c of ledgerUnitConditions(shape, scope, 'a.org_id', f.orgId)) qb = qb.where(c);
  if (f.includeDeleted !== 'true') qb = qb.where('a.deleted_at', 'is', null);
  if (f.from) qb = qb.where('a.given_on', '>=', f.from);
  if (f.to) qb = qb.where('a.given_on', '<=', f.to);
  if (f.program) qb = qb.where('a.program', '=', f.program);
  if (f.form) qb = qb.where('a.form', '=', f.form);
  const index = f.personIndex;
  if (index) qb = qb.where('a.person_id', 'in', (eb) => eb.selectFrom('people').select('id').where('id_index', '=', index));
  else if (f.q) {
    const pattern = likeContains(f.q);
    qb = qb.where((eb) =>
      eb.or([eb('a.person_id', 'in', eb.selectFrom('people as p').select('p.id').where(like('p.name', pattern))), like('a.goods', pattern), like('a.funder', pattern), like('a.note', pattern)]),
    );
  }
  return qb;
}

export async function listAssistanceRows(db: Kysely<DB>, scope: OrgScope, f: AssistanceFilters & { personIndex?: string }, page: number, pageSize: number) {
  return filtered(db, scope, f, 'rows').selectAll('a').orderBy('a.given_on', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countAssistance(db: Kysely<DB>, scope: OrgScope, f: AssistanceFilters & { personIndex?: string }): Promise<number> {
  const r = await filtered(db, scope, f, 'count').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
