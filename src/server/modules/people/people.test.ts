import { readFileSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';

let t: TestApp;
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
type Headers = { authorization: string };
let staffA: Headers;
let staffB: Headers;

// 140727 19800101 123 4: a valid GB 11643 number (male, born 1980-01-01)
const wangId = '140727198001011234';
const wangPhone = '13812341234';

const post = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/people', headers, payload });
const get = (headers: Headers, url: string) => t.app.inject({ url, headers });
const count = async (table: 'people' | 'person_orgs' | 'audit_log') =>
  Number((await t.sys.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县委', kind: 'party_committee' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
});
afterAll(() => t.close());

describe('registering people', () => {
  it('derives birth date and gender from the ID number and shows masked values', async () => {
    const res = await post(staffA, { name: '王建国', idNumber: wangId, phone: wangPhone, address: '黑龙江省林甸县花园镇花园村三组', orgCode: 'village-a', categories: ['党员'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '王建国', birthDate: '1980-01-01', gender: '男', idNumber: '140727********1234', phone: '138****1234',
      address: '黑龙江省林甸******', masked: true, linked: false, orgId: villageA.id, orgName: '花园村妇联', categories: ['党员'],
    });
    const audit = await t.sys.db.selectFrom('audit_log').selectAll().where('entity', '=', 'person').where('entity_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0].detail).toContain('140727********1234');
  });

  it.each([
    ['bad check digit', { idNumber: '140727198001011235' }, 'idNumber', '身份证号校验位不正确，请核对'],
    ['15-digit number', { idNumber: '140727800101123' }, 'idNumber', '15 位旧身份证号请换成 18 位号码'],
    ['birth date after today', { idNumber: makeIdNumber('230623', '2026-06-16', 5, '女') }, 'idNumber', '身份证号中的出生日期晚于今天'],
    ['bad phone', { idNumber: buildIdNumber(), phone: '1381234' }, 'phone', '手机号应为以 13–19 开头的 11 位数字'],
    ['unknown category', { idNumber: buildIdNumber(), categories: ['外星人'] }, 'categories', '人员类别“外星人”未定义，请先在人员类别中添加'],
    ['missing name', { idNumber: buildIdNumber(), name: undefined }, 'name', '姓名为必填项'],
  ])('refuses a %s with 400 naming the field in Chinese, writing nothing', async (_label, patch, path, message) => {
    const before = [await count('people'), await count('audit_log')];
    const res = await post(staffA, { name: '李秀英', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details).toContainEqual({ path, message });
    expect([await count('people'), await count('audit_log')]).toEqual(before);
  });

  it('links the same ID and name from another unit instead of creating a second record', async () => {
    const first = (await get(staffA, `/api/v1/people?q=${wangId}`)).json().items[0];
    const res = await post(staffB, { name: '王建国', idNumber: wangId, categories: ['志愿者'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.id, linked: true, orgId: townB.id, orgs: [{ id: townB.id, name: '红旗镇妇联' }] });
    expect(res.json().categories.sort()).toEqual(['党员', '志愿者'].sort());
    const rows = await t.sys.db.selectFrom('people').select('id').where('id_index', '=', t.crypto.blindIndex(wangId)).execute();
    expect(rows).toHaveLength(1);
    for (const h of [staffA, staffB]) expect((await get(h, `/api/v1/people?q=${wangId}`)).json().total).toBe(1);
    const again = await post(staffB, { name: '王建国', idNumber: wangId });
    expect(again.json()).toMatchObject({ linked: true, outcome: 'unchanged' });
  });

  it('refuses the same ID under another name with 409 and writes nothing', async () => {
    const before = [await count('people'), await count('person_orgs'), await count('audit_log')];
    const res = await post(staffB, { name: '王建军', idNumber: wangId, categories: ['青年'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'CONFLICT', message: '姓名与身份证号不一致', details: [{ path: 'name', message: '姓名与身份证号不一致' }] });
    expect([await count('people'), await count('person_orgs'), await count('audit_log')]).toEqual(before);
  });
});

describe('listing and searching', () => {
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) await buildPerson(t.sys, { orgId: villageA.id, name: `赵留守${'一二三四五'[i]}`, categories: ['留守儿童'] });
    for (let i = 0; i < 3; i++) await buildPerson(t.sys, { orgId: townA.id, name: `钱百分${'甲乙丙'[i]}` });
    await buildPerson(t.sys, { orgId: townB.id, name: '孙红旗', categories: ['留守儿童'] });
  });

  it('masks every list row and searches by name fragment and by full ID', async () => {
    const byName = (await get(staffA, `/api/v1/people?q=${encodeURIComponent('王建')}`)).json();
    expect(byName.items).toEqual([
      expect.objectContaining({ name: '王建国', idNumber: '140727********1234', phone: '138****1234', gender: '男', birthDate: '1980-01-01' }),
    ]);
    expect(JSON.stringify(byName)).not.toContain(wangId);
    const spaced = (await get(staffA, `/api/v1/people?q=${encodeURIComponent('140727 19800101 1234')}`)).json();
    expect(spaced.items.map((p: { name: string }) => p.name)).toEqual(['王建国']);
    // LIKE wildcards in the search text match themselves
    expect((await get(staffA, `/api/v1/people?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    expect((await get(staffA, `/api/v1/people?q=${encodeURIComponent('_')}`)).json().total).toBe(0);
  });

  it('filters by category and by a unit subtree, and pages with totals', async () => {
    const kids = (await get(staffA, `/api/v1/people?category=${encodeURIComponent('留守儿童')}&pageSize=2`)).json();
    expect(kids.total).toBe(5);
    expect(kids.items).toHaveLength(2);
    const page3 = (await get(staffA, `/api/v1/people?category=${encodeURIComponent('留守儿童')}&pageSize=2&page=3`)).json();
    expect(page3.items).toHaveLength(1);
    const village = (await get(staffA, `/api/v1/people?orgId=${villageA.id}&pageSize=200`)).json();
    expect(village.total).toBe(6); // 王建国 + 5 children
    const town = (await get(staffA, `/api/v1/people?orgId=${townA.id}`)).json();
    expect(town.total).toBe(9);
    expect((await get(staffA, `/api/v1/people?orgId=${townB.id}`)).statusCode).toBe(404);
    expect((await get(staffA, '/api/v1/people?pageSize=500')).statusCode).toBe(400);
    const all = (await get((await t.userWith('leader', county.id)).headers, '/api/v1/people?pageSize=200')).json();
    expect(all.total).toBe(10);
    const names = all.items.map((p: { name: string }) => p.name);
    expect(new Set(names).size).toBe(10);
  });

  it('shows another township nothing of town A', async () => {
    const list = (await get(staffB, '/api/v1/people?pageSize=200')).json();
    expect(list.items.map((p: { name: string }) => p.name).sort()).toEqual(['孙红旗', '王建国'].sort());
    const child = (await get(staffA, `/api/v1/people?q=${encodeURIComponent('赵留守一')}`)).json().items[0];
    expect((await get(staffB, `/api/v1/people/${child.id}`)).statusCode).toBe(404);
    expect((await get(staffB, `/api/v1/people/${child.id}?reveal=true`)).statusCode).toBe(404);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${child.id}`, headers: staffB, payload: { note: 'x' } });
    expect(patch.statusCode).toBe(404);
    // 王建国 is known to both towns; town B sees only its own unit among his units
    const wang = (await get(staffB, `/api/v1/people?q=${wangId}`)).json().items[0];
    expect(wang).toMatchObject({ orgId: townB.id, orgName: '红旗镇妇联' });
    expect((await get(staffB, `/api/v1/people/${wang.id}`)).json().orgs).toEqual([{ id: townB.id, name: '红旗镇妇联' }]);
  });
});

describe('detail, reveal and edits', () => {
  let wang: { id: string };
  beforeAll(async () => {
    wang = (await get(staffA, `/api/v1/people?q=${wangId}`)).json().items[0];
  });

  it('reveal needs pii.read: viewers and leaders get 403, staff see it and the view is audited', async () => {
    for (const role of ['viewer', 'leader'] as const) {
      const h = (await t.userWith(role, townA.id)).headers;
      expect((await get(h, `/api/v1/people/${wang.id}`)).json()).toMatchObject({ masked: true, idNumber: '140727********1234' });
      const res = await get(h, `/api/v1/people/${wang.id}?reveal=true`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('当前角色无权查看完整个人信息');
    }
    const before = await count('audit_log');
    const res = await get(staffA, `/api/v1/people/${wang.id}?reveal=true`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ masked: false, idNumber: wangId, phone: wangPhone, address: '黑龙江省林甸县花园镇花园村三组' });
    expect(await count('audit_log')).toBe(before + 1);
    const entry = await t.sys.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'read_pii', entity: 'person', entity_id: wang.id, org_id: villageA.id });
  });

  it('edits a person, refuses a changed ID number, and audits the change', async () => {
    const url = `/api/v1/people/${wang.id}`;
    const idChange = await t.app.inject({ method: 'PATCH', url, headers: staffA, payload: { idNumber: buildIdNumber() } });
    expect(idChange.statusCode).toBe(400);
    expect(idChange.json().error.details).toEqual([{ path: 'idNumber', message: '身份证号不可修改，如有错误请联系管理员' }]);
    const badPhone = await t.app.inject({ method: 'PATCH', url, headers: staffA, payload: { phone: '12345' } });
    expect(badPhone.json().error.details[0].path).toBe('phone');
    const ok = await t.app.inject({ method: 'PATCH', url, headers: staffA, payload: { phone: '0459-4621234', categories: ['党员', '青年'], note: '村委委员' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0459****1234', note: '村委委员', idNumber: '140727********1234' });
    expect(ok.json().categories.sort()).toEqual(['党员', '青年'].sort());
    const entry = await t.sys.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('update');
    expect(JSON.parse(entry.detail).fields).toEqual(['phone', 'categories', 'note']);
    expect((await t.app.inject({ method: 'PATCH', url, headers: staffA, payload: { orgId: townB.id } })).statusCode).toBe(404);
    const moved = await t.app.inject({ method: 'PATCH', url, headers: staffA, payload: { orgId: townA.id } });
    expect(moved.json()).toMatchObject({ orgId: townA.id, orgName: '花园镇妇联' });
  });
});

describe('categories', () => {
  it('lists the built-in categories, adds one, refuses a duplicate and a viewer', async () => {
    const list = (await get(staffA, '/api/v1/categories')).json().items;
    expect(list[0]).toEqual({ name: '困难职工', builtin: true });
    const add = await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: staffA, payload: { name: '新就业形态劳动者' } });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toEqual({ name: '新就业形态劳动者', builtin: false });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: staffB, payload: { name: '新就业形态劳动者' } });
    expect(dup.statusCode).toBe(409);
    const viewer = (await t.userWith('viewer', townA.id)).headers;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: viewer, payload: { name: '其他人' } })).statusCode).toBe(403);
    const person = await post(staffA, { name: '周骑手', idNumber: buildIdNumber(), categories: ['新就业形态劳动者'] });
    expect(person.statusCode).toBe(201);
  });
});

