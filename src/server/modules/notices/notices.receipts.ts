import { sql } from 'kysely';
import { formatChineseDate } from '../../../domain/dates';
import { remindIntervalMs } from '../../../domain/notices/notices';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import type { SmsSender } from '../otp/sms';
import { openNotice, openNoticeForWrite, ownUnits, signingUnits } from './notices.access';
import type { SignNoticeBody } from './notices.schemas';
import { describeNotice, getNotice } from './notices.view';

/**
 * Receipts of a notice at each recipient unit: opening it marks it read (the first reader of the
 * unit, once), 签收 records who and when, 催办 reminds the units that have not signed — in the app
 * (their 待办 and 通知 list show 已催办) and by SMS to the phones their users gave for reminders.
 */

/** Opens a notice; for a published notice to one of the caller's own units, the first opening marks it read. */
export async function openAndRead(ctx: Ctx, id: string) {
  const row = await openNotice(ctx, id);
  const units = ownUnits(ctx);
  if (row.status !== 'published' || !units.length || ctx.actor.kind !== 'user') return describeNotice(ctx, row);
  const userId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const marked = await tx.db
      .updateTable('notice_recipients')
      .set({ read_at: now, read_by: userId })
      .where('notice_id', '=', id)
      .where('org_id', 'in', units)
      .where('read_at', 'is', null)
      .returning(['org_id'])
      .execute();
    for (const m of marked) await appendAudit(tx, { action: 'read', entity: 'notice', entityId: id, orgId: m.org_id, detail: { title: row.title } });
    return getNotice(tx, id);
  });
}

/** 签收 for one of the caller's units (named when the caller works at several recipients). */
export async function signNotice(ctx: Ctx, id: string, input: SignNoticeBody) {
  const row = await openNotice(ctx, id);
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN', '签收须由接收单位的工作人员登录办理');
  const userId = ctx.actor.id;
  const mine = await ctx.db.selectFrom('notice_recipients').select(['org_id', 'signed_at']).where('notice_id', '=', id).where('org_id', 'in', ownUnits(ctx).length ? ownUnits(ctx) : ['']).execute();
  if (!mine.length) throw new AppError('FORBIDDEN', '您所在的单位不是此通知的接收单位，无需签收');
  if (row.status === 'withdrawn') throw new AppError('RULE_VIOLATED', '通知已撤回，无需签收');
  if (row.need_sign !== 1) throw new AppError('RULE_VIOLATED', '此通知不需要签收');
  const signers = new Set(signingUnits(ctx));
  const candidates = mine.filter((m) => signers.has(m.org_id));
  if (!candidates.length) throw new AppError('FORBIDDEN', '查看者不能签收，请由本单位工作人员签收');
  let unit = candidates[0];
  if (input.orgId) {
    const chosen = candidates.find((c) => c.org_id === input.orgId);
    if (!chosen) throw new AppError('VALIDATION', '所选单位不是您可以签收的接收单位', [{ path: 'orgId', message: '所选单位不是您可以签收的接收单位' }]);
    unit = chosen;
  } else if (candidates.filter((c) => !c.signed_at).length > 1) {
    throw new AppError('VALIDATION', '您在多个接收单位任职，请选择以哪个单位签收', [{ path: 'orgId', message: '请选择签收单位' }]);
  } else unit = candidates.find((c) => !c.signed_at) ?? candidates[0];
  return inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const done = await tx.db
      .updateTable('notice_recipients')
      .set({ signed_at: now, signed_by: userId, read_at: sql`coalesce(read_at, ${now})`, read_by: sql`coalesce(read_by, ${userId})` })
      .where('notice_id', '=', id)
      .where('org_id', '=', unit.org_id)
      .where('signed_at', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('notices').select('id').where('id', '=', id).where('status', '=', 'published')))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      const now2 = await tx.db.selectFrom('notices').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      if (now2.status !== 'published') throw new AppError('RULE_VIOLATED', '通知已撤回，无需签收');
      throw new AppError('CONFLICT', '本单位已签收此通知');
    }
    await appendAudit(tx, { action: 'sign', entity: 'notice', entityId: id, orgId: unit.org_id, detail: { title: row.title } });
    return getNotice(tx, id);
  });
}

