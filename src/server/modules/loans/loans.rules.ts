import { type LoanStatus, loanTransitions } from '../../../domain/ledgers/catalogs';
import { fenToYuan } from '../../../domain/money';
import { AppError } from '../../http/errors';

/**
 * 申请中 → 已放款 → 已还清 / 逾期 (逾期 → 已还清 when settled late), per loanTransitions; a loan
 * moves to 已还清 only once its repayments cover the principal.
 */
export function assertTransition(current: { status: LoanStatus; principalFen: number; repaidFen: number }, to: LoanStatus): void {
  if (!loanTransitions[current.status].includes(to)) {
    const allowed = loanTransitions[current.status];
    const hint = allowed.length ? `，只能改为${allowed.join('或')}` : '';
    const message = `贷款状态不能从“${current.status}”改为“${to}”${hint}`;
    throw new AppError('RULE_VIOLATED', message, [{ path: 'status', message }]);
  }
  if (to === '已还清' && current.repaidFen < current.principalFen) {
    const message = `尚未还清：已还 ${fenToYuan(current.repaidFen)} 元，本金 ${fenToYuan(current.principalFen)} 元`;
    throw new AppError('RULE_VIOLATED', message, [{ path: 'status', message }]);
  }
}
