import { type Kysely, type SqlBool, sql } from 'kysely';
import { metricUnits, type MetricUnit } from '../../../domain/metrics/catalogue';
import type { DB } from '../../db/types';
import { escapeLike, inSubtree, type MetricArgs, type MetricQuery, num, type Page, type RecordRow } from './metrics.sql';

/**
 * Activities of the subtree: organized by a unit of it, OR with any joint organizer (联合单位,
 * activity_partners.org_id) in it. One row per activity — the partner test is an IN over
 * activity_partners (index-served), not a join — so an activity shared by two units of the
 * subtree is counted once (issue 3: 联合单位 counted once per organizer, never twice in a shared total).
 */
function activities(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('activities as a')
    .where('a.deleted_at', 'is', null)
    .where('a.start_on', '>=', a.from)
    .where('a.start_on', '<=', a.to)
    .where((eb) =>
      eb.or([
        inSubtree(a.orgId, 'a.org_id'),
        eb('a.id', 'in', eb.selectFrom('activity_partners as ap').select('ap.activity_id').where(inSubtree(a.orgId, 'ap.org_id'))),
      ]),
    );
  const types = a.filters.type;
  if (types) q = q.where('a.type', 'in', types);
  const targets = a.filters.target;
  if (targets) {
    // target_groups is stored joined with 、; match a whole group, not a fragment of one
    q = q.where((eb) => eb.or(targets.map((t) => sql<SqlBool>`('、' || a.target_groups || '、') like ${`%、${escapeLike(t)}、%`} escape '\\'`)));
  }
  return q;
}

type Measure = 'count' | 'sessions' | 'participants';

function measureSql(m: Measure) {
  switch (m) {
    case 'count':
      return sql<number>`1`;
    case 'sessions':
      return sql<number>`a.sessions`;
    case 'participants':
      return sql<number>`a.participants`;
  }
}

function activityQuery(m: Measure): MetricQuery {
  return {
    async value(db, a) {
      const r = await activities(db, a)
        .select(sql<number>`coalesce(sum(${measureSql(m)}), 0)`.as('n'))
        .executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = activities(db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'a.org_id')
        .select(['a.id', 'a.start_on', 'a.name', 'u.name as org_name', measureSql(m).as('raw')])
        .orderBy('a.start_on', 'desc')
        .orderBy('a.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({ ledger: 'activities', id: r.id, date: r.start_on, orgName: r.org_name, label: r.name, raw: num(r.raw) })),
      };
    },
  };
}

/** Outcomes (成果) are typed pairs: the sum of the named outcome's values over the activities. */
function outcomes(db: Kysely<DB>, a: MetricArgs) {
  return activities(db, a)
    .innerJoin('activity_outcomes as o', 'o.activity_id', 'a.id')
    .where('o.name', 'in', a.filters.name ?? []);
}

const outcomeQuery: MetricQuery = {
  async value(db, a) {
    const r = await outcomes(db, a)
      .select((eb) => [sql<number>`coalesce(sum(o.value), 0)`.as('n'), eb.fn.min('o.unit').as('u1'), eb.fn.max('o.unit').as('u2')])
      .executeTakeFirst();
    const unit = r && r.u1 === r.u2 && (metricUnits as readonly string[]).includes(r.u1) ? (r.u1 as MetricUnit) : undefined;
    return { raw: num(r?.n), unit };
  },
  async records(db, a, page: Page) {
    const base = outcomes(db, a);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .innerJoin('org_units as u', 'u.id', 'a.org_id')
      .select(['a.id', 'a.start_on', 'a.name', 'o.name as outcome', 'o.value', 'o.unit', 'u.name as org_name'])
      .orderBy('a.start_on', 'desc')
      .orderBy('a.id', 'desc')
      .orderBy('o.name')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((r): RecordRow => ({
        ledger: 'activities',
        id: r.id,
        date: r.start_on,
        orgName: r.org_name,
        label: `${r.name}（${r.outcome} ${num(r.value)}${r.unit}）`,
        raw: num(r.value),
      })),
    };
  },
};

export const activityQueries: Record<string, MetricQuery> = {
  'activities.count': activityQuery('count'),
  'activities.sessions': activityQuery('sessions'),
  'activities.participants': activityQuery('participants'),
  'activities.outcome': outcomeQuery,
};
