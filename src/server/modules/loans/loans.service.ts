import { shanghaiDate } from '../../../domain/dates';
import { checkIdNumber } from '../../../domain/id-number';
import { newId } from '../../../domain/ids';
import type { LoanStatus } from '../../../domain/ledgers/catalogs';
import { deleteInput, loanInput, type LoanInput } from '../../../domain/ledgers/inputs';
import { addMonths, computeSubsidyFen } from '../../../domain/ledgers/loans';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { fenToWan, fenToYuan } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertKeyFree, checkListOrg, createdBy, findLiveForWrite, guardKey, ledgerTotal, orgNames, overlay, parseWith, resolveLedgerOrg, resolvePersonRef, softDeleteRow } from '../catalogs/ledger-kit';
import { personSummaries } from '../people/people.service';
import { assertTransition } from './loans.rules';
import * as repo from './loans.repo';
import type { ListLoansQuery, LoanBody } from './loans.schemas';

/** 妇女小额担保贷款: principal in 分, rate in basis points, 贴息 computed from the product or entered. */
export interface LoanItem {
  id: string;
  orgId: string;
  orgName: string;
  personId: string;
  personName: string | null;
  personIdNumber: string | null; // masked
  productId: string | null;
  bank: string | null;
  principalFen: number;
  principalWan: number;
  termMonths: number | null;
  ratePct: number | null;
  subsidyPct: number | null;
  disbursedOn: string | null;
  dueOn: string | null;
  subsidyFen: number;
  subsidyYuan: string;
  venture: string | null;
  status: LoanStatus;
  repayments: Array<{ id: string; paidOn: string; amountFen: number; note: string | null }>;
  repaidFen: number;
  note: string | null;
  batchId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

export async function toLoanItems(ctx: Ctx, rows: repo.LoanRow[]): Promise<LoanItem[]> {
  const names = await orgNames(ctx, rows.map((r) => r.org_id));
  const people = await personSummaries(ctx, rows.map((r) => r.person_id));
  const repayments = await repo.repaymentsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => {
    const p = people.get(r.person_id);
    const paid = repayments.get(r.id) ?? [];
    const num = (v: number | null) => (v === null ? null : Number(v));
    return {
      id: r.id, orgId: r.org_id, orgName: names.get(r.org_id) ?? '', personId: r.person_id, personName: p?.name ?? null, personIdNumber: p?.idNumber ?? null,
      productId: r.product_id, bank: r.bank, principalFen: Number(r.principal_fen), principalWan: fenToWan(Number(r.principal_fen)),
      termMonths: num(r.term_months), ratePct: r.rate_bp === null ? null : Number(r.rate_bp) / 100, subsidyPct: num(r.subsidy_pct),
      disbursedOn: r.disbursed_on, dueOn: r.due_on, subsidyFen: Number(r.subsidy_fen), subsidyYuan: fenToYuan(Number(r.subsidy_fen)),
      venture: r.venture, status: r.status as LoanStatus, repayments: paid, repaidFen: paid.reduce((s, x) => s + x.amountFen, 0),
      note: r.note, batchId: r.batch_id, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at, deleteReason: r.delete_reason,
    };
  });
}

export const loanKeyLabel = (l: { principalFen: number; disbursedOn: string | null }) => `同一借款人、本金 ${fenToWan(l.principalFen)} 万元、${l.disbursedOn ?? '申请中'}`;

/**
 * Rate, subsidy share and term come from the loan product when one is named, each overridable per
 * loan; the subsidy is the entered amount, else computed when rate, share and term are known, else 0.
 */
async function prepare(tx: Ctx, l: LoanInput) {
  const orgId = await resolveLedgerOrg(tx, l);
  const product = l.productId ? await repo.productFor(tx.db, l.productId, orgId) : undefined;
  if (l.productId && !product) throw new AppError('VALIDATION', '贷款产品不存在或不适用于该组织', [{ path: 'productId', message: '贷款产品不存在或不适用于该组织' }]);
  const personId = (await resolvePersonRef(tx, l, orgId)) as string;
  const rateBp = l.ratePct !== undefined && l.ratePct !== null ? Math.round(l.ratePct * 100) : (product?.rate_bp ?? null);
  const subsidyPct = l.subsidyPct ?? product?.subsidy_pct ?? null;
  const term = l.termMonths ?? product?.term_months ?? null;
  const subsidyFen = l.subsidyYuan ?? (rateBp !== null && subsidyPct !== null && term !== null ? computeSubsidyFen(l.principalWan, Number(rateBp), Number(subsidyPct), Number(term)) : 0);
  const disbursedOn = l.disbursedOn ?? null;
  return {
    org_id: orgId, person_id: personId, product_id: product?.id ?? null, bank: l.bank || null, principal_fen: l.principalWan,
    term_months: term, rate_bp: rateBp, subsidy_pct: subsidyPct, disbursed_on: disbursedOn,
    due_on: l.dueOn ?? (disbursedOn && term ? addMonths(disbursedOn, Number(term)) : null),
    subsidy_fen: subsidyFen, venture: l.venture || null, status: l.status ?? (disbursedOn ? '已放款' : '申请中'), note: l.note || null,
    natural_key: naturalKeys.loan({ personId, principalFen: l.principalWan, disbursedOn }),
  };
}

