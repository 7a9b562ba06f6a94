import { type SqlBool, sql } from 'kysely';
import { type NoticeStatus, noticeStatusLabels, type RecipientMode, recipientModeLabels, receiptState, receiptStateLabels, remindIntervalMs } from '../../../domain/notices/notices';
import { richTextToPlain } from '../../../domain/notices/rich-text';
import { orgKindLabels, type OrgKind } from '../../../domain/org';
import type { Ctx } from '../../context';
import { resolveOrgInScope } from '../../http/scope';
import { like, likeContains } from '../catalogs/ledger-kit';
import { type NoticeRow, noticeVisible, openNotice, orgReadable, ownUnits, readScope, senderWritable, signingUnits } from './notices.access';
import type { ListNoticesQuery } from './notices.schemas';

const always = sql<SqlBool>`1 = 1`;

/** What a page shows of a notice: the detail (with the caller's own units' 签收 and the sender's table) and the two lists. */

async function displayNames(ctx: Ctx, ids: (string | null)[], by: 'id' | 'username'): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'username', 'display_name']).where(by, 'in', unique).execute();
  return new Map(rows.map((r) => [by === 'id' ? r.id : r.username, r.display_name]));
}

interface RecipientRow {
  org_id: string;
  org_name: string;
  org_kind: string;
  read_at: string | null;
  read_by: string | null;
  signed_at: string | null;
  signed_by: string | null;
  reminded_at: string | null;
  remind_count: number;
}

const recipientQuery = (ctx: Ctx, noticeId: string) =>
  ctx.db
    .selectFrom('notice_recipients as r')
    .innerJoin('org_units as u', 'u.id', 'r.org_id')
    .select(['r.org_id', 'u.name as org_name', 'u.kind as org_kind', 'r.read_at', 'r.read_by', 'r.signed_at', 'r.signed_by', 'r.reminded_at', 'r.remind_count'])
    .where('r.notice_id', '=', noticeId);

function toReceipt(r: RecipientRow, names: Map<string, string>, deadline: string | null) {
  const state = receiptState({ readAt: r.read_at, signedAt: r.signed_at });
  return {
    orgId: r.org_id, orgName: r.org_name, orgKindLabel: orgKindLabels[r.org_kind as OrgKind] ?? r.org_kind, state, stateLabel: receiptStateLabels[state],
    readAt: r.read_at, readByName: r.read_by ? (names.get(r.read_by) ?? null) : null, signedAt: r.signed_at, signedByName: r.signed_by ? (names.get(r.signed_by) ?? null) : null,
    // 逾期签收: signed after the deadline's day ended (Asia/Shanghai), or not signed by then
    remindedAt: r.reminded_at, remindCount: Number(r.remind_count), deadline,
  };
}

export async function getNotice(ctx: Ctx, id: string) {
  const row = await openNotice(ctx, id);
  return describeNotice(ctx, row);
}

