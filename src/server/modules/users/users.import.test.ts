import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { undoBatch } from '../imports/batches.service';
import { readBack, sheetBuffer } from '../imports/imports.fixtures';
import { LogSmsSender } from '../otp/sms';
import { buildCredentialSheet, importUsers } from './users.import';

let t: TestApp;
let rootId: string;
let flId: string;
const header = ['用户名*', '姓名*', '手机', '角色*', '单位编码', '单位名称'];

beforeAll(async () => {
  t = await createTestApp();
  rootId = (await buildUnit(t.sys, { code: 'QH', name: '青禾县委', kind: 'party_committee', divisionCode: '231225' })).id;
  flId = (await buildUnit(t.sys, { code: 'QH-FL', name: '青禾县妇联', kind: 'womens_federation', parentId: rootId })).id;
  await buildUnit(t.sys, { code: 'QH-FL-T01', name: '东风镇妇联', kind: 'womens_federation', parentId: flId });
});
afterAll(() => t.close());

const file = (rows: unknown[][]) => sheetBuffer([header, ...rows] as never, { textColumns: [3] });

describe('import users: bad input', () => {
  it('names row, column and field for each bad cell', async () => {
    const r = await importUsers(t.sys, {
      orgId: rootId,
      filename: 'u.xlsx',
      content: await file([
        ['qh-a', '张三', '1390459', '工作人员', 'QH-FL'],
        ['qh-b', '李四', null, '站长', 'QH-FL'],
        ['qh-c', '王五', null, '工作人员', 'QH-XX'],
        ['QH-A', '赵六', null, '领导', null, '青禾县委'],
        ['张 七', '张七', null, '系统管理员'],
        ['qh-d', '钱八', null, '工作人员', 'QH-FL', '东风镇妇联'],
      ]),
    });
    expect(r.batchId).toBeNull();
    expect(r.accepted).toBe(0);
    expect(r.errors).toEqual([
      { row: 2, column: '手机', message: '手机号应为以 13–19 开头的 11 位数字' },
      { row: 3, column: '角色*', message: '角色“站长”无法识别（可填 领导、组织管理员、工作人员、个案工作者、查看者）' },
      { row: 4, column: '单位编码', message: '单位编码“QH-XX”不存在或不在“青禾县委”范围内' },
      { row: 5, column: '用户名*', message: '用户名“QH-A”与第 2 行重复' },
      { row: 6, column: '用户名*', message: '用户名应为 3 至 32 位字母、数字、下划线、点或连字符' },
      { row: 6, column: '角色*', message: '不能通过导入授予系统管理员角色' },
      { row: 7, column: '单位名称', message: '单位名称“东风镇妇联”与单位编码“QH-FL”不是同一个单位' },
    ]);
    expect(await t.sys.db.selectFrom('users').select('id').where('username', 'like', 'qh-%').execute()).toEqual([]);
  });

  it('an org_admin imports only within its own unit: above it the root is not found', async () => {
    const admin = await t.userWith('org_admin', flId, 'qh-fl-admin');
    const ctx = { ...t.sys, actor: { kind: 'user' as const, id: admin.id, username: admin.username, grants: [{ role: 'org_admin' as const, orgId: flId }], sessionId: 'x' } };
    await expect(importUsers(ctx as never, { orgId: rootId, filename: 'u.xlsx', content: await file([['qh-x', '某人', null, '工作人员']]) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const r = await importUsers(ctx as never, { orgId: flId, filename: 'u.xlsx', content: await file([['qh-y', '某人', null, '工作人员', 'QH-FL-T01']]), dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.accepted).toBe(1);
  });
});

describe('import users: accounts and one-time passwords', () => {
  it('creates the accounts with passwords that must be changed, hands them back once, re-import is a duplicate, undo removes them', async () => {
    const sms = new LogSmsSender({ info: () => {} });
    const content = await file([
      ['qh-fl-01', '王丽', '13904591234', '组织管理员、工作人员', 'QH-FL'],
      ['qh-df-01', '李娜', null, '工作人员', null, '东风镇妇联'],
      ['qh-leader', '孙强', null, '领导'],
    ]);
    const r = await importUsers(t.sys, { orgId: rootId, filename: 'u.xlsx', content, sms });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ accepted: 3, created: 3, smsSent: 1 });
    expect(r.credentials.map((c) => [c.username, c.orgName, c.roles])).toEqual([
      ['qh-fl-01', '青禾县妇联', '组织管理员、工作人员'],
      ['qh-df-01', '东风镇妇联', '工作人员'],
      ['qh-leader', '青禾县委', '领导'],
    ]);
    expect(sms.lastText('13904591234')).toContain(r.credentials[0].password);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qh-df-01', password: r.credentials[1].password } });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${login.json().token as string}` } });
    expect(me.json().mustChangePassword).toBe(true);
    const stored = await t.sys.db.selectFrom('users').select(['username', 'must_change_password', 'password_hash']).where('username', 'in', ['qh-fl-01', 'qh-df-01', 'qh-leader']).orderBy('username').execute();
    expect(stored.map((u) => u.must_change_password)).toEqual([1, 1, 1]);
    expect(stored.every((u) => !u.password_hash.includes(r.credentials[0].password))).toBe(true);

    const sheet = await readBack(await buildCredentialSheet(r.credentials));
    expect(sheet.rows[0]).toEqual(['用户名', '姓名', '单位', '角色', '初始密码', '手机', '短信']);
    expect(sheet.rows[1]).toEqual(['qh-fl-01', '王丽', '青禾县妇联', '组织管理员、工作人员', r.credentials[0].password, '139****1234', '已发送']);

    const again = await importUsers(t.sys, { orgId: rootId, filename: 'u.xlsx', content });
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, batchId: null, credentials: [] });

    // qh-df-01 has signed in: the batch can no longer be undone
    await expect(undoBatch(t.sys, r.batchId as string)).rejects.toThrow('用户 qh-df-01 已登录使用，不能撤销该批次');
    await t.sys.db.updateTable('users').set({ last_login_at: null }).where('username', '=', 'qh-df-01').execute();
    await undoBatch(t.sys, r.batchId as string);
    expect(await t.sys.db.selectFrom('users').select('id').where('username', 'in', ['qh-fl-01', 'qh-df-01', 'qh-leader']).execute()).toEqual([]);
  });

  it('a username on record with other grants is an error', async () => {
    await t.userWith('staff', flId, 'qh-taken');
    const r = await importUsers(t.sys, { orgId: rootId, filename: 'u.xlsx', content: await file([['qh-taken', '某人', null, '领导', 'QH']]) });
    expect(r.errors).toEqual([{ row: 2, column: '用户名*', message: '用户名“qh-taken”已被使用（现有账号的单位或角色与本行不同），请换一个用户名' }]);
  });
});
