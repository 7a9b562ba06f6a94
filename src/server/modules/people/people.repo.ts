import { type Insertable, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB, Person, PersonTable } from '../../db/types';
import { orgInScope, type OrgScope, personInScope } from '../../http/scope';

/** Kysely queries for people, their units and categories; no rules here. Portable SQL only. */

export async function findPersonByIndex(db: Kysely<DB>, idIndex: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id_index', '=', idIndex).executeTakeFirst();
}

export async function getPersonRow(db: Kysely<DB>, id: string): Promise<Person> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A unique index refused the insert (SQLite and PostgreSQL codes). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export async function findPersonInScope(db: Kysely<DB>, scope: OrgScope, id: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).where(personInScope(scope, 'people.id')).executeTakeFirst();
}

export async function insertPerson(db: Kysely<DB>, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

/** Links a person to a unit; true when the link is new. */
export async function linkPersonOrg(db: Kysely<DB>, personId: string, orgId: string, now: string): Promise<boolean> {
  const known = await db.selectFrom('person_orgs').select('org_id').where('person_id', '=', personId).where('org_id', '=', orgId).executeTakeFirst();
  if (known) return false;
  await db.insertInto('person_orgs').values({ person_id: personId, org_id: orgId, created_at: now }).execute();
  return true;
}

export async function categoriesOf(db: Kysely<DB>, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('person_categories')
    .select(['person_id', 'category'])
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .orderBy('category')
    .execute();
  for (const r of rows) out.get(r.person_id)?.push(r.category);
  return out;
}

/** Adds the categories the person lacks, stamped with the unit that tagged them; returns those added. */
export async function addCategories(db: Kysely<DB>, personId: string, names: string[], orgId: string, now: string): Promise<string[]> {
  if (names.length === 0) return [];
  const have = new Set((await categoriesOf(db, [personId])).get(personId));
  const added = names.filter((n) => !have.has(n));
  if (added.length) {
    await db
      .insertInto('person_categories')
      .values(added.map((category) => ({ person_id: personId, category, org_id: orgId, created_at: now })))
      .execute();
  }
  return added;
}

export async function replaceCategories(db: Kysely<DB>, personId: string, names: string[], orgId: string, now: string): Promise<void> {
  let del = db.deleteFrom('person_categories').where('person_id', '=', personId);
  if (names.length) del = del.where('category', 'not in', names);
  await del.execute();
  await addCategories(db, personId, names, orgId, now);
}

export interface OrgRef {
  id: string;
  name: string;
}

/** The units in the scope that know each person (for a page of people: one query). */
export async function orgsInScope(db: Kysely<DB>, scope: OrgScope, personIds: string[]): Promise<Map<string, OrgRef[]>> {
  const out = new Map<string, OrgRef[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('person_orgs as po')
    .innerJoin('org_units as u', 'u.id', 'po.org_id')
    .select(['po.person_id', 'u.id', 'u.name'])
    .where('po.person_id', 'in', personIds)
    .where(orgInScope(scope, 'po.org_id'))
    .orderBy('po.created_at')
    .orderBy('u.id')
    .execute();
  for (const r of rows) out.get(r.person_id)?.push({ id: r.id, name: r.name });
  return out;
}

export interface PeopleFilter {
  scope: OrgScope;
  /** a unit already checked to be in scope: people known to a unit of its subtree */
  subtreeOf?: string;
  category?: string;
  idIndex?: string;
  /** a LIKE pattern, already escaped with backslash */
  nameLike?: string;
}

function filtered(db: Kysely<DB>, f: PeopleFilter) {
  let qb = db.selectFrom('people as p').where(personInScope(f.scope, 'p.id'));
  if (f.subtreeOf) {
    const unit = f.subtreeOf;
    qb = qb.where('p.id', 'in', (eb) =>
      eb
        .selectFrom('person_orgs as fo')
        .innerJoin('org_closure as fc', 'fc.descendant_id', 'fo.org_id')
        .select('fo.person_id')
        .where('fc.ancestor_id', '=', unit),
    );
  }
  if (f.category) {
    const category = f.category;
    qb = qb.where('p.id', 'in', (eb) => eb.selectFrom('person_categories as pc').select('pc.person_id').where('pc.category', '=', category));
  }
  if (f.idIndex) qb = qb.where('p.id_index', '=', f.idIndex);
  // ESCAPE is needed on SQLite (no default escape character) and harmless on PostgreSQL
  if (f.nameLike) qb = qb.where(sql<SqlBool>`p.name like ${f.nameLike} escape '\\'`);
  return qb;
}

export async function listPeoplePage(db: Kysely<DB>, f: PeopleFilter, page: number, pageSize: number) {
  return filtered(db, f)
    .select(['p.id', 'p.name', 'p.id_masked', 'p.gender', 'p.birth_date', 'p.phone_masked', 'p.org_id'])
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

export async function countPeople(db: Kysely<DB>, f: PeopleFilter): Promise<number> {
  // Unfiltered lists (the common case) count from the unit side: an index-only walk of
  // person_orgs under the scope roots, 10× faster than a per-person check for a township user.
  if (!f.category && !f.idIndex && !f.nameLike) {
    const roots = f.subtreeOf ? [f.subtreeOf] : f.scope.all ? null : f.scope.roots;
    if (!roots) {
      const all = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(all.n);
    }
    const r = await db
      .selectFrom('person_orgs as po')
      .innerJoin('org_closure as oc', 'oc.descendant_id', 'po.org_id')
      .select((eb) => eb.fn.count<number>('po.person_id').distinct().as('n'))
      .where('oc.ancestor_id', 'in', roots)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** `%`, `_` and `\` in a user's search text match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PersonSummary {
  id: string;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  phone: string | null;
}

export async function personSummaries(db: Kysely<DB>, ids: string[]): Promise<Map<string, PersonSummary>> {
  const unique = Array.from(new Set(ids));
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name', 'id_masked', 'gender', 'birth_date', 'phone_masked']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, idNumber: r.id_masked, gender: r.gender, birthDate: r.birth_date, phone: r.phone_masked }]));
}
