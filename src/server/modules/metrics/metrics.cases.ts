import { type Kysely, sql, type SqlBool } from 'kysely';
import { confidentialLabel } from '../../../domain/cases/kinds';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, type RecordRow } from './metrics.sql';

// Cases (个案) by the receiving unit's subtree. Confidential cases (家庭暴力, 困境儿童) count like any
// other, but their records show only '保密个案' (no summary, no party, no number).

type CaseMeasure = 'count' | 'resolved' | 'overdue';

/**
 * cases.count: registered in the period. cases.resolved: closed (办结) in the period, by the
 * latest closing (a reopened case counts again only once closed again). cases.overdue: at the
 * period's end, registered but neither accepted nor refused past the acceptance date, or accepted
 * but not closed past the handling date. Approximations: the unit is the case's current receiving
 * unit (after a 转办), and a case reopened after the period's end counts as not closed then.
 */
function cases(m: CaseMeasure, db: Kysely<DB>, a: MetricArgs) {
  let q = db.selectFrom('cases as c').where('c.deleted_at', 'is', null).where(inSubtree(a.orgId, 'c.org_id'));
  if (m === 'count') q = q.where('c.registered_on', '>=', a.from).where('c.registered_on', '<=', a.to);
  if (m === 'resolved') q = q.where('c.closed_on', '>=', a.from).where('c.closed_on', '<=', a.to);
  if (m === 'overdue') {
    const end = a.to;
    const notDoneBy = (col: string) => sql<SqlBool>`(${sql.ref(col)} is null or ${sql.ref(col)} > ${end})`;
    q = q.where(
      sql<SqlBool>`(c.registered_on <= ${end} and (
        (c.due_accept_on < ${end} and ${notDoneBy('c.accepted_on')} and ${notDoneBy('c.rejected_on')})
        or (c.accepted_on <= ${end} and c.due_handle_on < ${end} and ${notDoneBy('c.closed_on')})))`,
    );
  }
  const { kind, outcome, channel } = a.filters;
  if (kind) q = q.where('c.kind', 'in', kind);
  if (outcome) q = q.where('c.outcome', 'in', outcome);
  if (channel) q = q.where('c.channel', 'in', channel);
  return q;
}

function caseQuery(m: CaseMeasure): MetricQuery {
  return {
    async value(db, a) {
      const r = await cases(m, db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = cases(m, db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'c.org_id')
        .select(['c.id', 'c.kind', 'c.subkind', 'c.channel', 'c.outcome', 'c.confidential', 'c.registered_on', 'c.closed_on', 'u.name as org_name'])
        .orderBy(m === 'resolved' ? 'c.closed_on' : 'c.registered_on', 'desc')
        .orderBy('c.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => {
          const label = num(r.confidential) ? confidentialLabel : `${r.kind}${r.subkind ? `·${r.subkind}` : ''}（${r.channel}${r.outcome ? `，${r.outcome}` : ''}）`;
          return { ledger: 'cases', id: r.id, date: m === 'resolved' ? r.closed_on : r.registered_on, orgName: r.org_name, label, raw: 1 };
        }),
      };
    },
  };
}

export const caseQueries: Record<string, MetricQuery> = {
  'cases.count': caseQuery('count'),
  'cases.resolved': caseQuery('resolved'),
  'cases.overdue': caseQuery('overdue'),
};
