import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { verifyAudit } from '../audit/audit.service';

let t: TestApp;
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
type Headers = { authorization: string };
let adminA: { id: string; headers: Headers };

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县委', kind: 'party_committee' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  adminA = await t.userWith('org_admin', townA.id, 'admin_a');
});
afterAll(() => t.close());

const password = 'Hua-yuan-2026';
const login = (username: string, pw: string, ip = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: pw }, remoteAddress: ip });
const post = (url: string, headers: Headers, payload?: object) => t.app.inject({ method: 'POST', url, headers, payload });
const patch = (url: string, headers: Headers, payload: object) => t.app.inject({ method: 'PATCH', url, headers, payload });

async function createUser(headers: Headers, username: string, grants: object[], pw = password) {
  return post('/api/v1/users', headers, { username, displayName: `用户${username}`, password: pw, grants });
}

describe('users administration', () => {
  it('creates a user in scope, who can then log in; the audit entry holds no password', async () => {
    const res = await createUser(adminA.headers, 'clerk.a1', [{ role: 'staff', orgId: villageA.id }]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'clerk.a1',
      displayName: '用户clerk.a1',
      disabled: false,
      lastLoginAt: null,
      grants: [{ role: 'staff', orgId: villageA.id, orgCode: 'village-a', orgName: '花园村妇联' }],
    });
    expect((await login('clerk.a1', password)).statusCode).toBe(200);
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'entity', 'detail']).where('entity', '=', 'user').execute();
    expect(entries.some((e) => e.action === 'create' && e.detail.includes('clerk.a1'))).toBe(true);
    expect(entries.some((e) => e.detail.includes(password))).toBe(false);
    const stored = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'clerk.a1').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate username (409), a bad username and a weak password (400, naming the field)', async () => {
    const dup = await createUser(adminA.headers, 'CLERK.A1', [{ role: 'viewer', orgId: townA.id }]);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('用户名已存在');
    const badName = await createUser(adminA.headers, '张三', [{ role: 'viewer', orgId: townA.id }]);
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.details).toEqual([{ path: 'username', message: expect.stringContaining('3 至 32 位') }]);
    const weak = await createUser(adminA.headers, 'weak_pw', [{ role: 'viewer', orgId: townA.id }], 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([{ path: 'password', message: '密码至少 10 个字符' }]);
    const noGrant = await createUser(adminA.headers, 'no_grant', []);
    expect(noGrant.statusCode).toBe(400);
    expect(noGrant.json().error.details[0].path).toBe('grants');
  });

  it('refuses a grant on a unit outside the scope with 404 naming it, and sysadmin grants from an org_admin with 403', async () => {
    const outside = await createUser(adminA.headers, 'sneaky', [{ role: 'viewer', orgId: 'town-b' }]);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.message).toContain('town-b');
    expect(outside.json().error.details).toEqual([{ path: 'grants.0.orgId', message: expect.any(String) }]);
    const sys = await createUser(adminA.headers, 'wannabe', [{ role: 'sysadmin', orgId: townA.id }]);
    expect(sys.statusCode).toBe(403);
    const globalSys = await createUser(adminA.headers, 'wannabe2', [{ role: 'sysadmin', orgId: null }]);
    expect(globalSys.statusCode).toBe(403);
    const leader = await createUser(adminA.headers, 'leader_a', [{ role: 'leader', orgId: 'town-a' }]);
    expect(leader.statusCode).toBe(201);
    const none = await t.database.db.selectFrom('users').select('id').where('username', 'in', ['sneaky', 'wannabe', 'wannabe2']).execute();
    expect(none).toEqual([]);
  });

  it('disabling a user ends their sessions at once; nobody can disable themselves', async () => {
    const created = (await createUser(adminA.headers, 'to_disable', [{ role: 'viewer', orgId: townA.id }])).json();
    const token = (await login('to_disable', password)).json().token as string;
    const me = () => t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const res = await patch(`/api/v1/users/${created.id}`, adminA.headers, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me()).statusCode).toBe(401);
    expect((await login('to_disable', password)).statusCode).toBe(401);
    const self = await patch(`/api/v1/users/${adminA.id}`, adminA.headers, { disabled: true });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.message).toBe('不能停用自己的账号');
  });

  it('replaces grants under the same rules', async () => {
    const created = (await createUser(adminA.headers, 'regrant', [{ role: 'viewer', orgId: townA.id }])).json();
    const ok = await patch(`/api/v1/users/${created.id}`, adminA.headers, { grants: [{ role: 'case_worker', orgId: villageA.id }], displayName: '新名字' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '新名字', grants: [{ role: 'case_worker', orgId: villageA.id }] });
    const outside = await patch(`/api/v1/users/${created.id}`, adminA.headers, { grants: [{ role: 'viewer', orgId: townB.id }] });
    expect(outside.statusCode).toBe(404);
    const sys = await patch(`/api/v1/users/${created.id}`, adminA.headers, { grants: [{ role: 'sysadmin', orgId: villageA.id }] });
    expect(sys.statusCode).toBe(403);
  });

  it('resets a password: the old one fails, the new one works and must be changed', async () => {
    const created = (await createUser(adminA.headers, 'forgetful', [{ role: 'staff', orgId: townA.id }])).json();
    const token = (await login('forgetful', password)).json().token as string;
    const res = await post(`/api/v1/users/${created.id}/reset-password`, adminA.headers);
    expect(res.statusCode).toBe(200);
    const fresh = res.json().password as string;
    expect(fresh).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await login('forgetful', password, '10.1.0.2')).statusCode).toBe(401);
    expect((await login('forgetful', fresh)).statusCode).toBe(200);
    const row = await t.database.db.selectFrom('users').select('must_change_password').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(Number(row.must_change_password)).toBe(1);
    const audit = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'reset_password').executeTakeFirstOrThrow();
    expect(audit.detail).not.toContain(fresh);
  });

  it('lets a user change their own password, ending their other sessions', async () => {
    await createUser(adminA.headers, 'changer', [{ role: 'viewer', orgId: townA.id }]);
    const first = (await login('changer', password)).json().token as string;
    const second = (await login('changer', password)).json().token as string;
    const h = { authorization: `Bearer ${first}` };
    const wrong = await post('/api/v1/auth/password', h, { currentPassword: 'not-my-password', newPassword: 'Brand-new-2027' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await post('/api/v1/auth/password', h, { currentPassword: password, newPassword: 'abcdefghijk' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('newPassword');
    const ok = await post('/api/v1/auth/password', h, { currentPassword: password, newPassword: 'Brand-new-2027' });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: h })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${second}` } })).statusCode).toBe(401);
    expect((await login('changer', password, '10.1.0.3')).statusCode).toBe(401);
    expect((await login('changer', 'Brand-new-2027')).statusCode).toBe(200);
  });

  it('scopes the list and every record: an org_admin of town B sees nothing of town A', async () => {
    const adminB = await t.userWith('org_admin', townB.id, 'admin_b');
    const bUser = await createUser(adminB.headers, 'clerk.b1', [{ role: 'staff', orgId: townB.id }]);
    expect(bUser.statusCode).toBe(201);
    const listB = (await t.app.inject({ url: '/api/v1/users', headers: adminB.headers })).json();
    expect(listB.items.map((u: { username: string }) => u.username).sort()).toEqual(['admin_b', 'clerk.b1']);
    expect(listB.total).toBe(2);
    const aUser = await t.database.db.selectFrom('users').select('id').where('username', '=', 'clerk.a1').executeTakeFirstOrThrow();
    expect((await t.app.inject({ url: `/api/v1/users/${aUser.id}`, headers: adminB.headers })).statusCode).toBe(404);
    expect((await patch(`/api/v1/users/${aUser.id}`, adminB.headers, { disabled: true })).statusCode).toBe(404);
    expect((await post(`/api/v1/users/${aUser.id}/reset-password`, adminB.headers)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/users?orgId=${townA.id}`, headers: adminB.headers })).statusCode).toBe(404);

    const listA = (await t.app.inject({ url: `/api/v1/users?orgId=${villageA.id}&q=CLERK`, headers: adminA.headers })).json();
    expect(listA.items.map((u: { username: string }) => u.username)).toEqual(['clerk.a1']);
    expect(listA.items[0]).toMatchObject({ lastLoginAt: expect.any(String), createdAt: expect.any(String) });
  });

  it('hides users that hold any grant outside the scope, global sysadmins included; viewers may not manage users', async () => {
    const root = await t.userWith('sysadmin', null, 'root2');
    const mixed = await createUser(root.headers, 'mixed', [
      { role: 'viewer', orgId: townA.id },
      { role: 'viewer', orgId: townB.id },
    ]);
    expect(mixed.statusCode).toBe(201);
    const global = await createUser(root.headers, 'root3', [{ role: 'sysadmin' }]);
    expect(global.statusCode).toBe(201);
    expect(global.json().grants).toEqual([{ role: 'sysadmin', orgId: null, orgCode: null, orgName: '全部组织' }]);
    const countyAdmin = await t.userWith('org_admin', county.id, 'admin_county');
    const seen = (await t.app.inject({ url: '/api/v1/users?pageSize=500', headers: countyAdmin.headers })).json();
    const names = seen.items.map((u: { username: string }) => u.username);
    expect(names).toContain('mixed');
    expect(names).not.toContain('root2');
    expect(names).not.toContain('root3');
    expect((await t.app.inject({ url: `/api/v1/users/${global.json().id}`, headers: countyAdmin.headers })).statusCode).toBe(404);
    const seenA = (await t.app.inject({ url: '/api/v1/users?pageSize=500', headers: adminA.headers })).json();
    expect(seenA.items.map((u: { username: string }) => u.username)).not.toContain('mixed');
    const viewer = await t.userWith('viewer', county.id, 'viewer_c');
    expect((await t.app.inject({ url: '/api/v1/users', headers: viewer.headers })).statusCode).toBe(403);
    expect(await verifyAudit(t.database.db, t.crypto)).toMatchObject({ ok: true });
  });
});
