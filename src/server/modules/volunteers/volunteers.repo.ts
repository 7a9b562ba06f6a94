import { type Expression, type Insertable, type Kysely, sql, type SqlBool } from 'kysely';
import type { DB, VolunteerServiceTable } from '../../db/types';
import { inSubtree, like, likeContains } from '../catalogs/ledger-kit';
import type { ListServicesQuery } from './volunteers.schemas';

/** Kysely queries for volunteer teams, members and service records; scope conditions come from the scope guard. */
export async function findTeam(db: Kysely<DB>, visible: Expression<SqlBool>, id: string) {
  return db.selectFrom('volunteer_teams as t').selectAll('t').where('t.id', '=', id).where(visible).executeTakeFirst();
}

export async function teamNameTaken(db: Kysely<DB>, orgId: string, name: string): Promise<boolean> {
  return Boolean(await db.selectFrom('volunteer_teams').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst());
}

const confirmedTenths = sql<number>`coalesce((select sum(s.hours_tenths) from volunteer_services s where s.team_id = t.id and s.status = 'confirmed'), 0)`;
const memberCount = sql<number>`(select count(*) from volunteer_members m where m.team_id = t.id)`;

function teams(db: Kysely<DB>, visible: Expression<SqlBool>, f: { orgId?: string; q?: string }) {
  let q = db.selectFrom('volunteer_teams as t').where(visible);
  if (f.orgId) q = q.where(inSubtree('t.org_id', f.orgId));
  if (f.q) q = q.where(like('t.name', likeContains(f.q)));
  return q;
}

export async function listTeams(db: Kysely<DB>, visible: Expression<SqlBool>, f: { orgId?: string; q?: string }, page: number, pageSize: number) {
  return teams(db, visible, f)
    .innerJoin('org_units as u', 'u.id', 't.org_id')
    .select(['t.id', 't.org_id', 't.name', 't.description', 't.created_at', 'u.name as org_name', memberCount.as('members'), confirmedTenths.as('tenths')])
    .orderBy('t.name').orderBy('t.id').limit(pageSize).offset((page - 1) * pageSize).execute();
}

export async function countTeams(db: Kysely<DB>, visible: Expression<SqlBool>, f: { orgId?: string; q?: string }): Promise<number> {
  return Number((await teams(db, visible, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function membersOf(db: Kysely<DB>, teamId: string) {
  return db
    .selectFrom('volunteer_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.joined_on', 'p.name', 'p.gender', 'p.phone_masked',
      sql<number>`coalesce((select sum(s.hours_tenths) from volunteer_services s where s.team_id = m.team_id and s.person_id = m.person_id and s.status = 'confirmed'), 0)`.as('tenths')])
    .where('m.team_id', '=', teamId)
    .orderBy('m.joined_on').orderBy('p.name')
    .execute();
}

export async function isMember(db: Kysely<DB>, teamId: string, personId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('volunteer_members').select('person_id').where('team_id', '=', teamId).where('person_id', '=', personId).executeTakeFirst());
}

export async function insertService(db: Kysely<DB>, row: Insertable<VolunteerServiceTable>): Promise<void> {
  await db.insertInto('volunteer_services').values(row).execute();
}

type ServiceFilters = Partial<Omit<ListServicesQuery, 'page' | 'pageSize'>> & { id?: string };

function services(db: Kysely<DB>, visible: Expression<SqlBool>, f: ServiceFilters) {
  let q = db.selectFrom('volunteer_services as s').innerJoin('volunteer_teams as t', 't.id', 's.team_id').where(visible);
  if (f.id) q = q.where('s.id', '=', f.id);
  if (f.orgId) q = q.where(inSubtree('t.org_id', f.orgId));
  if (f.teamId) q = q.where('s.team_id', '=', f.teamId);
  if (f.personId) q = q.where('s.person_id', '=', f.personId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.from) q = q.where('s.served_on', '>=', f.from);
  if (f.to) q = q.where('s.served_on', '<=', f.to);
  return q;
}

export async function listServices(db: Kysely<DB>, visible: Expression<SqlBool>, f: ServiceFilters & { page: number; pageSize: number }) {
  return services(db, visible, f)
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.id', 's.team_id', 's.person_id', 's.served_on', 's.hours_tenths', 's.activity', 's.status', 's.confirmed_by', 's.confirmed_at', 't.name as team_name', 't.org_id', 'p.name as person_name'])
    .orderBy('s.served_on', 'desc').orderBy('s.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
}

export async function serviceTotals(db: Kysely<DB>, visible: Expression<SqlBool>, f: ListServicesQuery) {
  const r = await services(db, visible, f)
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(case when s.status = 'confirmed' then s.hours_tenths else 0 end), 0)`.as('confirmed')])
    .executeTakeFirstOrThrow();
  return { total: Number(r.n), confirmedTenths: Number(r.confirmed) };
}

export async function findService(db: Kysely<DB>, visible: Expression<SqlBool>, id: string) {
  return db.selectFrom('volunteer_services as s').innerJoin('volunteer_teams as t', 't.id', 's.team_id').selectAll('s').select('t.org_id').where('s.id', '=', id).where(visible).executeTakeFirst();
}

/** A person's service hours per team and year, over teams the caller may see. */
export async function hoursOf(db: Kysely<DB>, visible: Expression<SqlBool>, personId: string, year?: number) {
  let q = db.selectFrom('volunteer_services as s').innerJoin('volunteer_teams as t', 't.id', 's.team_id').where('s.person_id', '=', personId).where(visible);
  if (year) q = q.where('s.served_on', '>=', `${year}-01-01`).where('s.served_on', '<=', `${year}-12-31`);
  return q
    .select(['t.id as team_id', 't.name as team_name', sql<string>`substr(s.served_on, 1, 4)`.as('year'), 's.status',
      (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('s.hours_tenths').as('tenths')])
    .groupBy(['t.id', 't.name', sql`substr(s.served_on, 1, 4)`, 's.status'])
    .orderBy('year', 'desc').orderBy('t.name')
    .execute();
}
