import { sql, type SqlBool } from 'kysely';
import { maskName } from '../../../../domain/mask';
import { childVisible } from '../../screenings/screenings.access';
import { dueParts, none, num } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 摸底排查: a high-risk child whose intervention or pairing is due within 3 days or overdue and not
 * recorded, for the case workers who may record it (case_worker on the township or above, as the
 * child's record requires: screenings.access.ts). The child's name is masked, as in lists.
 */
export const screeningFollowups: TodoProvider = {
  kind: 'screenings.followup',
  label: '排查儿童待干预或结对',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    if (ctx.actor.kind !== 'user') return none;
    // a high-risk child's steps have short deadlines (7 and 30 days): each pending one is listed from the day it is set
    const pending = sql<SqlBool>`((sc.intervened_on is null and sc.due_intervene_on is not null) or (sc.paired_on is null and sc.due_pair_on is not null))`;
    const base = ctx.db.selectFrom('screening_children as sc').where(pending).where(childVisible(ctx, 'write', 'sc.org_id'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    // the nearer of the two pending steps
    const dueOn = sql<string>`case when sc.intervened_on is null and (sc.paired_on is not null or sc.due_pair_on is null or sc.due_intervene_on <= sc.due_pair_on) then sc.due_intervene_on else sc.due_pair_on end`;
    const rows = await base
      .innerJoin('people as p', 'p.id', 'sc.person_id')
      .innerJoin('org_units as o', 'o.id', 'sc.org_id')
      .innerJoin('screenings as s', 's.id', 'sc.screening_id')
      .select(['sc.id', 'sc.screening_id', 'sc.org_id', 'sc.intervened_on', 'sc.paired_on', 'sc.due_intervene_on', 'sc.due_pair_on', 'p.name', 'o.name as org_name', 's.title as screening_name', dueOn.as('due_on')])
      .orderBy(dueOn)
      .orderBy('sc.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const steps = [!r.intervened_on && r.due_intervene_on ? '干预' : null, !r.paired_on && r.due_pair_on ? '结对' : null].filter(Boolean).join('、');
        const { severity, note } = dueParts(r.due_on, today);
        return {
          kind: 'screenings.followup', id: r.id, title: `高风险儿童 ${maskName(r.name)}：待${steps}`, dueDate: r.due_on, severity,
          link: `/screenings/${r.screening_id}/townships/${r.org_id}`, orgName: r.org_name, note: `${r.screening_name}${note ? `，${note}` : ''}`,
        };
      }),
    };
  },
};
