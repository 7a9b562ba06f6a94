import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { computeMetric, listMetricRecords } from '../metrics/metrics.service';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let gangA: { id: string };
let staffA: Headers;
let staffB: Headers;
const people: Record<string, string> = {};

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
async function pair(headers: Headers, body: object) {
  const res = await req(headers, 'POST', '/api/v1/pairings', {
    helperKind: 'person', helperRole: '爱心妈妈', helpedKind: 'person', helpedRole: '留守儿童', commitmentKind: '电话', everyMonths: 1, startedOn: '2026-03-01', ...body,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; state: string; nextDueOn: string; helpedName: string };
}
const visit = (headers: Headers, id: string, body: object) => req(headers, 'POST', `/api/v1/pairings/${id}/visits`, { kind: '走访', ...body });
const value = async (code: string, org: string, from: string, to: string) => (await computeMetric(t.sys, { code, org, from, to })).value;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-15T02:00:00.000Z');
  county = await buildUnit(t.sys, { code: 'pr-county', name: '县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'pr-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'pr-a1', name: '甲村妇联', kind: 'womens_branch', parentId: townA.id });
  gangA = await buildUnit(t.sys, { code: 'pr-gang', name: '甲镇卫生院巾帼文明岗', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'pr-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  people.mother = (await buildPerson(t.sys, { orgId: villageA.id, name: '张桂兰', gender: '女', birthDate: '1975-04-02' })).id;
  people.child = (await buildPerson(t.sys, { orgId: villageA.id, name: '王小明', birthDate: '2016-05-01' })).id;
  people.girl = (await buildPerson(t.sys, { orgId: villageA.id, name: '李春花', gender: '女', birthDate: '2012-09-09' })).id;
  people.single = (await buildPerson(t.sys, { orgId: townA.id, name: '赵秀英', gender: '女', birthDate: '1988-01-01' })).id;
  people.other = (await buildPerson(t.sys, { orgId: townB.id, name: '钱多多', birthDate: '1980-01-01' })).id;
});
afterAll(() => t.close());

describe('pairings', () => {
  it('pairs a helper with a child, masks the child in lists, logs visits and moves the due day', async () => {
    const p = await pair(staffA, { orgId: villageA.id, helperPersonId: people.mother, helpedPersonId: people.child, startedOn: '2026-05-25' });
    expect(p).toMatchObject({ state: 'on_track', nextDueOn: '2026-06-25', helpedName: '王**' });
    const detail = (await req(staffA, 'GET', `/api/v1/pairings/${p.id}`)).json();
    expect(detail).toMatchObject({ helperName: '张桂兰', helpedName: '王小明', commitmentLabel: '每月一次电话', visits: [] });
    const v = await visit(staffA, p.id, { visitedOn: '2026-06-12', kind: '电话', note: '学习情况良好' });
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ lastVisitOn: '2026-06-12', nextDueOn: '2026-07-12', state: 'on_track', visits: [{ visitedOn: '2026-06-12', kind: '电话', visitedBy: '张桂兰' }] });
    expect((await visit(staffA, p.id, { visitedOn: '2026-06-16' })).json().error.message).toBe('联系日期不能晚于今天');
    expect((await visit(staffA, p.id, { visitedOn: '2026-05-01' })).statusCode).toBe(400);
  });

  it('refuses people, households and units outside the scope (404) and incomplete sides (400)', async () => {
    const outside = await req(staffA, 'POST', '/api/v1/pairings', { helperKind: 'person', helperPersonId: people.other, helperRole: '党员', helpedKind: 'person', helpedPersonId: people.child, helpedRole: '留守儿童', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-01' });
    expect(outside.statusCode).toBe(404);
    const missing = await req(staffA, 'POST', '/api/v1/pairings', { helperKind: 'unit', helperRole: '巾帼文明岗', helpedKind: 'person', helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-03-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toContainEqual({ path: 'helperOrgId', message: '请选择帮扶单位' });
    expect((await req(staffB, 'GET', '/api/v1/pairings?orgId=' + townA.id)).statusCode).toBe(404);
  });

  it('lists lapsed commitments by the clock and ends a pairing with a reason', async () => {
    const unit = await pair(staffA, { orgId: townA.id, helperKind: 'unit', helperOrgId: gangA.id, helperRole: '巾帼文明岗', helpedPersonId: people.single, helpedRole: '单亲困难母亲', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-02-01' });
    // due 2026-05-01, no visit: lapsed on 2026-06-15
    expect(unit).toMatchObject({ state: 'lapsed', nextDueOn: '2026-05-01' });
    const girl = await pair(staffA, { orgId: villageA.id, helperPersonId: people.single, helperRole: '党员', helpedPersonId: people.girl, helpedRole: '春蕾女童', commitmentKind: '走访', everyMonths: 1, startedOn: '2026-05-20' });
    const lapsed = (await req(staffA, 'GET', '/api/v1/pairings?lapsed=true')).json();
    expect(lapsed.items.map((i: { id: string }) => i.id)).toEqual([unit.id]);
    expect(lapsed.items[0]).toMatchObject({ daysOverdue: 45, stateLabel: '已超期 45 天未联系', helperName: '甲镇卫生院巾帼文明岗' });
    expect((await req(staffA, 'GET', '/api/v1/pairings')).json()).toMatchObject({ total: 3, lapsedTotal: 1 });
    // a week later the girl's monthly call (due 06-20) is overdue too
    t.clock.set('2026-06-22T02:00:00.000Z');
    staffA.authorization = (await t.userWith('staff', townA.id)).headers.authorization;
    expect((await req(staffA, 'GET', '/api/v1/pairings?state=lapsed')).json().items.map((i: { id: string }) => i.id)).toEqual([unit.id, girl.id]);
    await visit(staffA, unit.id, { visitedOn: '2026-06-20' });
    expect((await req(staffA, 'GET', '/api/v1/pairings?lapsed=true')).json().items.map((i: { id: string }) => i.id)).toEqual([girl.id]);
    expect((await req(staffA, 'PATCH', `/api/v1/pairings/${girl.id}`, { endedOn: '2026-06-21' })).json().error.details).toContainEqual({ path: 'endReason', message: '结束结对须填写原因' });
    const ended = await req(staffA, 'PATCH', `/api/v1/pairings/${girl.id}`, { endedOn: '2026-06-21', endReason: '随父母迁往外省' });
    expect(ended.json()).toMatchObject({ state: 'ended', endReason: '随父母迁往外省' });
    expect((await req(staffA, 'GET', '/api/v1/pairings?lapsed=true')).json().total).toBe(0);
    expect((await req(staffA, 'PATCH', `/api/v1/pairings/${girl.id}`, { everyMonths: 2 })).statusCode).toBe(422);
    const audit = await t.sys.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'pairing').where('entity_id', '=', girl.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'end']);
  });

  it('counts pairings formed, active at the period end and visits exactly', async () => {
    // formed in March–May 2026: the unit pairing (02-01) is outside; child (05-25) and girl (05-20) inside
    expect(await value('pairings.count', 'pr-a', '2026-03-01', '2026-05-31')).toBe(2);
    expect(await value('pairings.count', 'pr-a', '2026-01-01', '2026-12-31')).toBe(3);
    expect(await value('pairings.count', 'pr-a1', '2026-01-01', '2026-12-31')).toBe(2);
    expect(await value('pairings.count{helped=春蕾女童}', 'pr-county', '2026-01-01', '2026-12-31')).toBe(1);
    expect(await value('pairings.count', 'pr-b', '2026-01-01', '2026-12-31')).toBe(0);
    // active at 06-20: all three; at 06-30: the girl's ended on 06-21
    expect(await value('pairings.active', 'pr-county', '2026-01-01', '2026-06-20')).toBe(3);
    expect(await value('pairings.active', 'pr-county', '2026-01-01', '2026-06-30')).toBe(2);
    expect(await value('pairings.active', 'pr-county', '2026-01-01', '2026-04-30')).toBe(1);
    expect(await value('pairings.visits', 'pr-county', '2026-06-01', '2026-06-30')).toBe(2);
    expect(await value('pairings.visits', 'pr-county', '2026-06-13', '2026-06-30')).toBe(1);
    expect(await value('pairings.visits{helper=巾帼文明岗}', 'pr-a', '2026-01-01', '2026-12-31')).toBe(1);
    const records = await listMetricRecords(t.sys, { code: 'pairings.active', org: 'pr-county', from: '2026-01-01', to: '2026-06-30' });
    expect(records.total).toBe(2);
    expect(JSON.stringify(records)).not.toContain('王小明');
    expect((await computeMetric(t.sys, { code: 'pairings.count', org: 'pr-county', from: '2026-01-01', to: '2026-12-31' })).unit).toBe('对');
  });
});