export async function createLoan(ctx: Ctx, input: LoanBody, opts: { batchId?: string } = {}): Promise<LoanItem> {
  orgScope(ctx, 'ledger.write');
  const l = parseWith(loanInput(shanghaiDate(ctx.now())), input);
  const label = loanKeyLabel({ principalFen: l.principalWan, disbursedOn: l.disbursedOn ?? null });
  return guardKey(label, () =>
    inTransaction(ctx, async (tx) => {
      const columns = await prepare(tx, l);
      await assertKeyFree(tx, 'loans', columns.natural_key, label);
      const now = nowIso(tx);
      const id = newId();
      await repo.insertLoan(tx.db, { id, ...columns, batch_id: opts.batchId ?? null, created_by: createdBy(tx), created_at: now, updated_at: now, deleted_at: null, delete_reason: null });
      await appendAudit(tx, { action: 'create', entity: 'loan', entityId: id, orgId: columns.org_id, detail: { principalFen: columns.principal_fen, disbursedOn: columns.disbursed_on, status: columns.status } });
      return loadItem(tx, id);
    }),
  );
}

export async function loadItem(ctx: Ctx, id: string): Promise<LoanItem> {
  const row = await repo.findLoan(ctx.db, { all: true, roots: [] }, id);
  if (!row) throw notFound('贷款');
  return (await toLoanItems(ctx, [row]))[0];
}

export async function getLoan(ctx: Ctx, id: string): Promise<LoanItem> {
  const row = await repo.findLoan(ctx.db, orgScope(ctx, 'ledger.read'), id);
  if (!row) throw notFound('贷款');
  return (await toLoanItems(ctx, [row]))[0];
}

export async function listLoans(ctx: Ctx, q: ListLoansQuery) {
  const scope = orgScope(ctx, 'ledger.read');
  await checkListOrg(ctx, q.orgId);
  const asId = q.q ? checkIdNumber(q.q, shanghaiDate(ctx.now())) : null;
  const f = { ...q, personIndex: asId?.ok ? ctx.crypto.blindIndex(asId.info.idNumber) : undefined };
  const rows = await repo.listLoanRows(ctx.db, scope, f, q.page, q.pageSize);
  const total = await ledgerTotal(ctx, 'loans', scope, f, () => repo.countLoans(ctx.db, scope, f));
  return { items: await toLoanItems(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}


/** The loan as a body; subsidy and due date only when they were entered rather than derived, so a change of principal or term recomputes them. */
function asBody(c: LoanItem): LoanBody {
  const derivedSubsidy = c.ratePct !== null && c.subsidyPct !== null && c.termMonths !== null ? computeSubsidyFen(c.principalFen, Math.round(c.ratePct * 100), c.subsidyPct, c.termMonths) : 0;
  const derivedDue = c.disbursedOn && c.termMonths ? addMonths(c.disbursedOn, c.termMonths) : null;
  return {
    personId: c.personId, bank: c.bank, principalWan: c.principalFen / 1_000_000, termMonths: c.termMonths, ratePct: c.ratePct, subsidyPct: c.subsidyPct,
    disbursedOn: c.disbursedOn, dueOn: c.dueOn !== derivedDue ? c.dueOn : null, subsidyYuan: c.subsidyFen !== derivedSubsidy ? c.subsidyYuan : null,
    venture: c.venture, status: c.status, productId: c.productId ?? undefined, note: c.note, orgId: c.orgId,
  };
}

export async function updateLoan(ctx: Ctx, id: string, patch: Partial<LoanBody>): Promise<LoanItem> {
  orgScope(ctx, 'ledger.write');
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'loans', id, '贷款');
    const current = await loadItem(tx, id);
    const l = parseWith(loanInput(shanghaiDate(ctx.now())), overlay(asBody(current), patch));
    if (l.status && l.status !== current.status) assertTransition(current, l.status);
    const columns = await prepare(tx, l);
    await assertKeyFree(tx, 'loans', columns.natural_key, loanKeyLabel({ principalFen: columns.principal_fen, disbursedOn: columns.disbursed_on }), id);
    await repo.updateLoanRow(tx.db, id, { ...columns, updated_at: nowIso(tx) });
    const fields = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAudit(tx, { action: 'update', entity: 'loan', entityId: id, orgId: columns.org_id, detail: { fields } });
    return loadItem(tx, id);
  });
}

export async function deleteLoan(ctx: Ctx, id: string, input: { reason: string }): Promise<void> {
  const { reason } = parseWith(deleteInput, input);
  await inTransaction(ctx, (tx) => softDeleteRow(tx, 'loans', 'loan', '贷款', id, reason));
}
