import { describe, expect, it } from 'vitest';
import { HttpSmsSender, LogSmsSender } from './sms';

describe('SMS senders', () => {
  it('the HTTP adapter posts the phone, sign and text with the token, and fails on a non-2xx answer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let status = 200;
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{}', { status });
    }) as unknown as typeof fetch;
    const sender = new HttpSmsSender({ url: 'https://sms.example.test/send', token: 'tok', sign: '林甸县妇联' }, fake);
    await sender.send('13800000000', '您的验证码为 123456');
    expect(calls[0].url).toBe('https://sms.example.test/send');
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ phone: '13800000000', sign: '林甸县妇联', text: '【林甸县妇联】您的验证码为 123456' });
    status = 500;
    await expect(sender.send('13800000000', 'x')).rejects.toMatchObject({ code: 'INTERNAL', message: '短信发送失败，请稍后重试' });
  });

  it('the log sender keeps the last code per phone and logs the phone masked', async () => {
    const lines: unknown[] = [];
    const sender = new LogSmsSender({ info: (o: unknown) => lines.push(o) });
    await sender.send('13800000000', '您的投票验证码为 654321，5 分钟内有效。');
    expect(sender.lastCode('13800000000')).toBe('654321');
    expect(JSON.stringify(lines)).toContain('138****0000');
    expect(JSON.stringify(lines)).not.toContain('13800000000');
  });
});
