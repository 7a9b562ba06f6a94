import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from '../../../../test/factories';
import { multipartBody, sheetBuffer } from '../imports/imports.fixtures';
import { createTestApp, type TestApp, testClock } from '../../../../test/test-app';
import type { Dashboard } from './dashboard.service';

// A small county: 县委 → 县总工会 (→ 甲镇工会 → 甲村工会), 县妇联, 县科协. Records are entered through the
// API and an Excel import while the injected clock moves; completeness goes by each record's own date
// (not when it was typed in) and must list exactly the bodies with no record in the month.
const clock = testClock('2026-11-15T02:00:00.000Z');
let t: TestApp;
let admin: { authorization: string };
const u: Record<string, { id: string; code: string }> = {};

async function dashboard(): Promise<Dashboard> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard?org=${u.county.id}`, headers: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}
const missing = (m: { missing: { code: string }[] }) => m.missing.map((x) => x.code).sort();

async function post(url: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers: admin, payload });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  u.county = await buildUnit(t.sys, { code: 'CP-XW', name: '某县委', kind: 'party_committee' });
  u.union = await buildUnit(t.sys, { code: 'CP-ZGH', name: '某县总工会', kind: 'union', parentId: u.county.id });
  u.town = await buildUnit(t.sys, { code: 'CP-ZGH-T1', name: '甲镇工会', kind: 'union', parentId: u.union.id });
  u.village = await buildUnit(t.sys, { code: 'CP-ZGH-T1-V1', name: '甲村工会', kind: 'grassroots_union', parentId: u.town.id });
  u.women = await buildUnit(t.sys, { code: 'CP-FL', name: '某县妇联', kind: 'womens_federation', parentId: u.county.id });
  u.science = await buildUnit(t.sys, { code: 'CP-KX', name: '某县科协', kind: 'science_association', parentId: u.county.id });
  admin = (await t.userWith('sysadmin', null, 'cp-admin')).headers;
});
afterAll(() => t.close());

describe('reporting completeness', () => {
  it('lists every body while nothing has been entered', async () => {
    const d = await dashboard();
    expect(d.completeness.thisMonth.month).toBe('2026-11');
    expect(d.completeness.units.map((x) => x.code).sort()).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(missing(d.completeness.lastMonth)).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
  });

  it('a unit leaves the list once it has a record dated in the month; a village’s record counts for its township body', async () => {
    await post('/api/v1/activities', { name: '女职工培训', type: '培训', startOn: '2026-11-03', participants: 30, orgId: u.women.id });
    let d = await dashboard();
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(d.completeness.units.find((x) => x.code === 'CP-FL')).toMatchObject({ thisMonth: 1, lastMonth: 0 });
    // entered today, dated in October: it fills October (last month), not November
    await post('/api/v1/contracts', { enterprise: '甲村合作社', type: '综合', signedOn: '2026-10-20', workers: 12, orgId: u.village.id });
    d = await dashboard();
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(missing(d.completeness.lastMonth)).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH']);
    expect(d.completeness.units.find((x) => x.code === 'CP-ZGH-T1')).toMatchObject({ thisMonth: 0, lastMonth: 1 });
    // entered today, dated in March: neither month
    await post('/api/v1/activities', { name: '春季宣讲', type: '宣讲', startOn: '2026-03-08', participants: 20, orgId: u.union.id });
    d = await dashboard();
    expect(d.completeness.units.find((x) => x.code === 'CP-ZGH')).toMatchObject({ thisMonth: 0, lastMonth: 0 });
  });

  it('an Excel import of last month’s records, made today, fills last month', async () => {
    const people = [buildIdNumber(), buildIdNumber()];
    const sheet = await sheetBuffer(
      [
        ['姓名', '身份证号', '帮扶项目', '金额', '日期'],
        ['王秀英', people[0], '送温暖', 500, '2026-10-12'],
        ['李桂兰', people[1], '送温暖', 300, '2026-10-28'],
      ],
      { textColumns: [2] },
    );
    const body = multipartBody(sheet, '十月帮扶台账.xlsx');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${u.union.id}`, payload: body.payload, headers: { ...admin, ...body.headers } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2 });
    const d = await dashboard();
    expect(d.completeness.units.find((x) => x.code === 'CP-ZGH')).toMatchObject({ thisMonth: 0, lastMonth: 2 });
    expect(missing(d.completeness.lastMonth)).toEqual(['CP-FL', 'CP-KX']);
  });

  it('a loan application without 放款日期 counts in the month it was entered', async () => {
    const person = await buildPerson(t.sys, { orgId: u.women.id, gender: '女' });
    await post('/api/v1/loans', { personId: person.id, principalWan: 5, status: '申请中', orgId: u.women.id });
    const d = await dashboard();
    expect(d.completeness.units.find((x) => x.code === 'CP-FL')).toMatchObject({ thisMonth: 2, lastMonth: 0 });
  });

  it('next month, this month is empty again and last month shows who has records (months in Asia/Shanghai)', async () => {
    // 2026-11-30T17:00Z is 2026-12-01 01:00 in Shanghai: already December
    clock.set('2026-11-30T17:00:00.000Z');
    admin = (await t.userWith('sysadmin', null, 'cp-admin-december')).headers; // sessions do not last two weeks
    let d = await dashboard();
    expect(d.completeness.thisMonth).toMatchObject({ month: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(missing(d.completeness.lastMonth)).toEqual(['CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
    await post('/api/v1/activities', { name: '科普进村', type: '宣讲', startOn: '2026-12-01', participants: 50, orgId: u.science.id });
    d = await dashboard();
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-FL', 'CP-ZGH', 'CP-ZGH-T1']);
    expect(d.completeness.units.find((x) => x.code === 'CP-KX')).toMatchObject({ thisMonth: 1, lastMonth: 0 });
  });

  it('a deleted record no longer counts', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/activities?orgId=${u.science.id}`, headers: admin });
    const id = (list.json() as { items: { id: string }[] }).items[0].id;
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/activities/${id}`, headers: admin, payload: { reason: '重复录入' } });
    expect(del.statusCode, del.body).toBeLessThan(300);
    const d = await dashboard();
    expect(missing(d.completeness.thisMonth)).toEqual(['CP-FL', 'CP-KX', 'CP-ZGH', 'CP-ZGH-T1']);
  });
});
