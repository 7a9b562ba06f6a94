import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testClock, type TestApp } from '../../../../test/test-app';
import { lastOtpCode } from './otp.routes';
import { resolvePublicToken } from './otp.service';

let t: TestApp;
const clock = testClock('2026-06-15T02:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

const send = (phone: string, purpose = 'vote', remoteAddress = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/otp/send', payload: { phone, purpose }, remoteAddress });
const verify = (phone: string, code: string, purpose = 'vote', remoteAddress = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/otp/verify', payload: { phone, purpose, code }, remoteAddress });

describe('one-time codes', () => {
  it('sends a 6-digit code, verifies it once and issues a token; the phone is never stored', async () => {
    const phone = '13800000001';
    const res = await send(phone);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sent: true, phoneMasked: '138****0001', expiresInSeconds: 300 });
    const code = lastOtpCode(t.app, phone) as string;
    expect(code).toMatch(/^\d{6}$/);
    const ok = await verify(phone, code);
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.phoneMasked).toBe('138****0001');
    const who = await resolvePublicToken(t.sys, body.token, 'vote');
    expect(who.voterHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(resolvePublicToken(t.sys, body.token, 'claim')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // the code works once
    expect((await verify(phone, code)).statusCode).toBe(422);
    const codes = await t.database.db.selectFrom('otp_codes').selectAll().execute();
    const tokens = await t.database.db.selectFrom('public_tokens').selectAll().execute();
    const stored = JSON.stringify([codes, tokens]);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(body.token);
  });

  it('the same phone gets the same voter hash on every verification', async () => {
    const phone = '13800000002';
    clock.advance(61_000);
    await send(phone);
    const a = (await verify(phone, lastOtpCode(t.app, phone) as string)).json().token;
    clock.advance(61_000);
    await send(phone);
    const b = (await verify(phone, lastOtpCode(t.app, phone) as string)).json().token;
    expect((await resolvePublicToken(t.sys, a, 'vote')).voterHash).toBe((await resolvePublicToken(t.sys, b, 'vote')).voterHash);
  });

  it('a code expires after 5 minutes', async () => {
    const phone = '13800000003';
    clock.advance(61_000);
    await send(phone);
    const code = lastOtpCode(t.app, phone) as string;
    clock.advance(5 * 60_000 + 1);
    const res = await verify(phone, code);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('失效');
  });

  it('allows 5 attempts, then refuses even the right code', async () => {
    const phone = '13800000004';
    clock.advance(61_000);
    await send(phone);
    const code = lastOtpCode(t.app, phone) as string;
    const wrong = code === '000000' ? '111111' : '000000';
    const messages = [];
    for (let i = 0; i < 5; i++) {
      const r = await verify(phone, wrong);
      expect(r.statusCode).toBe(400);
      messages.push(r.json().error.message);
    }
    expect(messages[0]).toContain('还可尝试 4 次');
    const last = await verify(phone, code);
    expect(last.statusCode).toBe(422);
    expect(last.json().error.message).toContain('次数过多');
  });

  it('tokens expire', async () => {
    const phone = '13800000005';
    clock.advance(61_000);
    await send(phone);
    const token = (await verify(phone, lastOtpCode(t.app, phone) as string)).json().token;
    clock.advance(2 * 3600_000 + 1);
    await expect(resolvePublicToken(t.sys, token, 'vote')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rate-limits sends per phone and per address with 429 and Retry-After', async () => {
    clock.advance(3600_000);
    expect((await send('13800000006', 'vote', '10.2.0.1')).statusCode).toBe(200);
    const again = await send('13800000006', 'vote', '10.2.0.2');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push((await send(`139000001${String(i).padStart(2, '0')}`, 'claim', '10.3.0.1')).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(30);
    expect(codes[30]).toBe(429);
  });

  it('refuses a landline or a malformed phone, naming the field', async () => {
    const r = await send('0459-4621234', 'vote', '10.4.0.1');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('phone');
    expect((await send('13800000007', 'nothing', '10.4.0.1')).statusCode).toBe(400);
  });
});
