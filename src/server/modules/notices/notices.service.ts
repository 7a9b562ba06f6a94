import { shanghaiDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { noticeBodyMax, type RecipientMode } from '../../../domain/notices/notices';
import { richTextToPlain, sanitizeRichText } from '../../../domain/notices/rich-text';
import { actorName, type Ctx, inTransaction, nowIso } from '../../context';
import { AppError, validation } from '../../http/errors';
import { defaultOrgId, orgScope, resolveOrgInScope } from '../../http/scope';
import { appendAudit } from '../audit/audit.service';
import { type NoticeRow, openNoticeForWrite } from './notices.access';
import { checkRecipientSpec, resolveRecipients } from './notices.recipients';
import type { CreateNoticeBody, UpdateNoticeBody, WithdrawNoticeBody } from './notices.schemas';
import { getNotice } from './notices.view';

/**
 * 通知公告: a unit writes a notice (a draft), adds its attachments, and publishes it to units below
 * it; the recipients are fixed then, one row per unit (notices.recipients.ts). A published notice can
 * be withdrawn (recipients then see 已撤回 and sign no more). Reading, 签收 and 催办 are in
 * notices.receipts.ts; who sees what in notices.access.ts. Every write is audited in its transaction.
 */

/** The stored body: sanitized HTML (allow-list, domain/notices/rich-text.ts) that holds some text. */
function cleanBody(html: string): string {
  const safe = sanitizeRichText(html);
  const text = richTextToPlain(safe);
  if (!text) throw validation('bodyHtml', '请填写正文');
  if (text.length > noticeBodyMax) throw validation('bodyHtml', `正文不能超过 ${noticeBodyMax} 个字`);
  return safe;
}

function checkDeadline(ctx: Ctx, deadline: string | null | undefined): void {
  if (deadline && deadline < shanghaiDate(ctx.now())) throw validation('deadline', '签收截止日期不能早于今天');
}

const specOf = (row: Pick<NoticeRow, 'recipient_mode' | 'recipient_kinds' | 'recipient_org_ids'>) => ({
  recipientMode: row.recipient_mode as RecipientMode,
  recipientKinds: row.recipient_kinds ? (JSON.parse(row.recipient_kinds) as string[]) : null,
  recipientOrgIds: row.recipient_org_ids ? (JSON.parse(row.recipient_org_ids) as string[]) : null,
});

const storedSpec = (mode: RecipientMode, kinds: readonly string[] | null | undefined, orgIds: readonly string[] | null | undefined) => ({
  recipient_mode: mode,
  recipient_kinds: mode === 'kinds' ? JSON.stringify([...new Set(kinds ?? [])]) : null,
  recipient_org_ids: mode === 'units' ? JSON.stringify([...new Set(orgIds ?? [])]) : null,
});

export async function createNotice(ctx: Ctx, input: CreateNoticeBody) {
  orgScope(ctx, 'ledger.write');
  const orgId = input.orgId ? await resolveOrgInScope(ctx, 'ledger.write', input.orgId, 'orgId') : defaultOrgId(ctx, 'ledger.write');
  const body = cleanBody(input.bodyHtml);
  checkDeadline(ctx, input.deadline);
  await checkRecipientSpec(ctx, orgId, input);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = nowIso(tx);
    await tx.db
      .insertInto('notices')
      .values({
        id, org_id: orgId, title: input.title, body_html: body, need_sign: input.needSign ? 1 : 0, deadline: input.deadline ?? null,
        ...storedSpec(input.recipientMode, input.recipientKinds, input.recipientOrgIds), status: 'draft',
        published_at: null, published_by: null, withdrawn_at: null, withdrawn_by: null, withdraw_reason: null, last_reminded_at: null,
        created_by: actorName(tx.actor), created_at: now, updated_at: now,
      })
      .execute();
    await appendAudit(tx, { action: 'create', entity: 'notice', entityId: id, orgId, detail: { title: input.title, needSign: input.needSign, deadline: input.deadline ?? null, recipientMode: input.recipientMode } });
    return getNotice(tx, id);
  });
}

