import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../test/factories';
import { buildActivity } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
const count = async (table: 'activities' | 'activity_partners' | 'audit_log') =>
  Number((await t.sys.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  await buildUnit(t.sys, { code: 'dup-1', name: '同名单位', parentId: county.id });
  await buildUnit(t.sys, { code: 'dup-2', name: '同名单位', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
});
afterAll(() => t.close());

describe('activities ledger', () => {
  it('creates an activity with partners linked by unit name, outcomes and target groups, and audits it', async () => {
    const res = await req(staffA, 'POST', '/api/v1/activities', {
      name: '巾帼家政培训', type: '培训', startOn: '2026-03-08', endOn: '2026-03-10', place: '花园镇文化站', sessions: 3, participants: 150,
      targetGroups: ['农村妇女', '留守妇女'], partners: ['红旗镇妇联', '同名单位', '县人社局'], outcomes: [{ name: '签订就业合同', value: 40, unit: '份' }],
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      orgId: townA.id, orgName: '花园镇妇联', sessions: 3, participants: 150, targetGroups: ['农村妇女', '留守妇女'],
      partners: [{ name: '红旗镇妇联', orgId: townB.id }, { name: '同名单位', orgId: null }, { name: '县人社局', orgId: null }],
      outcomes: [{ name: '签订就业合同', value: 40, unit: '份' }], deletedAt: null,
    });
    const stored = await t.sys.db.selectFrom('activities').select('target_groups').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.target_groups).toBe('农村妇女、留守妇女');
    const audit = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'activity').where('entity_id', '=', a.id).execute();
    expect(audit.map((x) => x.action)).toEqual(['create']);
    expect((await req(staffA, 'GET', `/api/v1/activities/${a.id}`)).json()).toEqual({ ...a, batch: null }); // the detail names its import batch (none here)
  });

  it.each([
    ['missing name', { name: undefined }, 'name', '活动名称应为文字'],
    ['bad date', { startOn: '2026-02-30' }, 'startOn', '开始日期应为有效日期（如 2025-03-08）'],
    ['end before start', { endOn: '2026-01-01' }, 'endOn', '结束日期不能早于开始日期'],
    ['negative participants', { participants: -1 }, 'participants', '参与人次不能为负数'],
    ['type not in any catalogue', { type: '踏青' }, 'type', '活动类型“踏青”不在目录中，请先在活动类型目录中添加'],
  ])('refuses %s with 400 naming the field in Chinese, writing nothing', async (_label, patch, path, message) => {
    const before = [await count('activities'), await count('audit_log')];
    const res = await req(staffA, 'POST', '/api/v1/activities', { name: '坏数据', type: '宣讲', startOn: '2026-02-01', participants: 10, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path, message });
    expect([await count('activities'), await count('audit_log')]).toEqual(before);
  });

  it("accepts a unit's own type for it and its subtree, not for another township", async () => {
    expect((await req(staffA, 'POST', '/api/v1/catalogs/activity_type', { name: '巾帼讲堂' })).statusCode).toBe(201);
    const ok = await req(staffA, 'POST', '/api/v1/activities', { name: '讲堂第一期', type: '巾帼讲堂', startOn: '2026-04-01', participants: 20, orgId: villageA.id });
    expect(ok.statusCode).toBe(201);
    const no = await req(staffB, 'POST', '/api/v1/activities', { name: '讲堂', type: '巾帼讲堂', startOn: '2026-04-01', participants: 20 });
    expect(no.statusCode).toBe(400);
    expect(no.json().error.details[0].path).toBe('type');
  });

  it('refuses a second live record with the same natural key (409), and frees the key on soft delete', async () => {
    const body = { name: '三八节宣讲', type: '宣讲', startOn: '2026-03-08', participants: 80 };
    const first = await req(staffA, 'POST', '/api/v1/activities', body);
    expect(first.statusCode).toBe(201);
    const again = await req(staffA, 'POST', '/api/v1/activities', { ...body, participants: 81 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('已有相同记录（活动“三八节宣讲”，宣讲，2026-03-08）');
    expect(again.json().error.details).toContainEqual({ path: 'existingId', message: first.json().id });
    // the same activity of another organizer is another record
    expect((await req(staffA, 'POST', '/api/v1/activities', { ...body, orgId: villageA.id })).statusCode).toBe(201);

    expect((await req(staffA, 'DELETE', `/api/v1/activities/${first.json().id}`, {})).statusCode).toBe(400);
    expect((await req(staffA, 'DELETE', `/api/v1/activities/${first.json().id}`, { reason: '  ' })).json().error.details).toContainEqual({ path: 'reason', message: '删除原因为必填项' });
    expect((await req(staffA, 'DELETE', `/api/v1/activities/${first.json().id}`, { reason: '重复录入' })).statusCode).toBe(204);
    const list = (await req(staffA, 'GET', `/api/v1/activities?q=${encodeURIComponent('三八节')}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(first.json().id);
    const withDeleted = (await req(staffA, 'GET', `/api/v1/activities?q=${encodeURIComponent('三八节')}&includeDeleted=true`)).json();
    expect(withDeleted.items.find((x: { id: string }) => x.id === first.json().id)).toMatchObject({ deleteReason: '重复录入' });
    expect((await req(staffA, 'PATCH', `/api/v1/activities/${first.json().id}`, { participants: 1 })).statusCode).toBe(404);
    expect((await req(staffA, 'POST', '/api/v1/activities', body)).statusCode).toBe(201);
  });

  it('filters by type, period, keyword and subtree, and pages', async () => {
    for (const [i, startOn] of ['2025-12-20', '2026-01-05', '2026-07-01'].entries()) await buildActivity(t.sys, { orgId: villageA.id, name: `村级文体${i}`, type: '文体', startOn });
    await buildActivity(t.sys, { orgId: townB.id, name: '红旗文体', type: '文体', startOn: '2026-01-06' });
    const get = async (qs: string, h = staffA) => (await req(h, 'GET', `/api/v1/activities?${qs}`)).json();
    expect((await get(`type=${encodeURIComponent('文体')}`)).total).toBe(3);
    expect((await get(`type=${encodeURIComponent('文体')}&from=2026-01-01&to=2026-06-30`)).items.map((a: { name: string }) => a.name)).toEqual(['村级文体1']);
    expect((await get(`orgId=${villageA.id}&type=${encodeURIComponent('文体')}&pageSize=2`)).items).toHaveLength(2);
    expect((await get(`orgId=${villageA.id}&type=${encodeURIComponent('文体')}&pageSize=2&page=2`)).items).toHaveLength(1);
    const countyViewer = await t.userWith('viewer', county.id, 'county-viewer');
    expect((await get(`type=${encodeURIComponent('文体')}`, countyViewer.headers)).total).toBe(4);
    expect((await req(staffA, 'GET', `/api/v1/activities?from=2026-13-01`)).statusCode).toBe(400);
  });

  it('updates a record with the merged rules, relinking partners', async () => {
    const a = await buildActivity(t.sys, { orgId: townA.id, name: '改前', partners: ['县人社局'] });
    const res = await req(staffA, 'PATCH', `/api/v1/activities/${a.id}`, { name: '改后', partners: ['红旗镇妇联'], endOn: '2026-03-09' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '改后', partners: [{ name: '红旗镇妇联', orgId: townB.id }], endOn: '2026-03-09', participants: 30 });
    const bad = await req(staffA, 'PATCH', `/api/v1/activities/${a.id}`, { endOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({ path: 'endOn', message: '结束日期不能早于开始日期' });
  });

  it("answers 404 for another township's activity and refuses its unit", async () => {
    const a = await buildActivity(t.sys, { orgId: townA.id, name: '花园镇内部活动' });
    expect((await req(staffB, 'GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'PATCH', `/api/v1/activities/${a.id}`, { participants: 1 })).statusCode).toBe(404);
    expect((await req(staffB, 'DELETE', `/api/v1/activities/${a.id}`, { reason: '越权' })).statusCode).toBe(404);
    expect((await req(staffB, 'GET', `/api/v1/activities?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'GET', '/api/v1/activities?pageSize=200')).json().items.map((x: { orgId: string }) => x.orgId)).not.toContain(townA.id);
    const sneak = await req(staffB, 'POST', '/api/v1/activities', { name: '越权', type: '培训', startOn: '2026-03-01', participants: 1, orgId: townA.id });
    expect(sneak.statusCode).toBe(404);
  });
});
