import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { seedDemo } from '../demo/demo.seed';
import { ensureAdmin } from '../users/bootstrap';

// A password a person did not choose — the first admin's, a demo account's, one an administrator set —
// must be replaced at first login: until then the API answers only me, password and logout.
let t: TestApp;
let countyId: string;
beforeAll(async () => {
  t = await createTestApp();
  countyId = (await buildUnit(t.sys, { code: 'QX', name: '青溪县委', kind: 'party_committee' })).id;
});
afterAll(() => t.close());

const login = async (username: string, password: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  return res.json() as { token: string; user: { mustChangePassword: boolean } };
};
const get = (token: string, url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
const changePassword = (token: string, currentPassword: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { authorization: `Bearer ${token}` }, payload: { currentPassword, newPassword } });

/** Logs in, finds every other call refused in Chinese, changes the password, and is let through. */
async function walkFirstLogin(username: string, initial: string) {
  const first = await login(username, initial);
  expect(first.user.mustChangePassword).toBe(true);
  expect((await get(first.token, '/api/v1/auth/me')).json().mustChangePassword).toBe(true);
  const refused = await get(first.token, '/api/v1/orgs');
  expect(refused.statusCode).toBe(403);
  expect(refused.json().error.message).toContain('请先修改密码');
  expect(refused.json().error.details).toEqual([{ path: 'password', message: '请先修改密码' }]);
  const own = `My-own-pass-${username}-2026`;
  expect((await changePassword(first.token, initial, own)).statusCode).toBeLessThan(300);
  const next = await login(username, own);
  expect(next.user.mustChangePassword).toBe(false);
  expect((await get(next.token, '/api/v1/orgs')).statusCode).toBe(200);
}

describe('first login with a password the person did not choose', () => {
  it('the first admin (random password written to a file) must set their own', async () => {
    await t.database.db.deleteFrom('users').where('username', '=', 'admin').execute();
    const lines: string[] = [];
    expect(await ensureAdmin(t.sys, { password: undefined, dataDir: t.config.dataDir, print: (l) => lines.push(l) })).toBe('created');
    const [, password] = readFileSync(join(t.config.dataDir, 'initial-admin-password.txt'), 'utf8').split('\n');
    await walkFirstLogin('admin', password);
  });

  it('a user an administrator created must set their own', async () => {
    const admin = await t.userWith('org_admin', countyId, 'qx-admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'qx-clerk', displayName: '王会计', password: 'Given-by-admin-2026', grants: [{ role: 'staff', orgId: countyId }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    await walkFirstLogin('qx-clerk', 'Given-by-admin-2026');
  });

  it('every demo account must set its own', async () => {
    await seedDemo(t.sys, { dataDir: t.config.dataDir, year: 2026, print: () => {} });
    const accounts = readFileSync(join(t.config.dataDir, 'demo-users.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t'));
    expect(accounts.length).toBeGreaterThan(5);
    for (const [username, password] of accounts) expect((await login(username, password)).user.mustChangePassword).toBe(true);
    const [username, password] = accounts[0];
    await walkFirstLogin(username, password);
  });

  it('a weak new password is refused in Chinese and the change stays required', async () => {
    const admin = await t.userWith('org_admin', countyId, 'qx-admin2');
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { username: 'qx-weak', displayName: '李干事', password: 'Given-by-admin-2027', grants: [{ role: 'viewer', orgId: countyId }] } });
    const first = await login('qx-weak', 'Given-by-admin-2027');
    const weak = await changePassword(first.token, 'Given-by-admin-2027', '123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await login('qx-weak', 'Given-by-admin-2027')).user.mustChangePassword).toBe(true);
  });
});
