import { type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, LoanTable } from '../../db/types';
import { orgInScope, type OrgScope } from '../../http/scope';
import { inSubtree, like, likeContains } from '../catalogs/ledger-kit';
import type { LoanFilters } from './loans.schemas';

/** Kysely queries for loans (妇女小额担保贷款), their repayments and loan products; no rules here. */
export type LoanRow = Selectable<LoanTable>;

export async function insertLoan(db: Kysely<DB>, row: Insertable<LoanTable>): Promise<void> {
  await db.insertInto('loans').values(row).execute();
}

export async function updateLoanRow(db: Kysely<DB>, id: string, patch: Partial<LoanTable>): Promise<void> {
  await db.updateTable('loans').set(patch).where('id', '=', id).execute();
}

export async function findLoan(db: Kysely<DB>, scope: OrgScope, id: string): Promise<LoanRow | undefined> {
  return db.selectFrom('loans').selectAll().where('id', '=', id).where(orgInScope(scope, 'loans.org_id')).executeTakeFirst();
}

export async function repaymentsOf(db: Kysely<DB>, ids: string[]) {
  const out = new Map<string, Array<{ id: string; paidOn: string; amountFen: number; note: string | null }>>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('loan_repayments').selectAll().where('loan_id', 'in', ids).orderBy('paid_on').orderBy('id').execute();
  for (const r of rows) out.get(r.loan_id)?.push({ id: r.id, paidOn: r.paid_on, amountFen: Number(r.amount_fen), note: r.note });
  return out;
}

export async function insertRepayment(db: Kysely<DB>, row: { id: string; loan_id: string; paid_on: string; amount_fen: number; note: string | null; created_at: string }): Promise<void> {
  await db.insertInto('loan_repayments').values(row).execute();
}

/** A loan product usable by `orgId`: one of the unit's own or its ancestors'. */
export async function productFor(db: Kysely<DB>, productId: string, orgId: string) {
  return db
    .selectFrom('loan_products')
    .selectAll()
    .where('id', '=', productId)
    .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId))
    .executeTakeFirst();
}

function filtered(db: Kysely<DB>, scope: OrgScope, f: LoanFilters & { personIndex?: string }) {
  let qb = db.selectFrom('loans as l').where(orgInScope(scope, 'l.org_id'));
  if (f.includeDeleted !== 'true') qb = qb.where('l.deleted_at', 'is', null);
  if (f.orgId) qb = qb.where(inSubtree('l.org_id', f.orgId));
  if (f.from) qb = qb.where('l.disbursed_on', '>=', f.from);
  if (f.to) qb = qb.where('l.disbursed_on', '<=', f.to);
  if (f.status) qb = qb.where('l.status', '=', f.status);
  const index = f.personIndex;
  if (index) qb = qb.where('l.person_id', 'in', (eb) => eb.selectFrom('people').select('id').where('id_index', '=', index));
  else if (f.q) {
    const pattern = likeContains(f.q);
    qb = qb.where((eb) => eb.or([eb('l.person_id', 'in', eb.selectFrom('people as p').select('p.id').where(like('p.name', pattern))), like('l.bank', pattern), like('l.venture', pattern)]));
  }
  return qb;
}

export async function listLoanRows(db: Kysely<DB>, scope: OrgScope, f: LoanFilters & { personIndex?: string }, page: number, pageSize: number) {
  // loans still 申请中 have no disbursement date; they sort first (newest business)
  return filtered(db, scope, f)
    .selectAll('l')
    .orderBy((eb) => eb.fn.coalesce('l.disbursed_on', eb.val('9999-12-31')), 'desc')
    .orderBy('l.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

export async function countLoans(db: Kysely<DB>, scope: OrgScope, f: LoanFilters & { personIndex?: string }): Promise<number> {
  const r = await filtered(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
