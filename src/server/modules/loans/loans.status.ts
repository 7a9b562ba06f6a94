import { recordDateIssue, shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { addMonths } from '../../../domain/ledgers/loans';
import { naturalKeys } from '../../../domain/ledgers/natural-keys';
import { maxRecordFen, maxRecordText, toFen } from '../../../domain/money';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { orgScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { assertKeyFree, findLiveForWrite } from '../catalogs/ledger-kit';
import * as repo from './loans.repo';
import { assertTransition } from './loans.rules';
import type { LoanStatusBody, RepaymentBody } from './loans.schemas';
import { type LoanItem, loadItem, loanKeyLabel } from './loans.service';

/** A date given for a loan's event (放款、还款) lies in the record range (domain/dates.ts). */
function assertRecordDate(ctx: Ctx, path: string, label: string, value: string | undefined): void {
  const issue = value === undefined ? null : recordDateIssue(label, value, shanghaiDate(ctx.now()));
  if (issue) throw new AppError('VALIDATION', issue, [{ path, message: issue }]);
}

/** Moves a loan along its status flow; 放款 sets the disbursement date (and the due date from the term). */
export async function changeLoanStatus(ctx: Ctx, id: string, input: LoanStatusBody): Promise<LoanItem> {
  orgScope(ctx, 'ledger.write');
  assertRecordDate(ctx, 'on', '日期', input.on);
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'loans', id, '贷款');
    const loan = await loadItem(tx, id);
    assertTransition(loan, input.status);
    const patch: Parameters<typeof repo.updateLoanRow>[2] = { status: input.status, updated_at: nowIso(tx) };
    if (input.status === '已放款') {
      const on = input.on ?? shanghaiDate(tx.now());
      patch.disbursed_on = on;
      patch.due_on = loan.dueOn ?? (loan.termMonths ? addMonths(on, loan.termMonths) : null);
      patch.natural_key = naturalKeys.loan({ personId: loan.personId, principalFen: loan.principalFen, disbursedOn: on });
      await assertKeyFree(tx, 'loans', patch.natural_key, loanKeyLabel({ principalFen: loan.principalFen, disbursedOn: on }), id);
    }
    await repo.updateLoanRow(tx.db, id, patch);
    await appendAudit(tx, { action: 'status', entity: 'loan', entityId: id, orgId: loan.orgId, detail: { from: loan.status, to: input.status, ...(patch.disbursed_on ? { disbursedOn: patch.disbursed_on } : {}) } });
    return loadItem(tx, id);
  });
}

/** Records a repayment of a disbursed loan (已放款 or 逾期). */
export async function addRepayment(ctx: Ctx, id: string, input: RepaymentBody): Promise<LoanItem> {
  orgScope(ctx, 'ledger.write');
  const fen = toFen(input.amountYuan, '元');
  if (fen === null || fen <= 0) throw new AppError('VALIDATION', '还款金额应为大于 0 的数字（单位元，最多两位小数）', [{ path: 'amountYuan', message: '还款金额应为大于 0 的数字（单位元，最多两位小数）' }]);
  if (fen > maxRecordFen) throw new AppError('VALIDATION', `还款金额不能超过 ${maxRecordText}（每条记录）`, [{ path: 'amountYuan', message: `还款金额不能超过 ${maxRecordText}（每条记录）` }]);
  assertRecordDate(ctx, 'paidOn', '还款日期', input.paidOn);
  return inTransaction(ctx, async (tx) => {
    await findLiveForWrite(tx, 'loans', id, '贷款');
    const loan = await loadItem(tx, id);
    if (loan.status !== '已放款' && loan.status !== '逾期') {
      throw new AppError('RULE_VIOLATED', `贷款状态为“${loan.status}”，不能登记还款`, [{ path: 'status', message: `贷款状态为“${loan.status}”，不能登记还款` }]);
    }
    if (loan.disbursedOn && input.paidOn < loan.disbursedOn) throw new AppError('VALIDATION', '还款日期不能早于放款日期', [{ path: 'paidOn', message: '还款日期不能早于放款日期' }]);
    const row = { id: newId(), loan_id: id, paid_on: input.paidOn, amount_fen: fen, note: input.note || null, created_at: nowIso(tx) };
    await repo.insertRepayment(tx.db, row);
    await repo.updateLoanRow(tx.db, id, { updated_at: row.created_at });
    await appendAudit(tx, { action: 'repayment', entity: 'loan', entityId: id, orgId: loan.orgId, detail: { repaymentId: row.id, paidOn: row.paid_on, amountFen: fen } });
    return loadItem(tx, id);
  });
}