export async function describeNotice(ctx: Ctx, row: NoticeRow) {
  const sender = await ctx.db.selectFrom('org_units').select(['name']).where('id', '=', row.org_id).executeTakeFirstOrThrow();
  const senderSide = !!(await ctx.db.selectFrom('notices as n').select('n.id').where('n.id', '=', row.id).where(orgReadable(ctx, 'n.org_id')).executeTakeFirst());
  const canManage = !!(await ctx.db.selectFrom('notices as n').select('n.id').where('n.id', '=', row.id).where(senderWritable(ctx)).executeTakeFirst());
  const mine = ownUnits(ctx);
  const signers = new Set(signingUnits(ctx));
  const own = mine.length ? await recipientQuery(ctx, row.id).where('r.org_id', 'in', mine).orderBy('u.code').execute() : [];
  // the table: every recipient for the sending side; below the caller's own units for a unit in between
  const trackingRows = senderSide
    ? await recipientQuery(ctx, row.id).orderBy('u.sort_order').orderBy('u.code').execute()
    : await recipientQuery(ctx, row.id).where(orgReadable(ctx, 'r.org_id')).where((eb) => (mine.length ? eb('r.org_id', 'not in', mine) : always)).orderBy('u.sort_order').orderBy('u.code').execute();
  const userNames = await displayNames(ctx, [...own, ...trackingRows].flatMap((r) => [r.read_by, r.signed_by]), 'id');
  const actorNames = await displayNames(ctx, [row.published_by, row.withdrawn_by, row.created_by], 'username');
  const status = row.status as NoticeStatus;
  // a withdrawn notice's text stays with the sending side; recipients see only that it was withdrawn
  const hidden = status === 'withdrawn' && !senderSide;
  const tracking = senderSide || trackingRows.length ? trackingRows.map((r) => toReceipt(r, userNames, row.deadline)) : null;
  const counts = tracking ? { total: tracking.length, unread: tracking.filter((t) => t.state === 'unread').length, read: tracking.filter((t) => t.state === 'read').length, signed: tracking.filter((t) => t.state === 'signed').length } : null;
  const nextRemindAt = row.last_reminded_at ? new Date(new Date(row.last_reminded_at).getTime() + remindIntervalMs).toISOString() : null;
  const waiting = tracking ? tracking.filter((t) => (row.need_sign ? t.state !== 'signed' : t.state === 'unread')).length : 0;
  return {
    id: row.id, orgId: row.org_id, orgName: sender.name, title: row.title, bodyHtml: hidden ? '' : row.body_html,
    status, statusLabel: noticeStatusLabels[status], needSign: row.need_sign === 1, deadline: row.deadline,
    recipientMode: row.recipient_mode as RecipientMode, recipientModeLabel: recipientModeLabels[row.recipient_mode as RecipientMode],
    recipientKinds: canManage && row.recipient_kinds ? (JSON.parse(row.recipient_kinds) as string[]) : null,
    recipientOrgIds: canManage && row.recipient_org_ids ? (JSON.parse(row.recipient_org_ids) as string[]) : null,
    publishedAt: row.published_at, publishedByName: row.published_by ? (actorNames.get(row.published_by) ?? row.published_by) : null,
    withdrawnAt: row.withdrawn_at, withdrawnByName: row.withdrawn_by ? (actorNames.get(row.withdrawn_by) ?? row.withdrawn_by) : null, withdrawReason: row.withdraw_reason,
    createdAt: row.created_at, createdByName: row.created_by ? (actorNames.get(row.created_by) ?? row.created_by) : null,
    lastRemindedAt: row.last_reminded_at, nextRemindAt,
    canManage, canEdit: canManage && status === 'draft', canWithdraw: canManage && status === 'published',
    canRemind: canManage && status === 'published' && waiting > 0 && (!nextRemindAt || nextRemindAt <= ctx.now().toISOString()), waiting,
    mine: own.map((r) => ({ ...toReceipt(r, userNames, row.deadline), canSign: status === 'published' && row.need_sign === 1 && !r.signed_at && signers.has(r.org_id) })),
    tracking, counts,
  };
}
export type NoticeView = Awaited<ReturnType<typeof describeNotice>>;

