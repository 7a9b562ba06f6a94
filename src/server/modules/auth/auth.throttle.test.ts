import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { loginLimits } from './auth.service';

// A county office sits behind one NAT address: one colleague's typos (or one attacker) must not lock the
// office out. Limits: per (address, username) 5 / 15 min, per username 10 / 15 min, per address 200 / hour.
let t: TestApp;
let proxied: TestApp;
let unitId: string;
let proxiedUnitId: string;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ config: { trustProxy: '127.0.0.1' } });
  unitId = (await buildUnit(t.sys, { code: 'QX', name: '青溪县委', kind: 'party_committee' })).id;
  proxiedUnitId = (await buildUnit(proxied.sys, { code: 'QX', name: '青溪县委', kind: 'party_committee' })).id;
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const login = (app: TestApp, username: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip, headers });

describe('login throttling behind one office address', () => {
  it('30 failures of one colleague lock only that colleague at that address; the others log in', async () => {
    const office = '10.20.0.1';
    const typist = await t.userWith('viewer', unitId, 'qx-typist');
    const colleague = await t.userWith('staff', unitId, 'qx-colleague');
    for (let i = 0; i < 30; i++) await login(t, typist.username, 'wrong-password', office);
    const locked = await login(t, typist.username, typist.password, office);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/^该账号登录失败次数过多，请 \d+ 分钟后再试$/);
    expect((await login(t, colleague.username, colleague.password, office)).statusCode).toBe(200);
  });

  it('a username guessed from many addresses is locked everywhere after 10 failures', async () => {
    const u = await t.userWith('viewer', unitId, 'qx-target');
    for (let i = 0; i < loginLimits.perUser; i++) await login(t, u.username, 'wrong-password', `10.30.0.${i + 1}`);
    expect((await login(t, u.username, u.password, '10.30.1.1')).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    expect((await login(t, u.username, u.password, '10.30.1.1')).statusCode).toBe(200);
  });

  it('one address trying many usernames stops at the address ceiling, for an hour', async () => {
    const scanner = '10.40.0.1';
    const u = await t.userWith('viewer', unitId, 'qx-bystander');
    // the failures are counted rows: fill the address's hour as 200 failures would
    const now = t.clock.now();
    const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
    await t.database.db.insertInto('rate_buckets').values({ key: `login-fail:ip:${scanner}`, window_start: new Date(hour).toISOString(), count: loginLimits.perAddress }).execute();
    const refused = await login(t, u.username, u.password, scanner);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/^本网络地址登录失败次数过多/);
    expect((await login(t, u.username, u.password, '10.40.0.2')).statusCode).toBe(200);
  });
});

describe('session cookies over HTTPS', () => {
  it('are Secure when a trusted proxy says https, and the proxy names the client address', async () => {
    const u = await proxied.userWith('viewer', proxiedUnitId, 'qx-https');
    const res = await login(proxied, u.username, u.password, '127.0.0.1', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.50.0.7' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.map((c) => [c.name, Boolean(c.secure)])).toEqual(expect.arrayContaining([['qt_session', true], ['qt_csrf', true]]));
    const sessions = await proxied.database.db.selectFrom('sessions').select('ip').where('user_id', '=', u.id).execute();
    expect(sessions.map((r) => r.ip)).toContain('10.50.0.7');
    const plain = await login(proxied, u.username, u.password, '127.0.0.1');
    expect(plain.cookies.every((c) => !c.secure)).toBe(true);
  });

  it('ignore X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const u = await t.userWith('viewer', unitId, 'qx-spoof');
    const res = await login(t, u.username, u.password, '10.60.0.1', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '1.2.3.4' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.every((c) => !c.secure)).toBe(true);
    const sessions = await t.database.db.selectFrom('sessions').select('ip').where('user_id', '=', u.id).execute();
    expect(sessions.map((r) => r.ip)).toContain('10.60.0.1');
    expect(sessions.map((r) => r.ip)).not.toContain('1.2.3.4');
  });
});
