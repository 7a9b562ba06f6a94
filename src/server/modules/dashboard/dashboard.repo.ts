import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/types';

/** Kysely queries for the leaders' dashboard; no rules here. The unit was scope-checked by the service. */

export interface SubtreeUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
  division_code: string | null;
  dissolved_on: string | null;
  depth: number;
}

function inSubtree(column: string, orgId: string) {
  return sql<SqlBool>`${sql.ref(column)} in (select dc.descendant_id from org_closure dc where dc.ancestor_id = ${orgId})`;
}

/** The unit and every unit below it, shallowest first (then by sort order and code). */
export async function subtreeUnits(db: Kysely<DB>, orgId: string): Promise<SubtreeUnit[]> {
  const rows = await db
    .selectFrom('org_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.level', 'u.parent_id', 'u.division_code', 'u.dissolved_on', 'c.depth'])
    .where('c.ancestor_id', '=', orgId)
    .orderBy('c.depth')
    .orderBy('u.sort_order')
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

export interface MonthRow {
  month: string;
  values: number[];
}

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * Activities by month of their start date: count, sessions, participants. The subtree test is the
 * metric's (organizer or any 联合单位 inside, each activity once).
 */
export async function activityMonths(db: Kysely<DB>, orgId: string, from: string, to: string): Promise<MonthRow[]> {
  const m = month('a.start_on');
  const rows = await db
    .selectFrom('activities as a')
    .where('a.deleted_at', 'is', null)
    .where('a.start_on', '>=', from)
    .where('a.start_on', '<=', to)
    .where((eb) => eb.or([inSubtree('a.org_id', orgId), eb('a.id', 'in', eb.selectFrom('activity_partners as ap').select('ap.activity_id').where(inSubtree('ap.org_id', orgId)))]))
    .select([m.as('month'), sql<number>`count(*)`.as('c'), sql<number>`coalesce(sum(a.sessions), 0)`.as('s'), sql<number>`coalesce(sum(a.participants), 0)`.as('p')])
    .groupBy(m)
    .execute();
  return rows.map((r) => ({ month: r.month, values: [n(r.c), n(r.s), n(r.p)] }));
}

/** Assistance by month of its date: count, amount (分). */
export async function assistanceMonths(db: Kysely<DB>, orgId: string, from: string, to: string): Promise<MonthRow[]> {
  const m = month('s.given_on');
  const rows = await db
    .selectFrom('assistance as s')
    .where('s.deleted_at', 'is', null)
    .where(inSubtree('s.org_id', orgId))
    .where('s.given_on', '>=', from)
    .where('s.given_on', '<=', to)
    .select([m.as('month'), sql<number>`count(*)`.as('c'), sql<number>`coalesce(sum(s.amount_fen), 0)`.as('a')])
    .groupBy(m)
    .execute();
  return rows.map((r) => ({ month: r.month, values: [n(r.c), n(r.a)] }));
}

/** Loans by month of disbursement: count, principal (分). */
export async function loanMonths(db: Kysely<DB>, orgId: string, from: string, to: string): Promise<MonthRow[]> {
  const m = month('l.disbursed_on');
  const rows = await db
    .selectFrom('loans as l')
    .where('l.deleted_at', 'is', null)
    .where(inSubtree('l.org_id', orgId))
    .where('l.disbursed_on', 'is not', null)
    .where('l.disbursed_on', '>=', from)
    .where('l.disbursed_on', '<=', to)
    .select([m.as('month'), sql<number>`count(*)`.as('c'), sql<number>`coalesce(sum(l.principal_fen), 0)`.as('a')])
    .groupBy(m)
    .execute();
  return rows.map((r) => ({ month: r.month, values: [n(r.c), n(r.a)] }));
}

/** Collective contracts by month of signing: count, workers covered. */
export async function contractMonths(db: Kysely<DB>, orgId: string, from: string, to: string): Promise<MonthRow[]> {
  const m = month('c.signed_on');
  const rows = await db
    .selectFrom('contracts as c')
    .where('c.deleted_at', 'is', null)
    .where(inSubtree('c.org_id', orgId))
    .where('c.signed_on', '>=', from)
    .where('c.signed_on', '<=', to)
    .select([m.as('month'), sql<number>`count(*)`.as('c'), sql<number>`coalesce(sum(c.workers), 0)`.as('w')])
    .groupBy(m)
    .execute();
  return rows.map((r) => ({ month: r.month, values: [n(r.c), n(r.w)] }));
}

export const ledgerTables = ['activities', 'assistance', 'loans', 'contracts'] as const;

/** The date a ledger record belongs to (its period): 开始日期, 发放日期, 放款日期, 签订日期. */
export const recordDateColumns = { activities: 'start_on', assistance: 'given_on', loans: 'disbursed_on', contracts: 'signed_on' } as const;

type PerUnit = Map<string, { thisMonth: number; lastMonth: number }>;

function add(out: PerUnit, rows: readonly { org_id: string; this_n: unknown; last_n: unknown }[]): void {
  for (const r of rows) {
    const cur = out.get(r.org_id) ?? { thisMonth: 0, lastMonth: 0 };
    out.set(r.org_id, { thisMonth: cur.thisMonth + n(r.this_n), lastMonth: cur.lastMonth + n(r.last_n) });
  }
}

/**
 * Live ledger records per unit of the subtree that belong to last month or this month by their own
 * date (recordDateColumns; inclusive YYYY-MM-DD bounds: lastFrom ≤ date < thisFrom, thisFrom ≤ date ≤
 * thisTo), whenever they were typed in. A loan still 申请中 has no 放款日期 yet: it counts in the month
 * it was entered (created_at, an ISO UTC instant, against the months' Shanghai starts).
 */
export async function recordsPerUnit(
  db: Kysely<DB>,
  orgId: string,
  bounds: { lastFrom: string; thisFrom: string; thisTo: string; lastStart: string; thisStart: string; nextStart: string },
): Promise<PerUnit> {
  const out: PerUnit = new Map();
  for (const table of ledgerTables) {
    const col = `r.${recordDateColumns[table]}`;
    const rows = await db
      // the four ledgers share org_id and deleted_at; typed as one of them
      .selectFrom(`${table} as r` as 'activities as r')
      .where('r.deleted_at', 'is', null)
      .where(inSubtree('r.org_id', orgId))
      .where(sql.ref(col), '>=', bounds.lastFrom)
      .where(sql.ref(col), '<=', bounds.thisTo)
      .select([
        'r.org_id',
        sql<number>`sum(case when ${sql.ref(col)} >= ${bounds.thisFrom} then 1 else 0 end)`.as('this_n'),
        sql<number>`sum(case when ${sql.ref(col)} < ${bounds.thisFrom} then 1 else 0 end)`.as('last_n'),
      ])
      .groupBy('r.org_id')
      .execute();
    add(out, rows);
  }
  const applications = await db
    .selectFrom('loans as l')
    .where('l.deleted_at', 'is', null)
    .where('l.disbursed_on', 'is', null)
    .where(inSubtree('l.org_id', orgId))
    .where('l.created_at', '>=', bounds.lastStart)
    .where('l.created_at', '<', bounds.nextStart)
    .select([
      'l.org_id',
      sql<number>`sum(case when l.created_at >= ${bounds.thisStart} then 1 else 0 end)`.as('this_n'),
      sql<number>`sum(case when l.created_at < ${bounds.thisStart} then 1 else 0 end)`.as('last_n'),
    ])
    .groupBy('l.org_id')
    .execute();
  add(out, applications);
  return out;
}
