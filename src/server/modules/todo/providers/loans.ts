import { fenToWan } from '../../../../domain/money';
import { loanSoonDays, soonLimit } from '../../../../domain/todo';
import { orgInScope } from '../../../http/scope';
import { dueParts, none, num, scopeOrNull } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 妇女小额担保贷款 falling due within 30 days, or past due and not repaid (已放款 or 逾期 with a due
 * day up to today + 30), for whoever keeps the loan's unit's ledgers (ledger.write). Found through the
 * live loans' due-day index (migration 2026-12-08T1600).
 */
export const loansDue: TodoProvider = {
  kind: 'loans.due',
  label: '贷款到期',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const base = ctx.db
      .selectFrom('loans as l')
      .where('l.deleted_at', 'is', null)
      .where('l.due_on', '<=', soonLimit(today, loanSoonDays))
      .where('l.status', 'in', ['已放款', '逾期'])
      .where(orgInScope(scope, 'l.org_id'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('people as p', 'p.id', 'l.person_id')
      .innerJoin('org_units as o', 'o.id', 'l.org_id')
      .select(['l.id', 'l.principal_fen', 'l.bank', 'l.due_on', 'l.status', 'p.name', 'o.name as org_name'])
      .orderBy('l.due_on')
      .orderBy('l.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const { severity, note } = dueParts(r.due_on, today, loanSoonDays);
        const wan = fenToWan(num(r.principal_fen)).toLocaleString('zh-CN', { maximumFractionDigits: 4 });
        return {
          kind: 'loans.due', id: r.id, title: `${r.name} 贷款 ${wan} 万元${r.bank ? `（${r.bank}）` : ''}`, dueDate: r.due_on, severity,
          link: `/loans/${r.id}`, orgName: r.org_name, note: r.status === '逾期' ? `状态为逾期（${note}）` : severity === 'overdue' ? `${note}，尚未登记还清` : note,
        };
      }),
    };
  },
};
