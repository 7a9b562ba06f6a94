import { lastOtpCode } from '../otp/otp.routes';
import type { TestApp } from '../../../../test/test-app';

/** Test helpers for wishes: a verified donor token through the real OTP routes, and a photo upload. */
export async function donorToken(t: TestApp, phone: string, ip = '10.9.0.1'): Promise<string> {
  const sent = await t.app.inject({ method: 'POST', url: '/api/public/otp/send', payload: { phone, purpose: 'claim' }, remoteAddress: ip });
  if (sent.statusCode !== 200) throw new Error(`otp send → ${sent.statusCode} ${sent.body}`);
  const code = lastOtpCode(t.app, phone);
  const res = await t.app.inject({ method: 'POST', url: '/api/public/otp/verify', payload: { phone, purpose: 'claim', code }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`otp verify → ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

export async function uploadPhoto(t: TestApp, headers: Record<string, string>, wishId: string) {
  const boundary = 'wish-photo-boundary';
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('送达照片')]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?entity=wishes&entityId=${wishId}`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="delivery.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}
