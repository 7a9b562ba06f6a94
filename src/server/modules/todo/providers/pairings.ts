import { sql, type SqlBool } from 'kysely';
import { pairingDueSoonDays } from '../../../../domain/pairings/lapse';
import { soonLimit } from '../../../../domain/todo';
import { orgInScope } from '../../../http/scope';
import { toPairingItems } from '../../pairings/pairings.view';
import { dueParts, none, num, scopeOrNull } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 结对帮扶: an active pairing whose next contact is due within 7 days or has lapsed (失联), for whoever
 * keeps the unit's ledgers (ledger.write over the pairing's unit). Names as in the pairing list
 * (a helped child's name masked).
 */
export const pairingVisits: TodoProvider = {
  kind: 'pairings.visit',
  label: '结对帮扶联系到期',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const active = sql<SqlBool>`(p.ended_on is null or p.ended_on > ${today})`;
    const base = ctx.db
      .selectFrom('pairings as p')
      .where('p.deleted_at', 'is', null)
      .where(active)
      .where('p.next_due_on', '<=', soonLimit(today, pairingDueSoonDays))
      .where(orgInScope(scope, 'p.org_id'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base.selectAll('p').orderBy('p.next_due_on').orderBy('p.id').limit(limit).execute();
    const items = await toPairingItems(ctx, rows);
    return {
      total,
      items: items.map((p) => {
        const { severity, note } = dueParts(p.nextDueOn, today, pairingDueSoonDays);
        return {
          kind: 'pairings.visit', id: p.id, title: `${p.helperName || p.helperRole} 结对 ${p.helpedName || p.helpedRole}（${p.commitmentLabel}）`, dueDate: p.nextDueOn,
          severity, link: `/pairings?open=${p.id}`, orgName: p.orgName, note: severity === 'overdue' ? `已失联：${note}` : `下次联系${note}`,
        };
      }),
    };
  },
};
