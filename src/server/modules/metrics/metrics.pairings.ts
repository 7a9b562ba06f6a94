import { type Kysely, sql, type SqlBool } from 'kysely';
import { commitmentLabel } from '../../../domain/pairings/lapse';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, type RecordRow } from './metrics.sql';

// Pairings (结对帮扶) and micro-wishes (微心愿), by the keeping unit's subtree. Records name the
// helper's role and the commitment, never the helped child; wishes show their public code and
// the masked name only.

type PairingMeasure = 'count' | 'active' | 'visits';

function pairings(db: Kysely<DB>, a: MetricArgs) {
  let q = db.selectFrom('pairings as p').where('p.deleted_at', 'is', null).where(inSubtree(a.orgId, 'p.org_id'));
  if (a.filters.helper) q = q.where('p.helper_role', 'in', a.filters.helper);
  if (a.filters.helped) q = q.where('p.helped_role', 'in', a.filters.helped);
  return q;
}

/** pairings.count: formed (结对日期) in the period. pairings.active: begun by the period's end and not ended by then. */
function pairingRows(m: 'count' | 'active', db: Kysely<DB>, a: MetricArgs) {
  const q = pairings(db, a);
  if (m === 'count') return q.where('p.started_on', '>=', a.from).where('p.started_on', '<=', a.to);
  return q.where('p.started_on', '<=', a.to).where(sql<SqlBool>`(p.ended_on is null or p.ended_on > ${a.to})`);
}

function visitRows(db: Kysely<DB>, a: MetricArgs) {
  return pairings(db, a).innerJoin('pairing_visits as v', 'v.pairing_id', 'p.id').where('v.visited_on', '>=', a.from).where('v.visited_on', '<=', a.to);
}

function pairingQuery(m: PairingMeasure): MetricQuery {
  return {
    async value(db, a) {
      const base = m === 'visits' ? visitRows(db, a) : pairingRows(m, db, a);
      const r = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      if (m === 'visits') {
        const base = visitRows(db, a);
        const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
        const rows = await base
          .innerJoin('org_units as u', 'u.id', 'p.org_id')
          .select(['p.id', 'v.id as visit_id', 'v.visited_on', 'v.kind', 'p.helper_role', 'p.helped_role', 'u.name as org_name'])
          .orderBy('v.visited_on', 'desc').orderBy('v.id', 'desc').limit(page.limit).offset(page.offset).execute();
        return {
          total: num(total?.n),
          rows: rows.map((r): RecordRow => ({ ledger: 'pairings', id: r.id, date: r.visited_on, orgName: r.org_name, label: `${r.kind}：${r.helper_role}—${r.helped_role}`, raw: 1 })),
        };
      }
      const base = pairingRows(m, db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'p.org_id')
        .select(['p.id', 'p.started_on', 'p.helper_role', 'p.helped_role', 'p.commitment_kind', 'p.every_months', 'u.name as org_name'])
        .orderBy('p.started_on', 'desc').orderBy('p.id', 'desc').limit(page.limit).offset(page.offset).execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({
          ledger: 'pairings', id: r.id, date: r.started_on, orgName: r.org_name, label: `${r.helper_role}—${r.helped_role}（${commitmentLabel(r.commitment_kind, num(r.every_months))}）`, raw: 1,
        })),
      };
    },
  };
}

export const pairingQueries: Record<string, MetricQuery> = {
  'pairings.count': pairingQuery('count'),
  'pairings.active': pairingQuery('active'),
  'pairings.visits': pairingQuery('visits'),
};

type WishMeasure = 'published' | 'claimed' | 'fulfilled';

/**
 * wishes.published: first published in the period (a lapsed claim publishes again without
 * counting again). wishes.claimed: wishes with at least one claim made in the period, once each.
 * wishes.fulfilled: confirmed (圆梦) in the period.
 */
function wishRows(m: WishMeasure, db: Kysely<DB>, a: MetricArgs) {
  let q = db.selectFrom('wishes as w').where('w.deleted_at', 'is', null).where(inSubtree(a.orgId, 'w.org_id'));
  if (a.filters.kind) q = q.where('w.beneficiary_kind', 'in', a.filters.kind);
  if (m === 'published') return q.where('w.published_on', '>=', a.from).where('w.published_on', '<=', a.to);
  if (m === 'fulfilled') return q.where('w.fulfilled_on', '>=', a.from).where('w.fulfilled_on', '<=', a.to);
  return q.where(({ exists, selectFrom }) =>
    exists(selectFrom('wish_claims as c').select('c.id').whereRef('c.wish_id', '=', 'w.id').where('c.claimed_on', '>=', a.from).where('c.claimed_on', '<=', a.to)),
  );
}

function wishQuery(m: WishMeasure): MetricQuery {
  return {
    async value(db, a) {
      const r = await wishRows(m, db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = wishRows(m, db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'w.org_id')
        .select(['w.id', 'w.code', 'w.masked_name', 'w.title', 'w.published_on', 'w.claimed_on', 'w.fulfilled_on', 'u.name as org_name'])
        .orderBy(m === 'fulfilled' ? 'w.fulfilled_on' : 'w.published_on', 'desc').orderBy('w.id', 'desc').limit(page.limit).offset(page.offset).execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({
          ledger: 'wishes', id: r.id, date: m === 'fulfilled' ? r.fulfilled_on : m === 'claimed' ? r.claimed_on : r.published_on, orgName: r.org_name, label: `${r.code ?? ''} ${r.masked_name}：${r.title}`, raw: 1,
        })),
      };
    },
  };
}

export const wishQueries: Record<string, MetricQuery> = {
  'wishes.published': wishQuery('published'),
  'wishes.claimed': wishQuery('claimed'),
  'wishes.fulfilled': wishQuery('fulfilled'),
};