const excerpt = (html: string) => {
  const text = richTextToPlain(html).replace(/\n/g, ' ');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/** 收到的: notices to the units the caller works at (one line per unit); 发出的: notices of units in the caller's scope. */
export async function listNotices(ctx: Ctx, q: ListNoticesQuery) {
  readScope(ctx);
  const offset = (q.page - 1) * q.pageSize;
  if (q.box === 'received') {
    const units = ownUnits(ctx);
    if (!units.length) return { items: [], total: 0, waiting: 0, page: q.page, pageSize: q.pageSize };
    const base = ctx.db
      .selectFrom('notice_recipients as r')
      .innerJoin('notices as n', 'n.id', 'r.notice_id')
      .where('r.org_id', 'in', units)
      .where('n.status', '<>', 'draft')
      .where((eb) => (q.status ? eb('n.status', '=', q.status) : always))
      .where(q.q ? like('n.title', likeContains(q.q)) : always);
    const pendingCond = sql<boolean>`(n.status = 'published' and ((n.need_sign = 1 and r.signed_at is null) or (n.need_sign = 0 and r.read_at is null)))`;
    const filtered = q.pending === 'true' ? base.where(pendingCond) : base;
    const rows = await filtered
      .innerJoin('org_units as s', 's.id', 'n.org_id')
      .innerJoin('org_units as u', 'u.id', 'r.org_id')
      .select(['n.id', 'n.title', 'n.body_html', 'n.status', 'n.need_sign', 'n.deadline', 'n.published_at', 's.name as sender_name', 'r.org_id', 'u.name as unit_name', 'r.read_at', 'r.signed_at', 'r.reminded_at', 'r.remind_count'])
      .orderBy('n.published_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(q.pageSize)
      .offset(offset)
      .execute();
    const total = Number((await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const waiting = Number((await base.where(pendingCond).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    return {
      items: rows.map((r) => {
        const status = r.status as NoticeStatus;
        const state = receiptState({ readAt: r.read_at, signedAt: r.signed_at });
        return {
          id: r.id, title: r.title, excerpt: status === 'withdrawn' ? '' : excerpt(r.body_html), status, statusLabel: noticeStatusLabels[status], needSign: r.need_sign === 1, deadline: r.deadline,
          publishedAt: r.published_at, orgName: r.sender_name, unitId: r.org_id, unitName: r.unit_name, state, stateLabel: receiptStateLabels[state],
          readAt: r.read_at, signedAt: r.signed_at, remindedAt: r.reminded_at, remindCount: Number(r.remind_count),
        };
      }),
      total, waiting, page: q.page, pageSize: q.pageSize,
    };
  }
  if (q.orgId) await resolveOrgInScope(ctx, 'org.read', q.orgId, 'orgId');
  let base = ctx.db.selectFrom('notices as n').where(noticeVisible(ctx)).where(orgReadable(ctx, 'n.org_id'));
  if (q.orgId) base = base.where('n.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', q.orgId as string));
  if (q.status) base = base.where('n.status', '=', q.status);
  if (q.q) base = base.where(like('n.title', likeContains(q.q)));
  const rows = await base
    .innerJoin('org_units as s', 's.id', 'n.org_id')
    .select(['n.id', 'n.title', 'n.body_html', 'n.status', 'n.need_sign', 'n.deadline', 'n.published_at', 'n.created_at', 'n.org_id', 's.name as sender_name'])
    .select((eb) => [
      eb.selectFrom('notice_recipients as r').select(sql<number>`count(*)`.as('c')).whereRef('r.notice_id', '=', 'n.id').as('recipients'),
      eb.selectFrom('notice_recipients as r').select(sql<number>`count(*)`.as('c')).whereRef('r.notice_id', '=', 'n.id').where('r.read_at', 'is not', null).as('read'),
      eb.selectFrom('notice_recipients as r').select(sql<number>`count(*)`.as('c')).whereRef('r.notice_id', '=', 'n.id').where('r.signed_at', 'is not', null).as('signed'),
    ])
    .orderBy(sql`coalesce(n.published_at, n.created_at)`, 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.pageSize)
    .offset(offset)
    .execute();
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return {
    items: rows.map((r) => {
      const status = r.status as NoticeStatus;
      return {
        id: r.id, title: r.title, excerpt: excerpt(r.body_html), status, statusLabel: noticeStatusLabels[status], needSign: r.need_sign === 1, deadline: r.deadline,
        publishedAt: r.published_at, createdAt: r.created_at, orgId: r.org_id, orgName: r.sender_name,
        recipients: Number(r.recipients), read: Number(r.read), signed: Number(r.signed),
      };
    }),
    total, waiting: 0, page: q.page, pageSize: q.pageSize,
  };
}
