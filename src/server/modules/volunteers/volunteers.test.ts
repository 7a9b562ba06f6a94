import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;
let leaderA: Headers;
let ann: string;
let bo: string;
let outsider: string;

const req = (headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
async function ok(headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await req(headers, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await buildUnit(t.sys, { code: 'vo-county', name: '团县委', kind: 'youth_league' });
  townA = await buildUnit(t.sys, { code: 'vo-a', name: '甲镇团委', kind: 'youth_league', parentId: county.id });
  townB = await buildUnit(t.sys, { code: 'vo-b', name: '乙镇团委', kind: 'youth_league', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  leaderA = (await t.userWith('leader', townA.id)).headers;
  ann = (await buildPerson(t.sys, { orgId: townA.id, name: '孙晓燕', phone: '13800001111' })).id;
  bo = (await buildPerson(t.sys, { orgId: townA.id, name: '周博' })).id;
  outsider = (await buildPerson(t.sys, { orgId: townB.id, name: '吴乙' })).id;
});
afterAll(() => t.close());

describe('volunteer teams, services and hours', () => {
  it('keeps teams and members in scope, sums only confirmed hours exactly', async () => {
    const firefly = await ok(staffA, 'POST', '/api/v1/volunteer-teams', { name: '萤火虫志愿者服务队', description: '关爱留守儿童' });
    const rainbow = await ok(staffA, 'POST', '/api/v1/volunteer-teams', { name: '彩虹桥志愿者服务队' });
    expect((await req(staffA, 'POST', '/api/v1/volunteer-teams', { name: '萤火虫志愿者服务队' })).statusCode).toBe(409);
    expect((await req(staffB, 'POST', '/api/v1/volunteer-teams', { name: '越权', orgId: townA.id })).statusCode).toBe(404);
    await ok(staffA, 'POST', `/api/v1/volunteer-teams/${firefly.id}/members`, { personId: ann, joinedOn: '2026-01-05' });
    await ok(staffA, 'POST', `/api/v1/volunteer-teams/${firefly.id}/members`, { personId: bo });
    await ok(staffA, 'POST', `/api/v1/volunteer-teams/${rainbow.id}/members`, { personId: ann });
    expect((await req(staffA, 'POST', `/api/v1/volunteer-teams/${firefly.id}/members`, { personId: ann })).statusCode).toBe(409);
    expect((await req(staffA, 'POST', `/api/v1/volunteer-teams/${firefly.id}/members`, { personId: outsider })).statusCode).toBe(404);
    const members = await ok(staffA, 'GET', `/api/v1/volunteer-teams/${firefly.id}/members`);
    expect(members.items.map((m: { name: string; phone: string | null }) => [m.name, m.phone])).toEqual([['孙晓燕', '138****1111'], ['周博', null]]);

    const log = (teamId: string, personId: string, servedOn: string, hours: number, activity = '陪伴留守儿童') => ok(staffA, 'POST', '/api/v1/volunteer-services', { teamId, personId, servedOn, hours, activity });
    const s1 = await log(firefly.id, ann, '2026-03-08', 2.5);
    const s2 = await log(firefly.id, ann, '2026-04-12', 3);
    const s3 = await log(rainbow.id, ann, '2026-05-01', 1.5, '敬老院慰问');
    const s4 = await log(firefly.id, bo, '2026-05-02', 4);
    await log(firefly.id, ann, '2025-12-20', 2);
    expect(s1).toMatchObject({ status: 'pending', statusLabel: '待确认', hours: 2.5, teamName: '萤火虫志愿者服务队', personName: '孙晓燕' });
    const bad = await req(staffA, 'POST', '/api/v1/volunteer-services', { teamId: firefly.id, personId: ann, servedOn: '2026-03-09', hours: 1.25, activity: 'x' });
    expect(bad.json().error.details).toContainEqual({ path: 'hours', message: '服务时长应大于 0、不超过 24 小时，精确到 0.1 小时' });
    expect((await req(staffA, 'POST', '/api/v1/volunteer-services', { teamId: rainbow.id, personId: bo, servedOn: '2026-03-09', hours: 1, activity: 'x' })).json().error.details)
      .toContainEqual({ path: 'personId', message: '该人员不是本队队员，请先加入队伍' });

    for (const s of [s1, s2, s3, s4]) expect((await ok(staffA, 'POST', `/api/v1/volunteer-services/${s.id}/confirm`)).status).toBe('confirmed');
    expect((await req(staffA, 'POST', `/api/v1/volunteer-services/${s1.id}/confirm`)).statusCode).toBe(422);
    expect((await req(leaderA, 'POST', `/api/v1/volunteer-services/${s1.id}/confirm`)).statusCode).toBe(403);
    expect((await req(staffB, 'POST', `/api/v1/volunteer-services/${s1.id}/confirm`)).statusCode).toBe(404);

    const hours = await ok(staffA, 'GET', `/api/v1/people/${ann}/volunteer-hours`);
    expect(hours).toMatchObject({ confirmedHours: 7, pendingHours: 2 });
    expect(hours.byTeamYear).toEqual([
      { year: 2026, teamId: rainbow.id, teamName: '彩虹桥志愿者服务队', confirmedHours: 1.5, pendingHours: 0, records: 1 },
      { year: 2026, teamId: firefly.id, teamName: '萤火虫志愿者服务队', confirmedHours: 5.5, pendingHours: 0, records: 2 },
      { year: 2025, teamId: firefly.id, teamName: '萤火虫志愿者服务队', confirmedHours: 0, pendingHours: 2, records: 1 },
    ]);
    expect((await ok(staffA, 'GET', `/api/v1/people/${ann}/volunteer-hours?year=2025`))).toMatchObject({ confirmedHours: 0, pendingHours: 2 });
    expect((await req(staffB, 'GET', `/api/v1/people/${ann}/volunteer-hours`)).statusCode).toBe(404);

    const teams = await ok(leaderA, 'GET', '/api/v1/volunteer-teams');
    expect(teams.items.map((x: { name: string; memberCount: number; confirmedHours: number }) => [x.name, x.memberCount, x.confirmedHours])).toEqual([
      ['彩虹桥志愿者服务队', 1, 1.5],
      ['萤火虫志愿者服务队', 2, 9.5],
    ]);
    const list = await ok(staffA, 'GET', `/api/v1/volunteer-services?teamId=${firefly.id}&from=2026-01-01`);
    expect(list).toMatchObject({ total: 3, confirmedHours: 9.5 });
    expect((await ok(staffB, 'GET', '/api/v1/volunteer-services')).total).toBe(0);
    const audit = await t.sys.db.selectFrom('audit_log').select('action').where('entity', '=', 'volunteer_service').where('entity_id', '=', s1.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'confirm']);
  });
});
