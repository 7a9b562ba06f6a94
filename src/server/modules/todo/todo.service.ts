import { shanghaiDate } from '../../../domain/dates';
import { digestText } from '../../../domain/todo';
import type { Ctx } from '../../context';
import { AppError } from '../../http/errors';
import { todoProviders } from './registry';
import type { TodoItem } from './todo.types';

/**
 * 待办: every provider asked for the caller's items on the server's business date. Nothing is stored:
 * the answer is the records' state now, so a case that moves on leaves the list at once.
 */
export interface TodoGroup {
  kind: string;
  label: string;
  total: number;
  items: TodoItem[];
}

function requireUser(ctx: Ctx): Extract<Ctx['actor'], { kind: 'user' }> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.actor;
}

export const todoToday = (ctx: Pick<Ctx, 'now'>): string => shanghaiDate(ctx.now());

/** Each provider's total and (limit > 0) its most urgent items; groups without items are left out. */
export async function collectTodo(ctx: Ctx, limit: number): Promise<{ today: string; total: number; groups: TodoGroup[] }> {
  const today = todoToday(ctx);
  const answers = await Promise.all(todoProviders.map(async (p) => ({ p, r: await p.collect(ctx, today, limit) })));
  const groups = answers.filter(({ r }) => r.total > 0).map(({ p, r }) => ({ kind: p.kind, label: p.label, total: r.total, items: r.items }));
  return { today, total: groups.reduce((n, g) => n + g.total, 0), groups };
}

/** GET /api/v1/todo: the grouped list for 首页, with the day's digest as it reads (and whether it went out). */
export async function listTodo(ctx: Ctx, q: { limit: number }) {
  const actor = requireUser(ctx);
  const r = await collectTodo(ctx, q.limit);
  const sent = await ctx.db.selectFrom('digest_deliveries').select(['at', 'channel', 'text']).where('user_id', '=', actor.id).where('day', '=', r.today).executeTakeFirst();
  return {
    ...r,
    digest: {
      text: r.total ? digestText(actor.displayName, r.groups) : null,
      sentAt: sent && sent.channel !== 'failed' ? sent.at : null,
      channel: sent ? (sent.channel as 'sms' | 'log' | 'failed') : null,
    },
  };
}

/** GET /api/v1/todo/count: the bell's number, from the providers' counts only. */
export async function countTodo(ctx: Ctx) {
  requireUser(ctx);
  const r = await collectTodo(ctx, 0);
  return { today: r.today, total: r.total };
}
