import { sql, type SqlBool } from 'kysely';
import { addDays } from '../../../../domain/cases/deadlines';
import { awaitingAcceptance, awaitingHandling } from '../../../../domain/cases/flow';
import { caseFollowupDays, caseFollowupNoticeDays, soonLimit } from '../../../../domain/todo';
import type { Ctx } from '../../../context';
import { visibleCondition } from '../../cases/cases.access';
import { clip, dueParts, none, num } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * Cases (个案): the handler and the supervisors who may act on a case (case.write over its unit,
 * confidential cases only for case workers: cases.access.ts) see its deadline when it is past or
 * within 3 days; a 转办 waits for the unit it is addressed to; a closed case waits for its 回访.
 */
function canAct(ctx: Ctx): boolean {
  return ctx.actor.kind === 'user';
}

/** a confidential case's summary is sealed (encrypted): the list names its kind only */
const caseTitle = (r: { kind: string; summary: string; confidential: number }) => (Number(r.confidential) ? `${r.kind}（保密个案）` : `${r.kind}：${clip(r.summary)}`);

/** the pending step's due day: 受理 for 登记, 办结 for the handling statuses */
const pendingDue = sql<string>`case when c.status in (${sql.join(awaitingAcceptance)}) then c.due_accept_on else c.due_handle_on end`;

export const caseDeadlines: TodoProvider = {
  kind: 'cases.deadline',
  label: '个案办理期限',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    if (!canAct(ctx)) return none;
    const last = soonLimit(today);
    const due = sql<SqlBool>`((c.status in (${sql.join(awaitingAcceptance)}) and c.due_accept_on <= ${last})
      or (c.status in (${sql.join(awaitingHandling)}) and c.due_handle_on <= ${last}))`;
    const base = ctx.db.selectFrom('cases as c').where('c.deleted_at', 'is', null).where(due).where(visibleCondition(ctx, 'write'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.kind', 'c.summary', 'c.confidential', 'c.status', 'o.name as org_name', pendingDue.as('due_on')])
      .orderBy(pendingDue)
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const step = (awaitingAcceptance as readonly string[]).includes(r.status) ? '受理' : '办结';
        const { severity, note } = dueParts(r.due_on, today);
        return { kind: 'cases.deadline', id: r.id, title: caseTitle(r), dueDate: r.due_on, severity, link: `/cases/${r.id}`, orgName: r.org_name, note: `${step}期限${note}` };
      }),
    };
  },
};

export const caseTransfers: TodoProvider = {
  kind: 'cases.transfer',
  label: '转办待接收',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    if (!canAct(ctx)) return none;
    // only whoever may decide the 转办: case.write over the unit it is addressed to (cases.access.ts mayDecideTransfer)
    const base = ctx.db.selectFrom('cases as c').where('c.deleted_at', 'is', null).where('c.status', '=', '转办中').where('c.pending_to_org', 'is not', null).where(visibleCondition(ctx, 'write', ['c.pending_to_org'], false));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.kind', 'c.summary', 'c.confidential', 'c.due_handle_on', 'o.name as org_name'])
      .orderBy('c.due_handle_on')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const { severity, note } = dueParts(r.due_handle_on, today);
        return { kind: 'cases.transfer', id: r.id, title: caseTitle(r), dueDate: r.due_handle_on, severity: severity === 'info' ? 'due' : severity, link: `/cases/${r.id}`, orgName: r.org_name, note: `${r.org_name} 转来，待接收或退回${note ? `；办结期限${note}` : ''}` };
      }),
    };
  },
};

export const caseFollowups: TodoProvider = {
  kind: 'cases.followup',
  label: '个案待回访',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    if (!canAct(ctx)) return none;
    // a case closed (办结) and not yet visited again; due 30 days after closing, listed from 7 days before
    const closedBy = addDays(today, caseFollowupNoticeDays - caseFollowupDays);
    const base = ctx.db.selectFrom('cases as c').where('c.deleted_at', 'is', null).where('c.status', '=', '办结').where('c.closed_on', '<=', closedBy).where(visibleCondition(ctx, 'write'));
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (!limit || !total) return { total, items: [] };
    const rows = await base
      .innerJoin('org_units as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.kind', 'c.summary', 'c.confidential', 'c.closed_on', 'o.name as org_name'])
      .orderBy('c.closed_on')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return {
      total,
      items: rows.map((r) => {
        const dueOn = r.closed_on ? addDays(r.closed_on, caseFollowupDays) : null;
        const { severity, note } = dueParts(dueOn, today);
        return { kind: 'cases.followup', id: r.id, title: caseTitle(r), dueDate: dueOn, severity, link: `/cases/${r.id}`, orgName: r.org_name, note: `已办结，应于办结后 ${caseFollowupDays} 天内回访${note ? `（${note}）` : ''}` };
      }),
    };
  },
};
