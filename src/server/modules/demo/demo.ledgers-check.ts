import { type Kysely, type SqlBool, sql } from 'kysely';
import { fenToWan } from '../../../domain/money';
import type { DB } from '../../db/types';
import { figurePeriod, type LedgerFigure } from './demo.ledgers-plan';

/**
 * A demo figure straight from the tables, independent of the metric engine: the records of the
 * unit's subtree (org_closure) dated in the figure's period, as the contract defines each metric.
 * Used by the demo tests to check the seeded county against demoLedgerFigures.
 */
export async function figureBySql(db: Kysely<DB>, f: LedgerFigure, year: number): Promise<number> {
  const { from, to } = figurePeriod(f.period, year);
  const root = (await db.selectFrom('org_units').select('id').where('code', '=', f.org).executeTakeFirstOrThrow()).id;
  const inTree = (column: string) => sql<SqlBool>`${sql.ref(column)} in (select oc.descendant_id from org_closure oc where oc.ancestor_id = ${root})`;
  const measure = f.code.split('.')[1];
  const one = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await q.executeTakeFirstOrThrow()).n ?? 0);

  switch (f.code.split('.')[0]) {
    case 'activities': {
      let q = db.selectFrom('activities as a').where('a.deleted_at', 'is', null).where(inTree('a.org_id')).where('a.start_on', '>=', from).where('a.start_on', '<=', to);
      if (f.filters.type) q = q.where('a.type', '=', f.filters.type);
      if (measure === 'outcome') {
        return one(q.innerJoin('activity_outcomes as o', 'o.activity_id', 'a.id').where('o.name', '=', f.filters.name).select(sql<number>`coalesce(sum(o.value), 0)`.as('n')));
      }
      const column = { count: sql<number>`1`, sessions: sql<number>`a.sessions`, participants: sql<number>`a.participants` }[measure as 'count'];
      return one(q.select(sql<number>`coalesce(sum(${column}), 0)`.as('n')));
    }
    case 'assistance': {
      let q = db.selectFrom('assistance as s').where('s.deleted_at', 'is', null).where(inTree('s.org_id')).where('s.given_on', '>=', from).where('s.given_on', '<=', to);
      if (f.filters.program) q = q.where('s.program', '=', f.filters.program);
      if (f.filters.form) q = q.where('s.form', '=', f.filters.form);
      const category = f.filters.category;
      if (category) q = q.where('s.person_id', 'in', (eb) => eb.selectFrom('person_categories').select('person_id').where('category', '=', category));
      const value = {
        count: sql<number>`count(*)`,
        beneficiaries: sql<number>`count(distinct s.person_id)`,
        households: sql<number>`count(distinct s.household_id)`,
        amount: sql<number>`coalesce(sum(s.amount_fen), 0)`,
      }[measure as 'count'];
      const n = await one(q.select(value.as('n')));
      return measure === 'amount' ? n / 100 : n;
    }
    case 'loans': {
      const q = db.selectFrom('loans as l').where('l.deleted_at', 'is', null).where(inTree('l.org_id')).where('l.disbursed_on', '>=', from).where('l.disbursed_on', '<=', to);
      const value = {
        count: sql<number>`count(*)`,
        borrowers: sql<number>`count(distinct l.person_id)`,
        amount: sql<number>`coalesce(sum(l.principal_fen), 0)`,
        subsidy: sql<number>`coalesce(sum(l.subsidy_fen), 0)`,
      }[measure as 'count'];
      const n = await one(q.select(value.as('n')));
      return measure === 'amount' ? fenToWan(n) : measure === 'subsidy' ? n / 100 : n;
    }
    case 'contracts': {
      const q = db.selectFrom('contracts as c').where('c.deleted_at', 'is', null).where(inTree('c.org_id')).where('c.signed_on', '>=', from).where('c.signed_on', '<=', to);
      return one(q.select(measure === 'count' ? sql<number>`count(*)`.as('n') : sql<number>`coalesce(sum(c.workers), 0)`.as('n')));
    }
    case 'households':
      return one(db.selectFrom('households as h').where(inTree('h.org_id')).where('h.lifted_on', '>=', from).where('h.lifted_on', '<=', to).select(sql<number>`count(*)`.as('n')));
    case 'people': {
      let q = db.selectFrom('person_orgs as po').where(inTree('po.org_id'));
      const category = f.filters.category;
      if (category) q = q.where('po.person_id', 'in', (eb) => eb.selectFrom('person_categories').select('person_id').where('category', '=', category));
      return one(q.select(sql<number>`count(distinct po.person_id)`.as('n')));
    }
    default:
      throw new Error(`figureBySql: no query for ${f.code}`);
  }
}
