import { z } from 'zod';

export const otpPurposes = ['vote', 'claim', 'objection'] as const;
export type OtpPurpose = (typeof otpPurposes)[number];

const phone = z.string({ error: '请输入手机号' }).trim().min(1, '请输入手机号').max(20, '手机号格式不正确');
const purpose = z.enum(otpPurposes, { error: '用途应为 vote（投票）、claim（认领心愿）或 objection（公示异议）' });

export const sendOtpBody = z.object({ phone, purpose });
export type SendOtpBody = z.infer<typeof sendOtpBody>;

export const verifyOtpBody = z.object({
  phone,
  purpose,
  code: z.string({ error: '请输入验证码' }).trim().regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export type VerifyOtpBody = z.infer<typeof verifyOtpBody>;

export const sendOtpResult = z.object({ sent: z.literal(true), phoneMasked: z.string(), expiresInSeconds: z.number() });
export const verifyOtpResult = z.object({ token: z.string(), expiresAt: z.string(), phoneMasked: z.string() });
