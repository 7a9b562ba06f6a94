import { type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { percentHundredths } from '../../../domain/metrics/format';
import { maskName } from '../../../domain/mask';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, periodYears, type RecordRow } from './metrics.sql';

// Units of the subtree (the unit itself included), their designations (命名/荣誉, held per year),
// and the people known to the subtree.

type OrgEb = ExpressionBuilder<DB & { u: DB['org_units'] }, 'u'>;

function holds(eb: OrgEb, titles: string[], first: number, last: number) {
  return eb.exists(
    eb
      .selectFrom('designations as d')
      .select('d.id')
      .whereRef('d.org_id', '=', 'u.id')
      .where('d.title', 'in', titles)
      .where('d.year', '>=', first)
      .where('d.year', '<=', last),
  );
}

/** orgs.count and orgs.rate: units existing at the period's end (established on or before it, not yet dissolved). */
function existingAtEnd(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('org_units as u')
    .where(inSubtree(a.orgId, 'u.id'))
    .where((eb) => eb.or([eb('u.established_on', 'is', null), eb('u.established_on', '<=', a.to)]))
    .where((eb) => eb.or([eb('u.dissolved_on', 'is', null), eb('u.dissolved_on', '>', a.to)]));
  if (a.filters.kind) q = q.where('u.kind', 'in', a.filters.kind);
  return q;
}

function orgsFor(code: 'orgs.count' | 'orgs.new', db: Kysely<DB>, a: MetricArgs) {
  let q =
    code === 'orgs.count'
      ? existingAtEnd(db, a)
      : db
          .selectFrom('org_units as u')
          .where(inSubtree(a.orgId, 'u.id'))
          .where('u.established_on', '>=', a.from)
          .where('u.established_on', '<=', a.to)
          .where((eb) => (a.filters.kind ? eb('u.kind', 'in', a.filters.kind) : sql<SqlBool>`1 = 1`));
  const titles = a.filters.designation;
  if (titles) {
    const { first, last } = periodYears(a);
    q = q.where((eb) => holds(eb, titles, first, last));
  }
  return q;
}

function orgRecords(
  base: ReturnType<typeof existingAtEnd>,
  share: (eb: OrgEb) => RawBuilder<number>,
): MetricQuery['records'] {
  return async (_db, _a, page) => {
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .select((eb) => ['u.id', 'u.name', 'u.established_on', share(eb).as('raw')])
      .orderBy('u.established_on', 'desc')
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((r): RecordRow => ({ ledger: 'orgs', id: r.id, date: r.established_on, orgName: r.name, label: r.name, raw: num(r.raw) ? 1 : 0 })),
    };
  };
}

function orgQuery(code: 'orgs.count' | 'orgs.new'): MetricQuery {
  return {
    async value(db, a) {
      const r = await orgsFor(code, db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    records: (db, a, page) => orgRecords(orgsFor(code, db, a), () => sql<number>`1`)(db, a, page),
  };
}

/** orgs.rate: of the units existing at the end of the period, the share holding the designation in the year of `to`. */
const rateQuery: MetricQuery = {
  async value(db, a) {
    const year = Number(a.to.slice(0, 4));
    const titles = a.filters.designation ?? [];
    const r = await existingAtEnd(db, a)
      .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`coalesce(sum(case when ${holds(eb, titles, year, year)} then 1 else 0 end), 0)`.as('held')])
      .executeTakeFirst();
    return { raw: percentHundredths(num(r?.held), num(r?.total)) };
  },
  records(db, a, page) {
    const year = Number(a.to.slice(0, 4));
    const titles = a.filters.designation ?? [];
    return orgRecords(existingAtEnd(db, a), (eb) => sql<number>`case when ${holds(eb, titles, year, year)} then 1 else 0 end`)(db, a, page);
  },
};

function designations(db: Kysely<DB>, a: MetricArgs) {
  const { first, last } = periodYears(a);
  let q = db
    .selectFrom('designations as d')
    .where(inSubtree(a.orgId, 'd.org_id'))
    .where('d.year', '>=', first)
    .where('d.year', '<=', last);
  if (a.filters.title) q = q.where('d.title', 'in', a.filters.title);
  if (a.filters.level) q = q.where('d.level', 'in', a.filters.level);
  return q;
}

const designationQuery: MetricQuery = {
  async value(db, a) {
    const r = await designations(db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return { raw: num(r?.n) };
  },
  async records(db, a, page) {
    const base = designations(db, a);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .innerJoin('org_units as u', 'u.id', 'd.org_id')
      .select(['d.id', 'd.title', 'd.level', 'd.year', 'd.awarded_on', 'u.name as org_name'])
      .orderBy('d.year', 'desc')
      .orderBy('d.title')
      .orderBy('d.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((r): RecordRow => ({
        ledger: 'designations',
        id: r.id,
        date: r.awarded_on,
        orgName: r.org_name,
        label: `${r.title}（${r.level}，${num(r.year)}年）`,
        raw: 1,
      })),
    };
  },
};

/**
 * people.count: distinct people registered by a unit of the subtree (person_orgs), or named in one
 * of its live assistance or loan records dated on or before the period's end. The registry has no
 * real-world dates, so registration is not narrowed by the period.
 */
function knownPeople(db: Kysely<DB>, a: MetricArgs) {
  const ids = db
    .selectFrom('person_orgs as po')
    .select('po.person_id as pid')
    .where(inSubtree(a.orgId, 'po.org_id'))
    .union(
      db
        .selectFrom('assistance as s')
        .select('s.person_id as pid')
        .$narrowType<{ pid: string }>()
        .where('s.deleted_at', 'is', null)
        .where('s.person_id', 'is not', null)
        .where('s.given_on', '<=', a.to)
        .where(inSubtree(a.orgId, 's.org_id')),
    )
    .union(
      db
        .selectFrom('loans as l')
        .select('l.person_id as pid')
        .where('l.deleted_at', 'is', null)
        .where((eb) => eb.or([eb('l.disbursed_on', 'is', null), eb('l.disbursed_on', '<=', a.to)]))
        .where(inSubtree(a.orgId, 'l.org_id')),
    );
  let q = db.selectFrom(ids.as('x'));
  const category = a.filters.category;
  if (category) q = q.where('x.pid', 'in', (eb) => eb.selectFrom('person_categories as pc').select('pc.person_id').where('pc.category', 'in', category));
  return q;
}

const peopleQuery: MetricQuery = {
  async value(db, a) {
    const r = await knownPeople(db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return { raw: num(r?.n) };
  },
  async records(db, a, page) {
    const base = knownPeople(db, a);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .innerJoin('people as p', 'p.id', 'x.pid')
      .innerJoin('org_units as u', 'u.id', 'p.org_id')
      .select(['p.id', 'p.name', 'u.name as org_name'])
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((r): RecordRow => ({ ledger: 'people', id: r.id, date: null, orgName: r.org_name, label: maskName(r.name), raw: 1 })),
    };
  },
};

export const orgQueries: Record<string, MetricQuery> = {
  'orgs.count': orgQuery('orgs.count'),
  'orgs.new': orgQuery('orgs.new'),
  'orgs.rate': rateQuery,
  'designations.count': designationQuery,
  'designations.list': designationQuery,
  'people.count': peopleQuery,
};
