import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../context';
import { ownUnits } from './notices.access';

/**
 * 待办 of 通知公告: published notices to the caller's own units that wait on them — not signed (a
 * notice with 签收), not read (one without). Overdue past its 签收截止日期, due within 3 days of it or
 * once the sender sent a 催办; the reminded and the oldest deadlines first.
 */
export interface PendingNotice {
  id: string;
  title: string;
  senderName: string;
  unitName: string;
  needSign: boolean;
  deadline: string | null;
  remindedAt: string | null;
  remindCount: number;
  severity: 'overdue' | 'due' | 'info';
}

const soonDays = 3;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function pendingNoticesFor(ctx: Ctx, today: string, limit: number): Promise<{ total: number; items: PendingNotice[] }> {
  const units = ownUnits(ctx);
  if (!units.length) return { total: 0, items: [] };
  const base = ctx.db
    .selectFrom('notice_recipients as r')
    .innerJoin('notices as n', 'n.id', 'r.notice_id')
    .where('r.org_id', 'in', units)
    .where('n.status', '=', 'published')
    .where(sql<SqlBool>`((n.need_sign = 1 and r.signed_at is null) or (n.need_sign = 0 and r.read_at is null))`);
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  if (!limit || !total) return { total, items: [] };
  const rows = await base
    .innerJoin('org_units as s', 's.id', 'n.org_id')
    .innerJoin('org_units as u', 'u.id', 'r.org_id')
    .select(['n.id', 'n.title', 'n.need_sign', 'n.deadline', 'n.published_at', 's.name as sender_name', 'u.name as unit_name', 'r.reminded_at', 'r.remind_count'])
    .orderBy(sql`case when r.reminded_at is null then 1 else 0 end`)
    .orderBy(sql`case when n.deadline is null then 1 else 0 end`)
    .orderBy('n.deadline')
    .orderBy('n.published_at', 'desc')
    .limit(limit)
    .execute();
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, title: r.title, senderName: r.sender_name, unitName: r.unit_name, needSign: r.need_sign === 1, deadline: r.deadline, remindedAt: r.reminded_at, remindCount: Number(r.remind_count),
      severity: r.deadline && r.deadline < today ? 'overdue' : (r.deadline && r.deadline <= plusDays(today, soonDays)) || r.reminded_at ? 'due' : 'info',
    })),
  };
}
