import { soonLimit } from '../../../../domain/todo';
import { orgInScope } from '../../../http/scope';
import { clip, dueParts, none, num, scopeOrNull } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 微心愿: wishes submitted and waiting for review, and claims whose last day for delivery is within
 * 3 days (or already past: the claim lapses at the next read, wishes.rules.ts), for whoever keeps the
 * wish's unit's ledgers (ledger.write, as the wish flow requires).
 */
export const wishReviews: TodoProvider = {
  kind: 'wishes.review',
  label: '微心愿待审核',
  async collect(ctx, _today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const base = ctx.db.selectFrom('wishes as w').where('w.deleted_at', 'is', null).where('w.status', '=', 'submitted').where(orgInScope(scope, 'w.org_id'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'w.org_id')
      .select(['w.id', 'w.title', 'w.masked_name', 'w.created_at', 'o.name as org_name'])
      .orderBy('w.created_at')
      .orderBy('w.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => ({
        kind: 'wishes.review', id: r.id, title: `${r.masked_name}的心愿：${clip(r.title)}`, dueDate: null, severity: 'info' as const,
        link: `/wishes?open=${r.id}`, orgName: r.org_name, note: '已提交，待审核',
      })),
    };
  },
};

export const wishClaims: TodoProvider = {
  kind: 'wishes.claim',
  label: '微心愿认领即将失效',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const base = ctx.db
      .selectFrom('wishes as w')
      .innerJoin('wish_claims as wc', 'wc.id', 'w.claim_id')
      .where('w.deleted_at', 'is', null)
      .where('w.status', '=', 'claimed')
      .where('wc.due_on', '<=', soonLimit(today))
      .where(orgInScope(scope, 'w.org_id'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'w.org_id')
      .select(['w.id', 'w.title', 'w.masked_name', 'w.code', 'wc.due_on', 'o.name as org_name'])
      .orderBy('wc.due_on')
      .orderBy('w.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const { severity, note } = dueParts(r.due_on, today);
        return {
          kind: 'wishes.claim', id: r.id, title: `${r.code ?? ''} ${r.masked_name}的心愿：${clip(r.title)}`.trim(), dueDate: r.due_on, severity,
          link: `/wishes?open=${r.id}`, orgName: r.org_name, note: severity === 'overdue' ? '认领已过送达期限，将退回待认领' : `已认领，送达期限${note}`,
        };
      }),
    };
  },
};
