import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit } from '../../../../test/factories';
import { buildAssistance } from '../../../../test/ledger-factories';
import { createTestApp, type TestApp } from '../../../../test/test-app';

let t: TestApp;
type Headers = { authorization: string };
let county: { id: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let staffB: Headers;
let countyStaff: Headers;

const get = async (h: Headers, url: string) => t.app.inject({ url, headers: h });

beforeAll(async () => {
  t = await createTestApp(); // today is 2026-06-15 (Asia/Shanghai)
  county = await buildUnit(t.sys, { code: 'county', name: '林甸县总工会', kind: 'union' });
  townA = await buildUnit(t.sys, { code: 'town-a', name: '花园镇工会', kind: 'union', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'village-a', name: '花园村工会', kind: 'grassroots_union', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'town-b', name: '红旗镇工会', kind: 'union', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  countyStaff = (await t.userWith('staff', county.id)).headers;
});
afterAll(() => t.close());

describe('重复帮扶预警', () => {
  it('lists people helped under the same program in the period by two or more units', async () => {
    const twice = await buildPerson(t.sys, { orgId: villageA.id, name: '王重复' });
    await buildAssistance(t.sys, { orgId: villageA.id, personId: twice.id, program: '送温暖', amountYuan: 500, givenOn: '2026-01-10' });
    await buildAssistance(t.sys, { orgId: townB.id, personId: twice.id, program: '送温暖', amountYuan: 800, givenOn: '2026-01-25' });
    await buildAssistance(t.sys, { orgId: townB.id, personId: twice.id, program: '助学', amountYuan: 800, givenOn: '2026-01-25' }); // one unit only
    const lastYear = await buildPerson(t.sys, { orgId: villageA.id, name: '李去年' });
    await buildAssistance(t.sys, { orgId: villageA.id, personId: lastYear.id, program: '送温暖', givenOn: '2025-01-10' });
    await buildAssistance(t.sys, { orgId: townB.id, personId: lastYear.id, program: '送温暖', givenOn: '2026-01-10' });
    const sameUnit = await buildPerson(t.sys, { orgId: villageA.id, name: '赵同单位' });
    await buildAssistance(t.sys, { orgId: villageA.id, personId: sameUnit.id, program: '送温暖', givenOn: '2026-01-10' });
    await buildAssistance(t.sys, { orgId: villageA.id, personId: sameUnit.id, program: '送温暖', givenOn: '2026-02-10' });

    const res = await get(staffA, '/api/v1/checks/duplicate-assistance');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, from: '2026-01-01', to: '2026-12-31' });
    const item = res.json().items[0];
    expect(item).toMatchObject({ personId: twice.id, personName: '王重复', program: '送温暖' });
    expect(item.personIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(item.records.map((r: { orgName: string; amountFen: number }) => [r.orgName, r.amountFen])).toEqual([['花园村工会', 50000], ['红旗镇工会', 80000]]);
    // both units see the pair; the two-year window catches 李去年 too
    expect((await get(staffB, '/api/v1/checks/duplicate-assistance')).json().total).toBe(1);
    expect((await get(countyStaff, '/api/v1/checks/duplicate-assistance?from=2025-01-01&to=2026-12-31')).json().total).toBe(2);
    expect((await get(countyStaff, `/api/v1/checks/duplicate-assistance?program=${encodeURIComponent('助学')}`)).json().total).toBe(0);
    expect((await get(staffA, `/api/v1/checks/duplicate-assistance?orgId=${villageA.id}`)).json().total).toBe(1);
    expect((await get(staffA, `/api/v1/checks/duplicate-assistance?orgId=${townB.id}`)).statusCode).toBe(404);
    // the export holds one row per record of each flagged pair, people masked
    const xlsx = await get(staffA, '/api/v1/checks/duplicate-assistance/export');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[1]).toEqual(['姓名', '身份证号', '帮扶项目', '帮扶单位', '日期', '金额(元)']);
    expect(rows.slice(2).map((r) => [r[0], r[3], r[5]])).toEqual([['王重复', '花园村工会', 500], ['王重复', '红旗镇工会', 800]]);
    expect(String(rows[2][1])).toMatch(/\*{8}/);
    // a soft-deleted record no longer counts
    await t.sys.db.updateTable('assistance').set({ deleted_at: '2026-06-01T00:00:00.000Z', delete_reason: '撤销导入批次' }).where('org_id', '=', townB.id).where('program', '=', '送温暖').execute();
    expect((await get(countyStaff, '/api/v1/checks/duplicate-assistance')).json().total).toBe(0);
  });
});

describe('未帮扶', () => {
  it('lists people of the category known to the subtree with no assistance in the year', async () => {
    const helped = await buildPerson(t.sys, { orgId: villageA.id, name: '钱已帮', categories: ['困难职工'] });
    const notYet = await buildPerson(t.sys, { orgId: villageA.id, name: '孙未帮', categories: ['困难职工'] });
    const viaHousehold = await buildPerson(t.sys, { orgId: townA.id, name: '周户帮', categories: ['困难职工'] });
    await buildPerson(t.sys, { orgId: townB.id, name: '吴红旗', categories: ['困难职工'] });
    await buildPerson(t.sys, { orgId: townA.id, name: '郑党员', categories: ['党员'] });
    await buildAssistance(t.sys, { orgId: townB.id, personId: helped.id, program: '送温暖', givenOn: '2026-02-01' }); // by any unit
    await buildAssistance(t.sys, { orgId: villageA.id, personId: notYet.id, program: '送温暖', givenOn: '2025-12-31' }); // last year
    const house = await t.app.inject({ method: 'POST', url: '/api/v1/households', headers: staffA, payload: { name: '周家', orgId: townA.id, headPersonId: viaHousehold.id } });
    await t.app.inject({ method: 'POST', url: '/api/v1/assistance', headers: staffA, payload: { householdId: house.json().id, program: '送温暖', form: '物资', goods: '棉被', givenOn: '2026-01-15' } });

    const cat = encodeURIComponent('困难职工');
    const res = (await get(staffA, `/api/v1/checks/unassisted?category=${cat}`)).json();
    expect(res).toMatchObject({ total: 1, year: 2026, category: '困难职工' });
    expect(res.items[0]).toMatchObject({ personId: notYet.id, name: '孙未帮' });
    expect(res.items[0].idNumber).toContain('********');
    const lastYear = (await get(staffA, `/api/v1/checks/unassisted?category=${cat}&year=2025`)).json();
    expect(lastYear.items.map((p: { name: string }) => p.name).sort()).toEqual(['周户帮', '钱已帮'].sort());
    expect((await get(countyStaff, `/api/v1/checks/unassisted?category=${cat}`)).json().total).toBe(2);
    expect((await get(staffA, `/api/v1/checks/unassisted?category=${cat}&orgId=${villageA.id}`)).json().total).toBe(1);
    expect((await get(staffA, `/api/v1/checks/unassisted?category=${cat}&orgId=${townB.id}`)).statusCode).toBe(404);
    const missing = await get(staffA, '/api/v1/checks/unassisted');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'category', message: '请选择人员类别' });
  });
});
