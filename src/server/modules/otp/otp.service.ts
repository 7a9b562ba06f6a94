import { randomInt } from 'node:crypto';
import { newId } from '../../../domain/ids';
import { maskPhone } from '../../../domain/mask';
import { checkPhone } from '../../../domain/phone';
import { type Ctx, inTransaction, nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { enforceRateLimit } from '../../http/rate-limit';
import { randomToken, sha256 } from '../../security/crypto';
import { appendAudit } from '../audit/audit.service';
import type { OtpPurpose, SendOtpBody, VerifyOtpBody } from './otp.schemas';
import type { SmsSender } from './sms';

/**
 * One-time codes for the public phone pages (投票, 认领心愿). The phone is never stored: rows carry a
 * keyed HMAC of it (the app's blind index). A code is 6 digits, stored as a keyed hash, valid
 * 5 minutes, and allows 5 attempts. A verified phone receives a public token (stored hashed, a
 * database row, so every server instance accepts it).
 */
export const otpRules = {
  codeTtlSeconds: 5 * 60,
  maxAttempts: 5,
  tokenTtlSeconds: 2 * 3600,
  /** sends per phone: one a minute, ten a day */
  sendsPerPhoneMinute: 1,
  sendsPerPhoneDay: 10,
  /** sends and verifications per address and hour */
  sendsPerAddressHour: 30,
  verifiesPerAddressHour: 60,
} as const;

const purposeLabel: Record<OtpPurpose, string> = { vote: '投票', claim: '认领心愿', objection: '公示异议' };

function mobile(raw: string): string {
  const p = checkPhone(raw);
  if (!p.ok || p.kind !== 'mobile') throw new AppError('VALIDATION', '手机号应为 11 位手机号码', [{ path: 'phone', message: '手机号应为 11 位手机号码' }]);
  return p.phone;
}

export function phoneHashOf(ctx: Pick<Ctx, 'crypto'>, phone: string): string {
  return ctx.crypto.blindIndex(`otp-phone:${phone}`);
}

/** The keyed hash of the caller's address: rate limits and the vote anomaly view group by it. */
export function addressHashOf(ctx: Pick<Ctx, 'crypto' | 'ip'>): string {
  return ctx.crypto.blindIndex(`address:${ctx.ip ?? 'unknown'}`);
}

function codeHash(ctx: Pick<Ctx, 'crypto'>, rowId: string, code: string): string {
  return ctx.crypto.blindIndex(`otp-code:${rowId}:${code}`);
}

export async function sendOtp(ctx: Ctx, sms: SmsSender, input: SendOtpBody) {
  const phone = mobile(input.phone);
  const phoneHash = phoneHashOf(ctx, phone);
  const now = ctx.now();
  await enforceRateLimit(ctx.db, `otp:send:addr:${addressHashOf(ctx)}`, otpRules.sendsPerAddressHour, 3600, now);
  await enforceRateLimit(ctx.db, `otp:send:phone:${phoneHash}`, otpRules.sendsPerPhoneMinute, 60, now);
  await enforceRateLimit(ctx.db, `otp:send:phone-day:${phoneHash}`, otpRules.sendsPerPhoneDay, 86400, now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await inTransaction(ctx, async (tx) => {
    const at = nowIso(tx);
    // a new code replaces any earlier one for this phone and purpose
    await tx.db.updateTable('otp_codes').set({ consumed_at: at }).where('phone_hash', '=', phoneHash).where('purpose', '=', input.purpose).where('consumed_at', 'is', null).execute();
    const id = newId();
    await tx.db
      .insertInto('otp_codes')
      .values({ id, phone_hash: phoneHash, purpose: input.purpose, code_hash: codeHash(tx, id, code), attempts: 0, created_at: at, expires_at: new Date(now.getTime() + otpRules.codeTtlSeconds * 1000).toISOString(), consumed_at: null })
      .execute();
    await appendAudit(tx, { action: 'otp_send', entity: 'otp', entityId: id, detail: { purpose: input.purpose, phone: maskPhone(phone) } });
  });
  await sms.send(phone, `您的${purposeLabel[input.purpose]}验证码为 ${code}，${otpRules.codeTtlSeconds / 60} 分钟内有效。请勿告诉他人。`);
  return { sent: true as const, phoneMasked: maskPhone(phone), expiresInSeconds: otpRules.codeTtlSeconds };
}

const codeError = (message: string, status: 'VALIDATION' | 'RULE_VIOLATED' = 'VALIDATION') => new AppError(status, message, [{ path: 'code', message }]);

export async function verifyOtp(ctx: Ctx, input: VerifyOtpBody) {
  const phone = mobile(input.phone);
  const phoneHash = phoneHashOf(ctx, phone);
  const now = ctx.now();
  await enforceRateLimit(ctx.db, `otp:verify:addr:${addressHashOf(ctx)}`, otpRules.verifiesPerAddressHour, 3600, now);
  const row = await ctx.db
    .selectFrom('otp_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', input.purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) throw codeError('验证码已失效，请重新获取', 'RULE_VIOLATED');
  // count the attempt first, outside any transaction, so a wrong guess is never rolled back
  const counted = await ctx.db
    .updateTable('otp_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', row.id)
    .where('attempts', '<', otpRules.maxAttempts)
    .returning('attempts')
    .executeTakeFirst();
  if (!counted) throw codeError('验证码错误次数过多，请重新获取', 'RULE_VIOLATED');
  if (codeHash(ctx, row.id, input.code) !== row.code_hash) {
    const left = otpRules.maxAttempts - Number(counted.attempts);
    throw codeError(left > 0 ? `验证码不正确，还可尝试 ${left} 次` : '验证码不正确，请重新获取');
  }
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + otpRules.tokenTtlSeconds * 1000).toISOString();
  const phoneMasked = maskPhone(phone);
  await inTransaction(ctx, async (tx) => {
    const used = await tx.db.updateTable('otp_codes').set({ consumed_at: nowIso(tx) }).where('id', '=', row.id).where('consumed_at', 'is', null).returning('id').executeTakeFirst();
    if (!used) throw codeError('验证码已使用，请重新获取', 'RULE_VIOLATED');
    await tx.db
      .insertInto('public_tokens')
      .values({ token_hash: sha256(token), purpose: input.purpose, voter_hash: voterHashOf(tx, phone), phone_masked: phoneMasked, created_at: nowIso(tx), expires_at: expiresAt })
      .execute();
    await appendAudit(tx, { action: 'otp_verify', entity: 'otp', entityId: row.id, detail: { purpose: input.purpose, phone: phoneMasked } });
  });
  return { token, expiresAt, phoneMasked };
}

/** The pseudonymous voter/donor id: a keyed HMAC of the phone, distinct from any other blind index. */
function voterHashOf(ctx: Pick<Ctx, 'crypto'>, phone: string): string {
  return ctx.crypto.blindIndex(`public-voter:${phone}`);
}

/** Resolves a public token issued by verifyOtp for `purpose`; 401 when unknown, expired or for another purpose. */
export async function resolvePublicToken(ctx: Ctx, token: string, purpose: OtpPurpose): Promise<{ voterHash: string; phoneMasked: string }> {
  const row = token
    ? await ctx.db.selectFrom('public_tokens').select(['voter_hash', 'phone_masked', 'expires_at']).where('token_hash', '=', sha256(token)).where('purpose', '=', purpose).executeTakeFirst()
    : undefined;
  if (!row || row.expires_at <= nowIso(ctx)) {
    throw new AppError('UNAUTHENTICATED', '手机验证已失效，请重新验证手机号', [{ path: 'token', message: '手机验证已失效' }]);
  }
  return { voterHash: row.voter_hash, phoneMasked: row.phone_masked };
}