describe('concurrent registration', () => {
  it('ends with one record when two units register the same person at the same moment', async () => {
    const idNumber = buildIdNumber();
    const [a, b] = await Promise.all([post(staffA, { name: '吴海燕', idNumber }), post(staffB, { name: '吴海燕', idNumber })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const links = await t.sys.db.selectFrom('person_orgs').select('org_id').where('person_id', '=', a.json().id).execute();
    expect(links.map((l) => l.org_id).sort()).toEqual([townA.id, townB.id].sort());
  });
});

describe('API description', () => {
  it('documents every people, category and household route', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/people', '/api/v1/people/{id}', '/api/v1/categories', '/api/v1/households', '/api/v1/households/{id}/members/{personId}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/people'].post.requestBody.content['application/json'].schema.required).toEqual(['name', 'idNumber']);
  });
});

describe('personal data at rest', () => {
  it('stores no plain ID number or phone anywhere in the database', async () => {
    const text = async () => {
      const tables = ['people', 'audit_log', 'person_orgs', 'person_categories', 'households'] as const;
      const dumps = await Promise.all(tables.map((tb) => t.sys.db.selectFrom(tb).selectAll().execute()));
      return JSON.stringify(dumps);
    };
    const dump = await text();
    expect(dump).toContain('140727********1234');
    expect(dump).not.toContain(wangId);
    expect(dump).not.toContain(wangPhone);
    expect(dump).not.toContain('0459-4621234');
    if (t.config.database.kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.sys.db);
      const file = t.config.database.file;
      for (const f of [file, `${file}-wal`]) {
        if (!existsSync(f)) continue;
        const raw = readFileSync(f).toString('latin1');
        expect(raw).not.toContain(wangId);
        expect(raw).not.toContain(wangPhone);
        expect(raw).not.toContain('04594621234');
      }
      expect(readFileSync(file).toString('latin1')).toContain('140727********1234');
    }
  });
});
