import { newId } from '../../../domain/ids';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { assertOrgInScope, defaultOrgId, orgInScope, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import type { LoanProductBody } from './loans.schemas';

/** 贷款产品: a unit's rate, subsidy share and term; the unit's subtree may use it. */
export interface LoanProductView {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  ratePct: number;
  subsidyPct: number;
  termMonths: number;
  createdAt: string;
}

function products(ctx: Ctx) {
  return ctx.db
    .selectFrom('loan_products as p')
    .innerJoin('org_units as u', 'u.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'u.name as org_name', 'p.name', 'p.rate_bp', 'p.subsidy_pct', 'p.term_months', 'p.created_at']);
}
type ProductRow = Awaited<ReturnType<ReturnType<typeof products>['executeTakeFirstOrThrow']>>;
const toView = (r: ProductRow): LoanProductView => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, ratePct: Number(r.rate_bp) / 100, subsidyPct: Number(r.subsidy_pct), termMonths: Number(r.term_months), createdAt: r.created_at,
});

/** The products of units in scope and of their ancestors (a county's product serves its towns); with orgId, those usable by that unit. */
export async function listLoanProducts(ctx: Ctx, q: { orgId?: string }) {
  const scope = orgScope(ctx, 'ledger.read');
  let qb = products(ctx);
  if (q.orgId) {
    await assertOrgInScope(ctx, 'ledger.read', q.orgId);
    const unit = q.orgId;
    qb = qb.where('p.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', unit));
  } else if (!scope.all) {
    const roots = scope.roots;
    qb = qb.where((eb) => eb.or([orgInScope(scope, 'p.org_id'), eb('p.org_id', 'in', eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', 'in', roots))]));
  }
  const rows = await qb.orderBy('p.name').orderBy('p.id').execute();
  return { items: rows.map(toView), total: rows.length };
}

export async function createLoanProduct(ctx: Ctx, input: LoanProductBody): Promise<LoanProductView> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    const orgId = input.orgId ? await resolveOrgInScope(tx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(tx, 'ledger.write');
    const clash = await tx.db.selectFrom('loan_products').select('id').where('org_id', '=', orgId).where('name', '=', input.name).executeTakeFirst();
    if (clash) throw new AppError('CONFLICT', `贷款产品“${input.name}”已存在`, [{ path: 'name', message: '贷款产品已存在' }]);
    const id = newId();
    await tx.db
      .insertInto('loan_products')
      .values({ id, org_id: orgId, name: input.name, rate_bp: Math.round(input.ratePct * 100), subsidy_pct: Math.round(input.subsidyPct), term_months: input.termMonths, created_at: nowIso(tx) })
      .execute();
    await appendAudit(tx, { action: 'create', entity: 'loan_product', entityId: id, orgId, detail: { name: input.name, ratePct: input.ratePct, subsidyPct: input.subsidyPct, termMonths: input.termMonths } });
    return toView(await products(tx).where('p.id', '=', id).executeTakeFirstOrThrow());
  });
}
