import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { multipartBody, readBack, sheetBuffer } from '../imports/imports.fixtures';

let t: TestApp;
let admin: { headers: { authorization: string } };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWith('sysadmin', null, 'first-admin');
});
afterAll(() => t.close());

const upload = async (kind: 'orgs' | 'users', orgId: string, rows: unknown[][], headers: { authorization: string }, dryRun = false, suffix = '') => {
  const body = multipartBody(await sheetBuffer(rows as never), `${kind}.xlsx`);
  return t.app.inject({ method: 'POST', url: `/api/v1/setup/imports/${kind}${suffix}?orgId=${orgId}&dryRun=${dryRun}`, payload: body.payload, headers: { ...headers, ...body.headers } });
};

describe('first set-up of a county without the demo', () => {
  let rootId = '';

  it('says the tree is empty and who may set it up', async () => {
    const res = await t.app.inject({ url: '/api/v1/setup', headers: admin.headers });
    expect(res.json()).toEqual({ empty: true, canSetUp: true });
    expect((await t.app.inject({ url: '/api/v1/setup' })).statusCode).toBe(401);
  });

  it('refuses a bad county in Chinese, naming the fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: admin.headers, payload: { countyName: 'Qinghe', divisionCode: '231200', codePrefix: '1Q', bodies: ['union'] } });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['codePrefix', 'countyName', 'divisionCode']);
    expect(details.find((d) => d.path === 'divisionCode')?.message).toBe('末两位为 00 的是地市级代码，请填写本县（区）的代码');
  });

  it('creates the county committee and the chosen bodies, once', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: admin.headers, payload: { countyName: '青禾县', divisionCode: '231225', codePrefix: 'qh', bodies: ['union', 'youth_league', 'womens_federation', 'science_association'] } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    rootId = body.root.id;
    expect(body.root).toMatchObject({ code: 'QH', name: '青禾县委', kind: 'party_committee', level: 'county', divisionCode: '231225' });
    expect(body.bodies.map((b: { code: string; name: string }) => [b.code, b.name])).toEqual([
      ['QH-ZGH', '青禾县总工会'],
      ['QH-TW', '共青团青禾县委'],
      ['QH-FL', '青禾县妇联'],
      ['QH-KX', '青禾县科协'],
    ]);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: admin.headers, payload: { countyName: '青禾县', divisionCode: '231225', codePrefix: 'QX', bodies: [] } });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/v1/setup', headers: admin.headers })).json()).toEqual({ empty: false, canSetUp: true });
  });

  it('imports the tree through the wizard: check, errors sheet, import; only with rights over the root', async () => {
    const rows = [
      ['上级单位编码', '单位编码', '单位名称', '单位类型', '行政区划代码'],
      ['QH-FL-T01', null, '幸福村妇联', '村妇联', '231225100201'],
      ['QH-FL', 'QH-FL-T01', '东风镇妇联', '乡镇妇联', '231225100'],
    ];
    const dry = await upload('orgs', rootId, rows, admin.headers, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'orgs', rows: 2, accepted: 2, created: 2, batchId: null, errors: [], credentialsId: null });
    const bad = [...rows, ['QH-NONE', null, '某村妇联', '村妇联', '440301']];
    const errs = await upload('orgs', rootId, bad, admin.headers, true, '/errors.xlsx');
    expect(errs.statusCode).toBe(200);
    const book = await readBack(errs.rawPayload);
    expect(String(book.rows[3][5])).toContain('上级单位编码：上级单位编码“QH-NONE”在本文件和“青禾县委”下都找不到');
    expect(String(book.rows[3][5])).toContain('行政区划代码：行政区划代码 440301 属于广东省');

    const tw = await t.app.inject({ url: '/api/v1/orgs?q=QH-TW', headers: admin.headers });
    const other = await t.userWith('org_admin', tw.json().items[0].id as string, 'qh-tw-admin');
    expect((await upload('orgs', rootId, rows, other.headers)).statusCode).toBe(404);

    const done = await upload('orgs', rootId, rows, admin.headers);
    expect(done.json()).toMatchObject({ accepted: 2, created: 2 });
    expect(done.json().batchId).toEqual(expect.any(String));
    // the set-up wizard names the batch by its number, as the imports pages do
    expect(done.json().batchNumber).toMatch(/^\d{4}-\d{4}$/);
    const batches = await t.app.inject({ url: '/api/v1/imports/batches', headers: admin.headers });
    expect(batches.json().items[0]).toMatchObject({ kind: 'orgs', accepted: 2, orgName: '青禾县委' });
  });

  it('imports users: the passwords sheet is downloaded once, by the importer only', async () => {
    const res = await upload('users', rootId, [['用户名', '姓名', '角色', '单位名称'], ['qh-xf', '李娜', '工作人员', '幸福村妇联']], admin.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'users', accepted: 1, created: 1 });
    expect(JSON.stringify(body)).not.toMatch(/password/i);
    const other = await t.userWith('sysadmin', null, 'second-admin');
    expect((await t.app.inject({ url: `/api/v1/setup/credentials/${body.credentialsId as string}`, headers: other.headers })).statusCode).toBe(404);
    const sheet = await t.app.inject({ url: `/api/v1/setup/credentials/${body.credentialsId as string}`, headers: admin.headers });
    expect(sheet.statusCode).toBe(200);
    const rows = (await readBack(sheet.rawPayload)).rows;
    const password = String(rows[1][4]);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qh-xf', password } });
    expect(login.statusCode).toBe(200);
    const again = await t.app.inject({ url: `/api/v1/setup/credentials/${body.credentialsId as string}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/只能下载一次/);
  });

  it('serves both templates, which import cleanly as they are', async () => {
    for (const kind of ['orgs', 'users'] as const) {
      const res = await t.app.inject({ url: `/api/v1/setup/templates/${kind}`, headers: admin.headers });
      expect(res.statusCode).toBe(200);
      const book = await readBack(res.rawPayload);
      expect(book.rows[1][0]).toBe(kind === 'orgs' ? '上级单位编码' : '用户名*');
      const body = multipartBody(res.rawPayload, `${kind}.xlsx`);
      const check = await t.app.inject({ method: 'POST', url: `/api/v1/setup/imports/${kind}?orgId=${rootId}&dryRun=true`, payload: body.payload, headers: { ...admin.headers, ...body.headers } });
      expect(check.json().rows).toBeGreaterThan(0);
      expect(check.json().errors.filter((e: { message: string }) => /表头|必填列/.test(e.message))).toEqual([]);
    }
  });
});
