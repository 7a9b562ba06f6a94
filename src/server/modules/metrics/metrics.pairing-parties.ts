import { type Kysely, sql } from 'kysely';
import { maskName } from '../../../domain/mask';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, type RecordRow } from './metrics.sql';

// Who takes part in the pairings formed in the period (结对日期), counted once each however many
// pairings they hold: pairings.helpers (distinct helping units or people, e.g. 57个巾帼文明岗) and
// pairings.helped (distinct helped people or households, e.g. 60位单亲贫困母亲). Same unit subtree
// (the keeping unit) and role filters as pairings.count. Records name units in full, people masked.

type Side = 'helpers' | 'helped';

function formed(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('pairings as p')
    .where('p.deleted_at', 'is', null)
    .where(inSubtree(a.orgId, 'p.org_id'))
    .where('p.started_on', '>=', a.from)
    .where('p.started_on', '<=', a.to);
  if (a.filters.helper) q = q.where('p.helper_role', 'in', a.filters.helper);
  if (a.filters.helped) q = q.where('p.helped_role', 'in', a.filters.helped);
  return q;
}

/** One row per distinct party: its key (a unit, person or household id) and the first pairing day. */
function parties(side: Side, db: Kysely<DB>, a: MetricArgs) {
  const key = side === 'helpers' ? sql<string>`coalesce(p.helper_org_id, p.helper_person_id)` : sql<string>`coalesce(p.helped_person_id, p.helped_household_id)`;
  return formed(db, a)
    .select([key.as('party'), sql<string>`min(p.started_on)`.as('first_on'), sql<string>`min(${sql.ref(side === 'helpers' ? 'p.helper_role' : 'p.helped_role')})`.as('role')])
    .groupBy(key);
}

function partyQuery(side: Side): MetricQuery {
  return {
    async value(db, a) {
      const r = await db.selectFrom(parties(side, db, a).as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const total = await db.selectFrom(parties(side, db, a).as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await db
        .selectFrom(parties(side, db, a).as('x'))
        .leftJoin('org_units as u', 'u.id', 'x.party')
        .leftJoin('people as pe', 'pe.id', 'x.party')
        .leftJoin('households as h', 'h.id', 'x.party')
        .select(['x.party', 'x.first_on', 'x.role', 'u.name as unit_name', 'pe.name as person_name', 'h.name as household_name'])
        .orderBy('x.first_on', 'desc')
        .orderBy('x.party', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => {
          const who = r.unit_name ?? (r.person_name ? maskName(r.person_name) : r.household_name ? maskName(r.household_name) : '');
          return { ledger: 'pairings', id: r.party, date: r.first_on, orgName: r.unit_name ?? '', label: `${r.role}：${who}`, raw: 1 };
        }),
      };
    },
  };
}

export const pairingPartyQueries: Record<string, MetricQuery> = {
  'pairings.helpers': partyQuery('helpers'),
  'pairings.helped': partyQuery('helped'),
};
