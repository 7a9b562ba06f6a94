import { orgInScope } from '../../../http/scope';
import { dueParts, none, num, scopeOrNull } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 评选表彰, for the organizer (ledger.write over the campaign's unit, as reviewing and answering
 * require): nominations not yet reviewed while the campaign still takes reviews (提名, 审核), and
 * 公示 objections not yet answered during the publicity. One item per campaign, with the number.
 */
export const nominationReviews: TodoProvider = {
  kind: 'selections.review',
  label: '评选提名待审核',
  async collect(ctx, _today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const base = ctx.db
      .selectFrom('campaigns as k')
      .innerJoin('campaign_nominations as n', 'n.campaign_id', 'k.id')
      .where('k.stage', 'in', ['nomination', 'review'])
      .where('n.status', '=', 'nominated')
      .where(orgInScope(scope, 'k.org_id'));
    const total = num((await base.select((eb) => eb.fn.count('k.id').distinct().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'k.org_id')
      .select(['k.id', 'k.name', 'k.stage', 'o.name as org_name', (eb) => eb.fn.countAll().as('pending')])
      .groupBy(['k.id', 'k.name', 'k.stage', 'o.name'])
      .orderBy('k.stage', 'desc')
      .orderBy('k.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => ({
        kind: 'selections.review', id: r.id, title: `${r.name}：${num(r.pending)} 项提名待审核`, dueDate: null,
        // in 审核 the review is what holds the campaign up; in 提名 more may still come in
        severity: r.stage === 'review' ? ('due' as const) : ('info' as const),
        link: `/campaigns/${r.id}`, orgName: r.org_name, note: r.stage === 'review' ? '评选处于审核阶段' : '评选处于提名阶段',
      })),
    };
  },
};

export const objectionAnswers: TodoProvider = {
  kind: 'selections.objection',
  label: '公示异议待答复',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    const scope = scopeOrNull(ctx, 'ledger.write');
    if (!scope) return none;
    const base = ctx.db
      .selectFrom('campaigns as k')
      .innerJoin('campaign_objections as x', 'x.campaign_id', 'k.id')
      .where('k.stage', '=', 'publicity')
      .where('x.answer', 'is', null)
      .where(orgInScope(scope, 'k.org_id'));
    const total = num((await base.select((eb) => eb.fn.count('k.id').distinct().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'k.org_id')
      .select(['k.id', 'k.name', 'k.publicity_to', 'o.name as org_name', (eb) => eb.fn.countAll().as('open')])
      .groupBy(['k.id', 'k.name', 'k.publicity_to', 'o.name'])
      .orderBy('k.publicity_to')
      .orderBy('k.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const { severity, note } = dueParts(r.publicity_to, today);
        return {
          kind: 'selections.objection', id: r.id, title: `${r.name}：${num(r.open)} 条异议待答复`, dueDate: r.publicity_to, severity: severity === 'info' ? ('due' as const) : severity,
          link: `/campaigns/${r.id}`, orgName: r.org_name, note: note ? `公示期${note.replace('到期', '结束')}` : '公示期内',
        };
      }),
    };
  },
};
