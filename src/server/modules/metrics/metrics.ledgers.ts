import { type Kysely, type RawBuilder, sql } from 'kysely';
import { maskName } from '../../../domain/mask';
import type { DB } from '../../db/types';
import { inSubtree, type MetricArgs, type MetricQuery, num, type RecordRow } from './metrics.sql';

// Assistance, loans, collective contracts and households lifted out of poverty. Sums are over
// integer 分 columns; the service converts once. Personal data in records stays masked.

function assistance(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('assistance as s')
    .where('s.deleted_at', 'is', null)
    .where(inSubtree(a.orgId, 's.org_id'))
    .where('s.given_on', '>=', a.from)
    .where('s.given_on', '<=', a.to);
  const { program, form, funder, category } = a.filters;
  if (program) q = q.where('s.program', 'in', program);
  if (form) q = q.where('s.form', 'in', form);
  if (funder) q = q.where('s.funder', 'in', funder);
  // the helped person's category (人员类别), as the people list filters it
  if (category) q = q.where('s.person_id', 'in', (eb) => eb.selectFrom('person_categories as pc').select('pc.person_id').where('pc.category', 'in', category));
  return q;
}

type AssistanceMeasure = 'count' | 'beneficiaries' | 'households' | 'amount';

function assistanceValue(m: AssistanceMeasure) {
  switch (m) {
    case 'count':
      return sql<number>`count(*)`;
    case 'beneficiaries':
      return sql<number>`count(distinct s.person_id)`;
    case 'households':
      return sql<number>`count(distinct s.household_id)`;
    case 'amount':
      return sql<number>`coalesce(sum(s.amount_fen), 0)`;
  }
}

/** A record's share: distinct measures credit the first record (by date, id) of each person or household. */
function assistanceShare(m: AssistanceMeasure): RawBuilder<number> {
  switch (m) {
    case 'count':
      return sql<number>`1`;
    case 'beneficiaries':
      return sql<number>`case when row_number() over (partition by s.person_id order by s.given_on, s.id) = 1 then 1 else 0 end`;
    case 'households':
      return sql<number>`case when row_number() over (partition by s.household_id order by s.given_on, s.id) = 1 then 1 else 0 end`;
    case 'amount':
      return sql<number>`s.amount_fen`;
  }
}

function assistanceQuery(m: AssistanceMeasure): MetricQuery {
  const counted = (db: Kysely<DB>, a: MetricArgs) => {
    const q = assistance(db, a);
    if (m === 'beneficiaries') return q.where('s.person_id', 'is not', null);
    if (m === 'households') return q.where('s.household_id', 'is not', null);
    return q;
  };
  return {
    async value(db, a) {
      const r = await assistance(db, a).select(assistanceValue(m).as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = counted(db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 's.org_id')
        .leftJoin('people as p', 'p.id', 's.person_id')
        .leftJoin('households as h', 'h.id', 's.household_id')
        .select(['s.id', 's.given_on', 's.program', 'u.name as org_name', 'p.name as person_name', 'h.name as household_name', assistanceShare(m).as('raw')])
        .orderBy('s.given_on', 'desc')
        .orderBy('s.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({
          ledger: 'assistance',
          id: r.id,
          date: r.given_on,
          orgName: r.org_name,
          label: `${maskName(r.person_name ?? r.household_name ?? '')}（${r.program}）`,
          raw: num(r.raw),
        })),
      };
    },
  };
}

/** Loans disbursed (放款日期) in the period, whatever their status since. */
function loans(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('loans as l')
    .where('l.deleted_at', 'is', null)
    .where(inSubtree(a.orgId, 'l.org_id'))
    .where('l.disbursed_on', 'is not', null)
    .where('l.disbursed_on', '>=', a.from)
    .where('l.disbursed_on', '<=', a.to);
  if (a.filters.status) q = q.where('l.status', 'in', a.filters.status);
  if (a.filters.bank) q = q.where('l.bank', 'in', a.filters.bank);
  return q;
}

type LoanMeasure = 'count' | 'borrowers' | 'amount' | 'subsidy';

