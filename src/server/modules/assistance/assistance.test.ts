import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { buildAssistance } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { findDuplicateAssistance } from './assistance.service';

let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const count = async (table: 'assistance' | 'people' | 'audit_log') =>
  Number((await t.sys.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'county', name: '林甸县总工会', kind: 'union' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇工会', kind: 'union', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村工会', kind: 'grassroots_union', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇工会', kind: 'union', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
});
afterAll(() => t.close());

describe('assistance ledger', () => {
  const idNumber = buildIdNumber({ gender: '女' });

  it('registers the person named by ID number, stores 分, shows the masked ID, and finds the household', async () => {
    const before = await count('people');
    const res = await req(staffA, 'POST', '/api/v1/assistance', { name: '李桂兰', idNumber, program: '送温暖', form: '现金', amountYuan: '1,200.50', givenOn: '2026-01-20', funder: '爱心企业' });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ orgId: townA.id, orgName: '花园镇工会', personName: '李桂兰', amountFen: 120050, amountYuan: '1200.5', program: '送温暖', warnings: [] });
    expect(a.personIdNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(JSON.stringify(a)).not.toContain(idNumber);
    expect(await count('people')).toBe(before + 1);
    const row = await t.sys.db.selectFrom('assistance').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);

    const h = await req(staffA, 'POST', '/api/v1/households', { name: '李桂兰户', orgId: townA.id, headPersonId: a.personId });
    expect(h.statusCode).toBe(201);
    const goods = await req(staffA, 'POST', '/api/v1/assistance', { personId: a.personId, program: '送温暖', form: '物资', goods: '米面油', givenOn: '2026-01-21' });
    expect(goods.json()).toMatchObject({ householdId: h.json().id, amountFen: 0, goods: '米面油' });
  });

  it('refuses a person named by ID under another name with 409 and writes nothing', async () => {
    const before = [await count('assistance'), await count('people'), await count('audit_log')];
    const res = await req(staffB, 'POST', '/api/v1/assistance', { name: '李桂芳', idNumber, program: '送温暖', amountYuan: 300, givenOn: '2026-01-22' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: '姓名与身份证号不一致' });
    const fresh = await req(staffB, 'POST', '/api/v1/assistance', { name: '孙红', idNumber: buildIdNumber(), program: '不存在的项目', amountYuan: 300, givenOn: '2026-01-22' });
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().error.details).toContainEqual({ path: 'program', message: '帮扶项目“不存在的项目”不在目录中，请先在帮扶项目目录中添加' });
    expect([await count('assistance'), await count('people'), await count('audit_log')]).toEqual(before);
  });

  it.each([
    ['cash without amount', { amountYuan: undefined }, 'amountYuan', '现金帮扶须填写金额'],
    ['three decimals', { amountYuan: '10.005' }, 'amountYuan', '金额应为数字（单位元，最多两位小数）'],
    ['bad form', { form: '股票' }, 'form', '帮扶形式应为 现金、物资、服务、就业 之一'],
    ['no recipient', { name: undefined, idNumber: undefined }, 'idNumber', '请填写帮扶对象（身份证号或家庭）'],
  ])('refuses %s with 400 naming the field', async (_l, patch, path, message) => {
    const res = await req(staffA, 'POST', '/api/v1/assistance', { name: '周芳', idNumber: buildIdNumber(), program: '助学', amountYuan: 100, givenOn: '2026-02-01', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path, message });
  });

  it('warns of the same person helped under the same program by another unit this year, still writing the record', async () => {
    const p = await buildPerson(t.sys, { orgId: villageA.id, name: '王秀英' });
    const first = await buildAssistance(t.sys, { orgId: villageA.id, personId: p.id, program: '金秋助学', amountYuan: 2000, givenOn: '2026-08-20' });
    expect(first.warnings).toEqual([]);
    await buildAssistance(t.sys, { orgId: villageA.id, personId: p.id, program: '金秋助学', amountYuan: 1000, givenOn: '2025-08-20' }); // last year: not a duplicate
    const res = await req(staffB, 'POST', '/api/v1/assistance', { name: '王秀英', idNumber: await idOf(p.id), program: '金秋助学', amountYuan: 1500, givenOn: '2026-09-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual([
      { code: 'DUPLICATE_ASSISTANCE', message: '该对象今年已在花园村工会获得同一项目帮扶', others: [{ id: first.id, orgId: villageA.id, orgName: '花园村工会', givenOn: '2026-08-20', amountFen: 200000 }] },
    ]);
    expect((await req(staffB, 'GET', `/api/v1/assistance/${res.json().id}`)).statusCode).toBe(200);
    // the same unit again, or another program, is not a cross-unit duplicate
    const same = await buildAssistance(t.sys, { orgId: villageA.id, personId: p.id, program: '金秋助学', amountYuan: 100, givenOn: '2026-10-01' });
    expect(same.warnings[0].others.map((o) => o.orgId)).toEqual([townB.id]);
    const batch = await findDuplicateAssistance(t.sys, [
      { personId: p.id, program: '金秋助学', givenOn: '2026-12-01', orgId: townA.id },
      { personId: p.id, program: '送温暖', givenOn: '2026-12-01', orgId: townA.id },
      { personId: p.id, program: '金秋助学', givenOn: '2025-12-01', orgId: townB.id },
      { personId: null, program: '金秋助学', givenOn: '2026-12-01', orgId: townA.id },
    ]);
    expect(batch.map((b) => b.length)).toEqual([3, 0, 1, 0]);
  });

  it('refuses the same record twice (409) and filters lists by program, form, period, person ID and subtree', async () => {
    const p = await buildPerson(t.sys, { orgId: townA.id, name: '赵海燕' });
    const body = { personId: p.id, program: '一帮一', form: '现金', amountYuan: 800, givenOn: '2026-05-01' };
    expect((await req(staffA, 'POST', '/api/v1/assistance', body)).statusCode).toBe(201);
    const dup = await req(staffA, 'POST', '/api/v1/assistance', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/^已有相同记录（/);
    await buildAssistance(t.sys, { orgId: villageA.id, personId: p.id, program: '一帮一', form: '就业', amountYuan: 0, givenOn: '2026-06-01' });
    const get = async (qs: string) => (await req(staffA, 'GET', `/api/v1/assistance?${qs}`)).json();
    expect((await get(`program=${encodeURIComponent('一帮一')}`)).total).toBe(2);
    expect((await get(`program=${encodeURIComponent('一帮一')}&form=${encodeURIComponent('就业')}`)).total).toBe(1);
    expect((await get(`program=${encodeURIComponent('一帮一')}&from=2026-05-15&to=2026-12-31`)).total).toBe(1);
    expect((await get(`program=${encodeURIComponent('一帮一')}&orgId=${villageA.id}`)).total).toBe(1);
    expect((await get(`q=${await idOf(p.id)}`)).total).toBe(2);
    expect((await get(`q=${encodeURIComponent('赵海')}`)).total).toBe(2);
  });

  it("answers 404 for another township's records and people", async () => {
    const p = await buildPerson(t.sys, { orgId: townA.id });
    const a = await buildAssistance(t.sys, { orgId: townA.id, personId: p.id });
    expect((await req(staffB, 'GET', `/api/v1/assistance/${a.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'PATCH', `/api/v1/assistance/${a.id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await req(staffB, 'DELETE', `/api/v1/assistance/${a.id}`, { reason: '越权' })).statusCode).toBe(404);
    const sneak = await req(staffB, 'POST', '/api/v1/assistance', { personId: p.id, program: '送温暖', amountYuan: 1, givenOn: '2026-01-01' });
    expect(sneak.statusCode).toBe(404);
    expect(sneak.json().error.details).toContainEqual({ path: 'personId', message: '人员不存在或不在您的管辖范围内' });
    const patched = await req(staffA, 'PATCH', `/api/v1/assistance/${a.id}`, { amountYuan: 66.6 });
    expect(patched.json()).toMatchObject({ amountFen: 6660, personId: p.id });
    expect((await req(staffA, 'DELETE', `/api/v1/assistance/${a.id}`, { reason: '录错' })).statusCode).toBe(204);
    expect((await req(staffA, 'GET', `/api/v1/assistance?q=${await idOf(p.id)}`)).json().total).toBe(0);
  });
});

async function idOf(personId: string): Promise<string> {
  const row = await t.sys.db.selectFrom('people').select('id_cipher').where('id', '=', personId).executeTakeFirstOrThrow();
  return t.crypto.decrypt(row.id_cipher);
}
