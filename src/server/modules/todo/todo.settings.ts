import { maskPhone } from '../../../domain/mask';
import { checkPhone } from '../../../domain/phone';
import type { Config } from '../../config';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import type { ReminderSettingsBody } from './todo.schemas';

/** A user's own reminder settings: the phone the digest goes to (encrypted, shown masked) and the opt-out. */
function me(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.actor.id;
}

export async function getReminderSettings(ctx: Ctx, config: Pick<Config, 'digest' | 'sms'>) {
  const row = await ctx.db.selectFrom('user_notify_settings').select(['digest_enabled', 'phone_masked']).where('user_id', '=', me(ctx)).executeTakeFirst();
  return {
    digestEnabled: row ? Boolean(Number(row.digest_enabled)) : true,
    phoneMasked: row?.phone_masked ?? null,
    hour: config.digest.hour,
    schedulerEnabled: config.digest.enabled,
    smsConfigured: Boolean(config.sms),
  };
}

export async function setReminderSettings(ctx: Ctx, config: Pick<Config, 'digest' | 'sms'>, body: ReminderSettingsBody) {
  const userId = me(ctx);
  let phone: { cipher: string | null; masked: string | null } | undefined;
  if (body.phone === null || body.phone === '') phone = { cipher: null, masked: null };
  else if (body.phone !== undefined) {
    const p = checkPhone(body.phone);
    const message = !p.ok ? p.message : p.kind !== 'mobile' ? '接收提醒须为 11 位手机号' : null;
    if (message || !p.ok) throw new AppError('VALIDATION', `手机号：${message}`, [{ path: 'phone', message: message as string }]);
    phone = { cipher: ctx.crypto.encrypt(p.phone), masked: maskPhone(p.phone) };
  }
  await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const patch = { digest_enabled: body.digestEnabled ? 1 : 0, updated_at: now, ...(phone ? { phone_cipher: phone.cipher, phone_masked: phone.masked } : {}) };
    // one row per user: the first save inserts it, a concurrent one updates it
    await tx.db
      .insertInto('user_notify_settings')
      .values({ user_id: userId, phone_cipher: null, phone_masked: null, ...patch })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(patch))
      .execute();
    await appendAudit(tx, { action: 'update', entity: 'user_reminders', entityId: userId, orgId: null, detail: { digestEnabled: body.digestEnabled, phone: phone ? (phone.masked ?? '（清除）') : '（不变）' } });
  });
  return getReminderSettings(ctx, config);
}
