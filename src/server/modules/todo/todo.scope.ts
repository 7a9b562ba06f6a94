import { dueText, type Severity, severityOf } from '../../../domain/todo';
import { roleHas, type Permission } from '../../../domain/roles';
import type { Ctx } from '../../context';
import { type OrgScope, rolesScope } from '../../http/scope';
import type { TodoCollected } from './todo.types';

/** What every provider shares: the caller's scope without throwing, an empty answer, due-day wording. */
export const none: TodoCollected = { total: 0, items: [] };

/** The caller's scope for `permission`, or null when no grant carries it (the provider then has nothing to say). */
export function scopeOrNull(ctx: Ctx, permission: Permission): OrgScope | null {
  if (ctx.actor.kind === 'public') return null;
  const scope = rolesScope(ctx, (r) => roleHas(r, permission));
  return scope.all || scope.roots.length ? scope : null;
}

/** severity and the 已超期/还有 N 天 line of a day */
export function dueParts(dueOn: string | null, today: string, soonDays?: number): { severity: Severity; note: string } {
  return { severity: severityOf(dueOn, today, soonDays), note: dueText(dueOn, today) };
}

/** counts come back as numbers or numeric text depending on the driver */
export const num = (v: unknown): number => Number(v ?? 0);

/** a long text cut for a one-line title */
export function clip(text: string, max = 24): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
