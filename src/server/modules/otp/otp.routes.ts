import type { App, AppDeps } from '../../http/types';
import { sendOtpBody, sendOtpResult, verifyOtpBody, verifyOtpResult } from './otp.schemas';
import { sendOtp, verifyOtp } from './otp.service';
import { createSmsSender, LogSmsSender, type SmsSender } from './sms';

const senders = new WeakMap<object, SmsSender>();

/**
 * The code most recently sent to `phone` by this app's log sender (tests and the browser journey
 * read it through the test app object; there is no HTTP route for it). Undefined with a real provider.
 */
export function lastOtpCode(app: App, phone: string): string | undefined {
  const s = senders.get(app);
  return s instanceof LogSmsSender ? s.lastCode(phone) : undefined;
}

export function registerOtpRoutes(app: App, deps: AppDeps): void {
  const sms = createSmsSender(deps.config, app.log);
  if (!deps.config.sms && !deps.config.isTest) app.log.warn('未配置短信服务（QUNTUAN_SMS_URL）：验证码只写入服务器日志，仅供开发使用');
  senders.set(app, sms);
  const tags = ['public'];
  app.post(
    '/api/public/otp/send',
    { schema: { tags, summary: '发送手机验证码（投票、认领心愿；按手机号和来源地址限流）', security: [], body: sendOtpBody, response: { 200: sendOtpResult } } },
    (req) => sendOtp(req.ctx, sms, req.body),
  );
  app.post(
    '/api/public/otp/verify',
    { schema: { tags, summary: '校验手机验证码，换取公众令牌', security: [], body: verifyOtpBody, response: { 200: verifyOtpResult } } },
    (req) => verifyOtp(req.ctx, req.body),
  );
}
