import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  unitId = (await buildUnit(t.sys, { code: 'LD', name: '林甸县委', kind: 'party_committee' })).id;
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login and sessions', () => {
  it('logs in, returns an opaque token and httpOnly cookie, and stores only its hash', async () => {
    const u = await t.userWith('staff', unitId, 'staff1');
    const res = await login(u.username, u.password);
    expect(res.statusCode).toBe(200);
    const { token, csrfToken } = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookies = res.cookies.map((c) => [c.name, Boolean(c.httpOnly)]);
    expect(cookies).toEqual(expect.arrayContaining([['qt_session', true], ['qt_csrf', false]]));
    const stored = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ username: 'staff1', grants: [{ role: 'staff', orgId: unitId, orgName: '林甸县委' }] });
    expect(me.json().permissions).toContain('pii.read');
    expect(csrfToken).toBeTruthy();
  });

  it('answers a wrong password with 401 in Chinese and throttles after repeated failures', async () => {
    const u = await t.userWith('viewer', unitId, 'viewer1');
    const bad = await login(u.username, 'wrong-password', '10.0.0.2');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toBe('用户名或密码错误');
    for (let i = 0; i < 4; i++) await login(u.username, 'wrong-password', '10.0.0.2');
    const blocked = await login(u.username, u.password, '10.0.0.2');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/登录失败次数过多/);
    t.clock.advance(16 * 60_000);
    expect((await login(u.username, u.password, '10.0.0.2')).statusCode).toBe(200);
  });

  it('rejects calls without a token, with an expired token and after logout', async () => {
    expect((await t.app.inject({ url: '/api/v1/orgs' })).statusCode).toBe(401);
    const u = await t.userWith('viewer', unitId, 'viewer2');
    expect((await t.app.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: u.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode).toBe(401);
    const v = await t.userWith('viewer', unitId, 'viewer3');
    t.clock.advance(13 * 3600_000);
    expect((await t.app.inject({ url: '/api/v1/orgs', headers: v.headers })).statusCode).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const u = await t.userWith('org_admin', unitId, 'orgadmin1');
    const res = await login(u.username, u.password, '10.0.0.9');
    const { token, csrfToken } = res.json();
    const cookie = `qt_session=${token as string}`;
    const payload = { code: 'csrf-test', name: '测试', kind: 'other', parentId: unitId };
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie }, payload });
    expect(noHeader.statusCode).toBe(403);
    const withHeader = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie, 'x-csrf-token': csrfToken }, payload });
    expect(withHeader.statusCode).toBe(201);
    expect((await t.app.inject({ url: '/api/v1/orgs', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('HTTP surface', () => {
  it('serves health, OpenAPI and security headers', async () => {
    const h = await t.app.inject({ url: '/api/health' });
    expect(h.json()).toMatchObject({ status: 'ok', db: t.database.dialect });
    expect(h.headers['x-content-type-options']).toBe('nosniff');
    expect(h.headers['content-security-policy']).toContain("default-src 'self'");
    const spec = await t.app.inject({ url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/auth/login']));
  });

  it('answers unknown API paths, bad JSON and oversized bodies in the contract error shape', async () => {
    const nf = await t.app.inject({ url: '/api/v1/nope', headers: (await t.userWith('viewer', unitId)).headers });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('NOT_FOUND');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('VALIDATION');
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('TOO_LARGE');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'username', message: '请输入用户名' });
  });
});

describe('password reset and request budget', () => {
  it('after a reset, only the password change works until the user sets a new one', async () => {
    const admin = await t.userWith('org_admin', unitId, 'resetter');
    const u = await t.userWith('staff', unitId, 'forgetful');
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, headers: admin.headers, payload: {} });
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().password as string;
    const login1 = await login('forgetful', temp, '10.0.1.1');
    expect(login1.json().user.mustChangePassword).toBe(true);
    const headers = { authorization: `Bearer ${login1.json().token as string}` };
    const blocked = await t.app.inject({ url: '/api/v1/orgs', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toContain('请先修改密码');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).json().mustChangePassword).toBe(true);
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: temp, newPassword: 'My-own-password-2026' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/orgs', headers })).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After once a user passes the per-minute budget', async () => {
    const small = await createTestApp({ config: { apiRatePerMinute: 10 } });
    try {
      const unit = await buildUnit(small.sys, { code: 'RL', kind: 'other' });
      const u = await small.userWith('viewer', unit.id);
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await small.app.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
      const last = await small.app.inject({ url: '/api/v1/orgs', headers: u.headers });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('RATE_LIMITED');
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      small.clock.advance(60_000);
      expect((await small.app.inject({ url: '/api/v1/orgs', headers: u.headers })).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});