function assertDraft(row: NoticeRow): void {
  if (row.status !== 'draft') throw new AppError('RULE_VIOLATED', row.status === 'withdrawn' ? '通知已撤回，不能再修改' : '通知已发布，不能再修改（可撤回后重新起草）');
}

export async function updateNotice(ctx: Ctx, id: string, input: UpdateNoticeBody) {
  await openNoticeForWrite(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const row = await openNoticeForWrite(tx, id);
    assertDraft(row);
    const current = specOf(row);
    const mode = input.recipientMode ?? current.recipientMode;
    const spec = { recipientMode: mode, recipientKinds: input.recipientKinds ?? current.recipientKinds, recipientOrgIds: input.recipientOrgIds ?? current.recipientOrgIds };
    await checkRecipientSpec(tx, row.org_id, spec);
    if (input.deadline !== undefined) checkDeadline(tx, input.deadline);
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.bodyHtml !== undefined ? { body_html: cleanBody(input.bodyHtml) } : {}),
      ...(input.needSign !== undefined ? { need_sign: input.needSign ? 1 : 0 } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
      ...storedSpec(mode, spec.recipientKinds, spec.recipientOrgIds),
    };
    await tx.db.updateTable('notices').set({ ...changes, updated_at: nowIso(tx) }).where('id', '=', id).where('status', '=', 'draft').execute();
    await appendAudit(tx, { action: 'update', entity: 'notice', entityId: id, orgId: row.org_id, detail: { fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) } });
    return getNotice(tx, id);
  });
}

/** A draft can be deleted with its attachments; a published notice is withdrawn instead. */
export async function deleteNotice(ctx: Ctx, id: string): Promise<void> {
  await openNoticeForWrite(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const row = await openNoticeForWrite(tx, id);
    if (row.status !== 'draft') throw new AppError('RULE_VIOLATED', '已发布的通知不能删除，可以撤回');
    const files = await tx.db.deleteFrom('attachments').where('entity', '=', 'notices').where('entity_id', '=', id).returning(['id']).execute();
    await tx.db.deleteFrom('notices').where('id', '=', id).where('status', '=', 'draft').execute();
    await appendAudit(tx, { action: 'delete', entity: 'notice', entityId: id, orgId: row.org_id, detail: { title: row.title, attachments: files.length } });
  });
}

/** Publishing fixes the recipient units (one row each) and makes the notice visible to them. */
export async function publishNotice(ctx: Ctx, id: string) {
  await openNoticeForWrite(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const row = await openNoticeForWrite(tx, id);
    assertDraft(row);
    checkDeadline(tx, row.deadline);
    const units = await resolveRecipients(tx, row.org_id, specOf(row));
    const now = nowIso(tx);
    const done = await tx.db.updateTable('notices').set({ status: 'published', published_at: now, published_by: actorName(tx.actor), updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '通知已发布');
    for (let i = 0; i < units.length; i += 500) {
      await tx.db.insertInto('notice_recipients').values(units.slice(i, i + 500).map((orgId) => ({ notice_id: id, org_id: orgId, read_at: null, read_by: null, signed_at: null, signed_by: null, reminded_at: null }))).execute();
    }
    await appendAudit(tx, { action: 'publish', entity: 'notice', entityId: id, orgId: row.org_id, detail: { title: row.title, recipients: units.length, needSign: row.need_sign === 1, deadline: row.deadline } });
    return getNotice(tx, id);
  });
}

export async function withdrawNotice(ctx: Ctx, id: string, input: WithdrawNoticeBody) {
  await openNoticeForWrite(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const row = await openNoticeForWrite(tx, id);
    if (row.status !== 'published') throw new AppError('RULE_VIOLATED', row.status === 'draft' ? '草稿尚未发布，可直接删除' : '通知已撤回');
    const now = nowIso(tx);
    const done = await tx.db
      .updateTable('notices')
      .set({ status: 'withdrawn', withdrawn_at: now, withdrawn_by: actorName(tx.actor), withdraw_reason: input.reason, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '通知已撤回');
    await appendAudit(tx, { action: 'withdraw', entity: 'notice', entityId: id, orgId: row.org_id, detail: { title: row.title, reason: input.reason } });
    return getNotice(tx, id);
  });
}