const timeOfDay = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/**
 * 一键催办: every recipient unit that has not signed (a notice without 签收: not read) is reminded.
 * At most once an hour per notice (a conditional update on the notice, so two clicks cannot both
 * pass). The SMS go out after the reminder is recorded; a failed message does not undo it.
 */
export async function remindNotice(ctx: Ctx, sms: SmsSender, id: string) {
  await openNoticeForWrite(ctx, id);
  const planned = await inTransaction(ctx, async (tx) => {
    const row = await openNoticeForWrite(tx, id);
    if (row.status !== 'published') throw new AppError('RULE_VIOLATED', row.status === 'draft' ? '通知尚未发布' : '通知已撤回，不能催办');
    const now = tx.now();
    const since = new Date(now.getTime() - remindIntervalMs).toISOString();
    const waiting = await tx.db
      .selectFrom('notice_recipients')
      .select('org_id')
      .where('notice_id', '=', id)
      .where(row.need_sign === 1 ? 'signed_at' : 'read_at', 'is', null)
      .execute();
    if (!waiting.length) throw new AppError('RULE_VIOLATED', row.need_sign === 1 ? '所有接收单位均已签收，无需催办' : '所有接收单位均已阅读，无需催办');
    const claimed = await tx.db
      .updateTable('notices')
      .set({ last_reminded_at: now.toISOString() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<=', since)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const next = new Date(new Date(row.last_reminded_at as string).getTime() + remindIntervalMs).toISOString();
      throw new AppError('RATE_LIMITED', `每小时只能催办一次，本通知已于 ${timeOfDay(row.last_reminded_at as string)} 催办，请于 ${timeOfDay(next)} 后再催办`);
    }
    const units = waiting.map((w) => w.org_id);
    for (let i = 0; i < units.length; i += 500) {
      await tx.db
        .updateTable('notice_recipients')
        .set((eb) => ({ reminded_at: now.toISOString(), remind_count: eb('remind_count', '+', 1) }))
        .where('notice_id', '=', id)
        .where('org_id', 'in', units.slice(i, i + 500))
        .execute();
    }
    const phones = await contactPhones(tx, units);
    const sender = await tx.db.selectFrom('org_units').select('name').where('id', '=', row.org_id).executeTakeFirstOrThrow();
    await appendAudit(tx, { action: 'remind', entity: 'notice', entityId: id, orgId: row.org_id, detail: { title: row.title, units: units.length, sms: phones.length } });
    const what = row.need_sign === 1 ? '尚未签收' : '尚未阅读';
    const text = `${sender.name}通知《${row.title}》贵单位${what}${row.deadline ? `，签收截止 ${formatChineseDate(row.deadline)}` : ''}，请登录群团工作平台办理。`;
    return { units: units.length, phones, text };
  });
  let sent = 0;
  let failed = 0;
  for (const phone of planned.phones) {
    try {
      await sms.send(phone, planned.text);
      sent++;
    } catch (e) {
      failed++;
      ctx.log.warn({ err: e, notice: id }, '催办短信发送失败');
    }
  }
  return { reminded: planned.units, smsSent: sent, smsFailed: failed, notice: await getNotice(ctx, id) };
}

/** The reminder phones (user_notify_settings, decrypted) of active users holding a grant on one of the units. */
async function contactPhones(ctx: Ctx, units: string[]): Promise<string[]> {
  const phones = new Set<string>();
  for (let i = 0; i < units.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('user_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('user_notify_settings as s', 's.user_id', 'u.id')
      .select(['u.id', 's.phone_cipher'])
      .where('g.org_id', 'in', units.slice(i, i + 500))
      .where('u.disabled', '=', 0)
      .where('s.phone_cipher', 'is not', null)
      .execute();
    for (const r of rows) phones.add(ctx.crypto.decrypt(r.phone_cipher as string));
  }
  return [...phones];
}
