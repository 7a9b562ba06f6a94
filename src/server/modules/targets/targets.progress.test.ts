import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildLoan } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import { seedDemoTargets } from './targets.seed';

// The injected clock moves through the year; instants are written in Asia/Shanghai (+08:00).
let t: TestApp;
let county: { id: string };
let user: { username: string; password: string };
let loanTarget: string;
let capTarget: string;

async function at(local: string) {
  t.clock.set(`${local}+08:00`);
  // sessions expire with the clock: log in again at the new time
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
  return { authorization: `Bearer ${res.json().token as string}` };
}
async function get(headers: object, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/targets/${id}`, headers: headers as Record<string, string> });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ clock: testClock('2029-03-01T02:00:00.000Z') });
  county = await buildUnit(t.sys, { code: 'LD-FL', name: '林甸县妇联', kind: 'womens_federation' });
  const town = await buildUnit(t.sys, { code: 'LD-FL-HY', name: '花园镇妇联', kind: 'womens_federation', parentId: county.id });
  user = await t.userWith('staff', county.id);
  const p = await buildPerson(t.sys, { orgId: town.id });
  for (const [on, wan] of [['2025-12-31', 500], ['2026-01-01', 10], ['2026-06-30', 30], ['2026-12-31', 40], ['2027-01-01', 700], ['2028-02-29', 20]] as const) {
    await buildLoan(t.sys, { orgId: town.id, personId: p.id, principalWan: wan, disbursedOn: on });
  }
  const h = await at('2025-11-01T09:00:00');
  const post = async (body: object) => (await t.app.inject({ method: 'POST', url: '/api/v1/targets', headers: h, payload: body })).json().id as string;
  loanTarget = await post({ year: 2026, metric: 'loans.amount', value: 80, title: '力争发放贷款80万元' });
  capTarget = await post({ year: 2026, metric: 'loans.count', comparison: 'at_most', value: 2, title: '贴息贷款不超过2笔' });
});
afterAll(() => t.close());

describe('progress against 序时进度 as the clock moves', () => {
  it('before the year: nothing counts yet, 序时进度 0', async () => {
    const h = await at('2025-12-31T23:59:00');
    expect(await get(h, loanTarget)).toMatchObject({ period: null, actual: 0, progress: 0, expectedProgress: 0, status: 'on_track' });
  });

  it('on Jan 1 the first day counts', async () => {
    const h = await at('2026-01-01T00:00:00');
    expect(await get(h, loanTarget)).toMatchObject({ period: { from: '2026-01-01', to: '2026-01-01' }, actual: 10, progress: 12.5, expectedProgress: 0.27, status: 'ahead' });
  });

  it('mid-year: on track, then behind as the days pass without records', async () => {
    let h = await at('2026-06-30T18:00:00'); // day 181: 49.59%
    expect(await get(h, loanTarget)).toMatchObject({ actual: 40, progress: 50, expectedProgress: 49.59, status: 'on_track' });
    h = await at('2026-08-15T10:00:00'); // day 227: 62.19%
    expect(await get(h, loanTarget)).toMatchObject({ actual: 40, progress: 50, expectedProgress: 62.19, status: 'behind' });
  });

  it('Dec 31: 100% expected, met once the year-end loan counts; next year the period stops at Dec 31', async () => {
    let h = await at('2026-12-31T20:00:00');
    expect(await get(h, loanTarget)).toMatchObject({ period: { to: '2026-12-31' }, actual: 80, progress: 100, expectedProgress: 100, status: 'met' });
    h = await at('2027-03-01T10:00:00');
    expect(await get(h, loanTarget)).toMatchObject({ period: { from: '2026-01-01', to: '2026-12-31' }, actual: 80, status: 'met' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/targets/${loanTarget}`, headers: h, payload: { value: 100 } });
    expect(await get(h, loanTarget)).toMatchObject({ actual: 80, progress: 80, expectedProgress: 100, status: 'missed' });
  });

  it('at_most: within the ceiling ahead of pace, behind above it, met or missed when the year ends', async () => {
    let h = await at('2026-01-01T08:00:00');
    expect(await get(h, capTarget)).toMatchObject({ actual: 1, progress: 50, status: 'behind' }); // half the ceiling used on day 1
    h = await at('2026-06-30T10:00:00');
    expect(await get(h, capTarget)).toMatchObject({ actual: 2, progress: 100, expectedProgress: 49.59, status: 'behind' });
    h = await at('2026-06-29T10:00:00');
    expect(await get(h, capTarget)).toMatchObject({ actual: 1, progress: 50, expectedProgress: 49.32, status: 'on_track' });
    h = await at('2026-12-31T10:00:00');
    expect(await get(h, capTarget)).toMatchObject({ actual: 3, progress: 150, status: 'behind' });
    h = await at('2027-01-01T10:00:00');
    expect(await get(h, capTarget)).toMatchObject({ actual: 3, status: 'missed' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/targets/${capTarget}`, headers: h, payload: { value: 3 } });
    expect(await get(h, capTarget)).toMatchObject({ actual: 3, progress: 100, status: 'met' });
  });

  it('leap year: Feb 29 is day 60 of 366, Dec 31 day 366', async () => {
    let h = await at('2028-02-29T12:00:00');
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/targets', headers: h, payload: { year: 2028, metric: 'loans.amount', value: 100 } })).json().id as string;
    expect(await get(h, id)).toMatchObject({ period: { to: '2028-02-29' }, actual: 20, progress: 20, expectedProgress: 16.39, status: 'on_track' });
    h = await at('2028-12-30T12:00:00');
    expect(await get(h, id)).toMatchObject({ expectedProgress: 99.73, status: 'behind' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/targets?year=2028', headers: h })).json();
    expect(list).toMatchObject({ year: 2028, asOf: '2028-12-30', expectedProgress: 99.73 });
  });
});

describe('seedDemoTargets', () => {
  it('creates this and next year’s work-plan targets once, splitting the loan target among the 乡镇妇联', async () => {
    await buildUnit(t.sys, { code: 'LD-DX', name: '林甸县委党校', kind: 'party_school' });
    await buildUnit(t.sys, { code: 'LD-ZGH', name: '林甸县总工会', kind: 'union' });
    await buildUnit(t.sys, { code: 'LD-FL-HQ', name: '红旗镇妇联', kind: 'womens_federation', parentId: county.id });
    t.clock.set('2030-06-01T02:00:00Z');
    expect(await seedDemoTargets(t.sys, 2030)).toEqual({ created: 14, split: 2 });
    expect(await seedDemoTargets(t.sys, 2030)).toEqual({ created: 0, split: 0 });
    const h = (await t.userWith('sysadmin', null)).headers;
    const next = (await t.app.inject({ method: 'GET', url: '/api/v1/targets?year=2031', headers: h })).json().items as { title: string; metric: string; value: number; orgId: string; children: { value: number }[] }[];
    expect(next.map((i) => i.title)).toContain('力争发放贷款8000万元');
    expect(next.find((i) => i.metric === 'orgs.rate{kind=grassroots_union,designation=工资集体协商}')).toMatchObject({ value: 90 });
    expect(next.find((i) => i.metric === 'activities.sessions{type=培训|宣讲}')).toMatchObject({ value: 52, title: '全年举办各类培训、宣讲52场次' });
    expect(next.find((i) => i.metric === 'loans.amount')?.children.map((c) => c.value)).toEqual([4000, 4000]);
  });
});