function loanQuery(m: LoanMeasure): MetricQuery {
  const value = {
    count: sql<number>`count(*)`,
    borrowers: sql<number>`count(distinct l.person_id)`,
    amount: sql<number>`coalesce(sum(l.principal_fen), 0)`,
    subsidy: sql<number>`coalesce(sum(l.subsidy_fen), 0)`,
  }[m];
  const share = {
    count: sql<number>`1`,
    borrowers: sql<number>`case when row_number() over (partition by l.person_id order by l.disbursed_on, l.id) = 1 then 1 else 0 end`,
    amount: sql<number>`l.principal_fen`,
    subsidy: sql<number>`l.subsidy_fen`,
  }[m];
  return {
    async value(db, a) {
      const r = await loans(db, a).select(value.as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = loans(db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'l.org_id')
        .innerJoin('people as p', 'p.id', 'l.person_id')
        .select(['l.id', 'l.disbursed_on', 'l.status', 'u.name as org_name', 'p.name as person_name', share.as('raw')])
        .orderBy('l.disbursed_on', 'desc')
        .orderBy('l.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({
          ledger: 'loans',
          id: r.id,
          date: r.disbursed_on,
          orgName: r.org_name,
          label: `${maskName(r.person_name)}（${r.status}）`,
          raw: num(r.raw),
        })),
      };
    },
  };
}

function contracts(db: Kysely<DB>, a: MetricArgs) {
  let q = db
    .selectFrom('contracts as c')
    .where('c.deleted_at', 'is', null)
    .where(inSubtree(a.orgId, 'c.org_id'))
    .where('c.signed_on', '>=', a.from)
    .where('c.signed_on', '<=', a.to);
  if (a.filters.type) q = q.where('c.type', 'in', a.filters.type);
  return q;
}

function contractQuery(m: 'count' | 'workers'): MetricQuery {
  const share = m === 'count' ? sql<number>`1` : sql<number>`c.workers`;
  return {
    async value(db, a) {
      const r = await contracts(db, a).select(sql<number>`coalesce(sum(${share}), 0)`.as('n')).executeTakeFirst();
      return { raw: num(r?.n) };
    },
    async records(db, a, page) {
      const base = contracts(db, a);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const rows = await base
        .innerJoin('org_units as u', 'u.id', 'c.org_id')
        .select(['c.id', 'c.signed_on', 'c.enterprise', 'c.type', 'u.name as org_name', share.as('raw')])
        .orderBy('c.signed_on', 'desc')
        .orderBy('c.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: num(total?.n),
        rows: rows.map((r): RecordRow => ({ ledger: 'contracts', id: r.id, date: r.signed_on, orgName: r.org_name, label: `${r.enterprise}（${r.type}）`, raw: num(r.raw) })),
      };
    },
  };
}

/** Households of the subtree lifted out of poverty (脱贫) in the period. */
function lifted(db: Kysely<DB>, a: MetricArgs) {
  return db
    .selectFrom('households as h')
    .where(inSubtree(a.orgId, 'h.org_id'))
    .where('h.lifted_on', 'is not', null)
    .where('h.lifted_on', '>=', a.from)
    .where('h.lifted_on', '<=', a.to);
}

const liftedQuery: MetricQuery = {
  async value(db, a) {
    const r = await lifted(db, a).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return { raw: num(r?.n) };
  },
  async records(db, a, page) {
    const base = lifted(db, a);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .innerJoin('org_units as u', 'u.id', 'h.org_id')
      .select(['h.id', 'h.lifted_on', 'h.name', 'u.name as org_name'])
      .orderBy('h.lifted_on', 'desc')
      .orderBy('h.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: num(total?.n),
      rows: rows.map((r): RecordRow => ({ ledger: 'households', id: r.id, date: r.lifted_on, orgName: r.org_name, label: maskName(r.name), raw: 1 })),
    };
  },
};

export const ledgerQueries: Record<string, MetricQuery> = {
  'assistance.count': assistanceQuery('count'),
  'assistance.beneficiaries': assistanceQuery('beneficiaries'),
  'assistance.households': assistanceQuery('households'),
  'assistance.amount': assistanceQuery('amount'),
  'loans.count': loanQuery('count'),
  'loans.borrowers': loanQuery('borrowers'),
  'loans.amount': loanQuery('amount'),
  'loans.subsidy': loanQuery('subsidy'),
  'contracts.count': contractQuery('count'),
  'contracts.workers': contractQuery('workers'),
  'households.lifted': liftedQuery,
};
