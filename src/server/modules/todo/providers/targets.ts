import { hasPermission } from '../../../http/scope';
import type { TargetItem } from '../../targets/targets.evaluate';
import { listTargets } from '../../targets/targets.service';
import { none, scopeOrNull } from '../todo.scope';
import type { TodoCollected, TodoProvider } from '../todo.types';

/**
 * 年度目标 behind 序时进度 (status 落后序时进度, domain/targets/progress.ts), this year, for whoever
 * keeps the target's unit's ledgers (ledger.write). Evaluated live by the targets service, so the
 * list says what the 目标 page says.
 */
function flatten(items: TargetItem[]): TargetItem[] {
  return items.flatMap((t) => [t, ...flatten(t.children)]);
}

const pct = (v: number | null) => (v === null ? '—' : `${Number(v.toFixed(1))}%`);

export const targetsBehind: TodoProvider = {
  kind: 'targets.behind',
  label: '目标落后序时进度',
  async collect(ctx, today, limit): Promise<TodoCollected> {
    if (!scopeOrNull(ctx, 'ledger.write') || !hasPermission(ctx, 'ledger.read')) return none;
    const year = Number(today.slice(0, 4));
    const list = await listTargets(ctx, { year });
    const behind = flatten(list.items).filter((t) => t.status === 'behind');
    return {
      total: behind.length,
      items: behind.slice(0, limit).map((t) => ({
        kind: 'targets.behind', id: t.id, title: `${t.orgName}：${t.title}`, dueDate: `${year}-12-31`, severity: 'due' as const,
        link: `/targets?year=${year}`, orgName: t.orgName, note: `完成 ${pct(t.progress)}，序时进度 ${pct(t.expectedProgress)}`,
      })),
    };
  },
};
