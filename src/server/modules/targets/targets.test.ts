import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

// clock: 2026-06-15 10:00 in Asia/Shanghai (day 166 of 365: 序时进度 45.48%)
let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let countyStaff: Headers;
let staffA: Headers;
let staffB: Headers;
let viewer: Headers;

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });

beforeAll(async () => {
  t = await createTestApp();
  county = await buildUnit(t.sys, { code: 'fl', name: '林甸县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'fl-a', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'fl-a-v1', name: '花园村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'fl-b', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
  countyStaff = (await t.userWith('staff', county.id)).headers;
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  viewer = (await t.userWith('viewer', county.id)).headers;
  const pa = await buildPerson(t.sys, { orgId: villageA.id });
  const pb = await buildPerson(t.sys, { orgId: townB.id });
  const pc = await buildPerson(t.sys, { orgId: county.id });
  await buildLoan(t.sys, { orgId: villageA.id, personId: pa.id, principalWan: 30, disbursedOn: '2026-02-01' });
  await buildLoan(t.sys, { orgId: townB.id, personId: pb.id, principalWan: 12.5, disbursedOn: '2026-03-01' });
  await buildLoan(t.sys, { orgId: county.id, personId: pc.id, principalWan: 7.5, disbursedOn: '2026-04-01' });
  await buildLoan(t.sys, { orgId: county.id, personId: pc.id, principalWan: 99, disbursedOn: '2025-12-31' }); // last year: never counts
});
afterAll(() => t.close());

describe('targets: create, read, validate', () => {
  it('creates a target with a canonical metric and a default title, computes its actual live', async () => {
    const res = await req(countyStaff, 'POST', '/api/v1/targets', { orgCode: 'fl', year: 2026, metric: 'loans.amount', value: 100 });
    expect(res.statusCode).toBe(201);
    const target = res.json();
    expect(target).toMatchObject({
      orgId: county.id, orgName: '林甸县妇联', year: 2026, metric: 'loans.amount', unit: '万元', comparison: 'at_least', value: 100, title: '放款金额不少于100万元',
      period: { from: '2026-01-01', to: '2026-06-15' }, actual: 50, progress: 50, expectedProgress: 45.48, status: 'on_track', children: [], rollup: null,
    });
    expect((await req(viewer, 'GET', `/api/v1/targets/${target.id}`)).json()).toEqual(target);
    const list = (await req(viewer, 'GET', '/api/v1/targets?year=2026')).json();
    expect(list).toMatchObject({ year: 2026, asOf: '2026-06-15', expectedProgress: 45.48 });
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    expect((await req(viewer, 'GET', '/api/v1/targets?year=2027')).json().items).toEqual([]);
    expect((await req(viewer, 'GET', '/api/v1/targets')).json().year).toBe(2026);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', target.id).execute();
    expect(audit).toEqual([{ action: 'create', entity: 'target' }]);
    // the same unit, year and metric twice: 409
    expect((await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.amount', value: 200 })).statusCode).toBe(409);
  });

  it('folds full-width input into the canonical reference and stores exact decimals', async () => {
    const res = await req(staffA, 'POST', '/api/v1/targets', { year: 2026, metric: 'activities.sessions｛type=宣讲｜培训｝', value: 12.3456, title: '全年举办培训、宣讲12场次' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ orgId: townA.id, metric: 'activities.sessions{type=宣讲|培训}', value: 12.3456, title: '全年举办培训、宣讲12场次' });
    const row = await t.database.db.selectFrom('targets').select('target_value').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.target_value).toBe('12.3456');
  });

  it.each([
    ['an unknown metric', { metric: 'loans.amout' }, '未知的指标代码“loans.amout”'],
    ['an unknown filter', { metric: 'loans.amount{program=春蕾计划}' }, '指标 loans.amount 没有筛选条件“program”（可用：status、bank）'],
    ['a missing required filter', { metric: 'orgs.rate' }, '指标 orgs.rate 必须指定筛选条件“designation”（命名/荣誉）'],
  ])('refuses %s with 400 naming it', async (_l, patch, message) => {
    const res = await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, value: 1, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(patch.metric);
    expect(res.json().error.details).toEqual([{ path: 'metric', message }]);
  });

  it.each([
    ['a bad comparison', { comparison: 'about' }, 'comparison'],
    ['five decimals', { value: 1.23456 }, 'value'],
    ['a negative value', { value: -1 }, 'value'],
    ['a fractional year', { year: 2026.5 }, 'year'],
  ])('refuses %s with 400', async (_l, patch, path) => {
    const res = await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.count', value: 1, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('lets viewers read but not write; patches value, title and note', async () => {
    expect((await req(viewer, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.count', value: 5 })).statusCode).toBe(403);
    const created = (await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.count', value: 5 })).json();
    const patched = await req(countyStaff, 'PATCH', `/api/v1/targets/${created.id}`, { value: 3, title: '放款3笔', note: '年中调整' });
    expect(patched.json()).toMatchObject({ value: 3, title: '放款3笔', note: '年中调整', actual: 3, progress: 100, status: 'met' });
    expect((await req(countyStaff, 'PATCH', `/api/v1/targets/${created.id}`, { metric: 'loans.nothing' })).statusCode).toBe(400);
    expect((await req(countyStaff, 'PATCH', `/api/v1/targets/${created.id}`, { metric: 'loans.amount' })).statusCode).toBe(409);
    expect((await req(viewer, 'PATCH', `/api/v1/targets/${created.id}`, { value: 1 })).statusCode).toBe(403);
  });
});

describe('targets: split (分解下达), roll-up, scope, delete', () => {
  it('splits among subordinate units, states the difference and rolls the parts up', async () => {
    const parent = (await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.amount{bank=农业银行}', value: 100, title: '力争发放贷款100万元' })).json();
    const res = await req(countyStaff, 'POST', `/api/v1/targets/${parent.id}/split`, { parts: [{ orgId: townA.id, value: 60 }, { orgId: 'fl-b', value: 30 }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ partsTotal: 90, difference: 10, message: '分解合计 90万元，比目标少 10万元' });
    expect(body.target).toMatchObject({ actual: 50, rollup: { childrenActual: 42.5, childrenValue: 90, difference: 10 } });
    const [a, b] = body.target.children;
    expect(a).toMatchObject({ orgId: townA.id, parentId: parent.id, value: 60, actual: 30, progress: 50, status: 'on_track', title: '放款金额（农业银行）不少于60万元' });
    expect(b).toMatchObject({ orgId: townB.id, value: 30, actual: 12.5, progress: 41.67, status: 'on_track' });
    // splitting the same unit again adjusts its part; a deeper unit is fine too
    const again = (await req(countyStaff, 'POST', `/api/v1/targets/${parent.id}/split`, { parts: [{ orgId: townB.id, value: 45 }, { orgId: villageA.id, value: 5 }] })).json();
    expect(again).toMatchObject({ partsTotal: 110, difference: -10, message: '分解合计 110万元，比目标多 10万元' });
    expect(again.target.children).toHaveLength(3);
    // the parent's actual is its own metric over its subtree (the county's own loan included), not the parts' sum
    expect((await req(viewer, 'GET', '/api/v1/targets?year=2026')).json().items.find((i: { id: string }) => i.id === parent.id)).toMatchObject({ actual: 50, rollup: { childrenActual: 72.5 } });
    // a township user sees the parts in its subtree at the top level (their parent is out of its scope)
    const listA = (await req(staffA, 'GET', '/api/v1/targets?year=2026')).json().items;
    const parts = listA.filter((i: { parentId: string }) => i.parentId === parent.id);
    expect(parts.map((i: { orgId: string; value: number }) => [i.orgId, i.value])).toEqual([[townA.id, 60], [villageA.id, 5]]);
    expect(listA.map((i: { orgId: string }) => i.orgId)).not.toContain(county.id);
    // the metric of a split target cannot change
    expect((await req(countyStaff, 'PATCH', `/api/v1/targets/${parent.id}`, { comparison: 'at_most' })).statusCode).toBe(422);
  });

  it('refuses parts outside the subtree, the unit itself, and duplicates', async () => {
    const parent = (await req(staffA, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.borrowers', value: 10 })).json();
    const split = (parts: object[]) => req(staffA, 'POST', `/api/v1/targets/${parent.id}/split`, { parts });
    expect((await split([{ orgId: townB.id, value: 1 }])).statusCode).toBe(404);
    const self = await split([{ orgId: townA.id, value: 1 }]);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details).toEqual([{ path: 'parts.0.orgId', message: '不是目标所属组织的下级组织' }]);
    expect((await split([{ orgId: villageA.id, value: 1 }, { orgId: 'fl-a-v1', value: 2 }])).statusCode).toBe(400);
    expect((await split([])).statusCode).toBe(400);
  });

  it('answers 404 for another township’s target on every route', async () => {
    const target = (await req(staffA, 'POST', '/api/v1/targets', { year: 2026, metric: 'loans.subsidy', value: 1000 })).json();
    expect((await req(staffB, 'GET', `/api/v1/targets/${target.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'PATCH', `/api/v1/targets/${target.id}`, { value: 1 })).statusCode).toBe(404);
    expect((await req(staffB, 'DELETE', `/api/v1/targets/${target.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'POST', `/api/v1/targets/${target.id}/split`, { parts: [{ orgId: townB.id, value: 1 }] })).statusCode).toBe(404);
    expect((await req(staffB, 'GET', `/api/v1/targets?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await req(staffB, 'POST', '/api/v1/targets', { orgId: townA.id, year: 2026, metric: 'loans.count', value: 1 })).statusCode).toBe(404);
    expect((await req(staffB, 'GET', '/api/v1/targets?year=2026')).json().items.map((i: { orgId: string }) => i.orgId)).not.toContain(townA.id);
  });

  it('soft-deletes a target with its parts; the rows stay and the key is free again', async () => {
    const parent = (await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'assistance.count', value: 20 })).json();
    await req(countyStaff, 'POST', `/api/v1/targets/${parent.id}/split`, { parts: [{ orgId: townA.id, value: 10 }] });
    expect((await req(staffA, 'DELETE', `/api/v1/targets/${parent.id}`)).statusCode).toBe(404);
    expect((await req(countyStaff, 'DELETE', `/api/v1/targets/${parent.id}`)).statusCode).toBe(204);
    expect((await req(countyStaff, 'GET', `/api/v1/targets/${parent.id}`)).statusCode).toBe(404);
    expect((await req(countyStaff, 'DELETE', `/api/v1/targets/${parent.id}`)).statusCode).toBe(404);
    const rows = await t.database.db.selectFrom('targets').select(['id', 'deleted_at']).where((eb) => eb.or([eb('id', '=', parent.id), eb('parent_id', '=', parent.id)])).execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.deleted_at !== null)).toBe(true);
    const listed = (await req(countyStaff, 'GET', '/api/v1/targets?year=2026')).json().items.flatMap((i: { id: string; children: { id: string }[] }) => [i.id, ...i.children.map((c) => c.id)]);
    expect(listed).not.toContain(parent.id);
    expect((await req(countyStaff, 'POST', '/api/v1/targets', { year: 2026, metric: 'assistance.count', value: 25 })).statusCode).toBe(201);
  });
});
