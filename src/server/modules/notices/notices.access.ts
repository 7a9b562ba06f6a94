import type { Selectable } from 'kysely';
import type { NoticeTable } from '../../db/notice-types';
import { type Expression, type SqlBool, sql } from 'kysely';
import { roleHas } from '../../../domain/roles';
import type { Ctx } from '../../context';
import { AppError, notFound } from '../../http/errors';
import { type OrgScope, orgInScope, orgScope, rolesScope } from '../../http/scope';

/**
 * Who sees a notice (scope rules of 通知公告, all built on http/scope.ts):
 * - a published or withdrawn notice: callers whose 查看 scope (org.read) holds the sending unit, or
 *   one of its recipient units (a township sees the county's notice to it, and to its villages);
 * - a draft: callers who may write for the sending unit (ledger.write);
 * - received (收到的), read receipts and 签收: the units the caller holds a grant on themselves — a
 *   county clerk does not read or sign for a township; 签收 needs a role other than 查看者.
 * A notice outside all of these is 404.
 */
const none = sql<SqlBool>`1 = 0`;
const inScope = (scope: OrgScope, column: string): Expression<SqlBool> => (scope.all || scope.roots.length ? orgInScope(scope, column) : none);

export const readScope = (ctx: Ctx): OrgScope => orgScope(ctx, 'org.read');
export const writeScope = (ctx: Ctx): OrgScope => rolesScope(ctx, (r) => roleHas(r, 'ledger.write'));

/** The notice row `n` is visible to the caller. */
export function noticeVisible(ctx: Ctx): Expression<SqlBool> {
  const read = readScope(ctx);
  const write = writeScope(ctx);
  const recipientInScope = read.all
    ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`exists (select 1 from notice_recipients vr where vr.notice_id = n.id and ${inScope(read, 'vr.org_id')})`;
  return sql<SqlBool>`((n.status <> 'draft' and (${inScope(read, 'n.org_id')} or ${recipientInScope})) or (n.status = 'draft' and ${inScope(write, 'n.org_id')}))`;
}

/** The sending unit of the row `n` is one the caller may write for (edit, publish, withdraw, 催办). */
export const senderWritable = (ctx: Ctx): Expression<SqlBool> => inScope(writeScope(ctx), 'n.org_id');
export const orgReadable = (ctx: Ctx, column: string): Expression<SqlBool> => inScope(readScope(ctx), column);

/** The units the caller works at (own grants, any role): their 收到的 notices. */
export function ownUnits(ctx: Ctx): string[] {
  if (ctx.actor.kind !== 'user') return [];
  return Array.from(new Set(ctx.actor.grants.map((g) => g.orgId).filter((o): o is string => o !== null)));
}

/** The units the caller may sign for: own grants with a role that writes (not 查看者). */
export function signingUnits(ctx: Ctx): string[] {
  if (ctx.actor.kind !== 'user') return [];
  return Array.from(new Set(ctx.actor.grants.filter((g) => g.role !== 'viewer').map((g) => g.orgId).filter((o): o is string => o !== null)));
}

/** A notices row as read (the table's own type, db/notice-types.ts). */
export type NoticeRow = Selectable<NoticeTable>;

/** The notice if the caller sees it, else 404. */
export async function openNotice(ctx: Ctx, id: string): Promise<NoticeRow> {
  const row = await ctx.db.selectFrom('notices as n').selectAll('n').where('n.id', '=', id).where(noticeVisible(ctx)).executeTakeFirst();
  if (!row) throw notFound('通知');
  return row;
}

/** The notice if the caller may manage it (its sending unit in the caller's write scope), else 404. */
export async function openNoticeForWrite(ctx: Ctx, id: string): Promise<NoticeRow> {
  const row = await openNotice(ctx, id);
  const writable = await ctx.db.selectFrom('notices as n').select('n.id').where('n.id', '=', id).where(senderWritable(ctx)).executeTakeFirst();
  if (!writable) throw new AppError('FORBIDDEN', '只有发文单位的工作人员可以修改、发布、撤回或催办此通知');
  return row;
}

/**
 * The owner of a notice's attachment (attachments module): reading needs the notice visible (a
 * withdrawn notice's files stay with the sending side); adding or removing one needs a draft of a
 * unit the caller writes for — what was published is not changed under the recipients.
 */
export async function noticeFileOwner(ctx: Ctx, id: string, mode: 'read' | 'write'): Promise<{ orgId: string }> {
  if (mode === 'read') {
    const row = await openNotice(ctx, id);
    if (row.status === 'withdrawn') {
      const sender = await ctx.db.selectFrom('notices as n').select('n.id').where('n.id', '=', id).where(orgReadable(ctx, 'n.org_id')).executeTakeFirst();
      if (!sender) throw notFound('通知');
    }
    return { orgId: row.org_id };
  }
  const row = await openNoticeForWrite(ctx, id);
  if (row.status !== 'draft') throw new AppError('RULE_VIOLATED', '通知已发布，附件不能再增删');
  return { orgId: row.org_id };
}
