import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildPerson, buildUnit } from './factories';
import { createPerson } from '../src/server/modules/people/people.service';
import { buildAssistance } from './ledger-factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Issue 12 item 9: 导出 on 人员管理 and 未帮扶人员, and ID numbers masked in every ledger/people export,
 * also for a holder of pii.read, unless they ask for 含完整身份证号 (fullIdNumbers=true): then in full
 * and audited as a reveal (read_pii); refused with 403 for anyone without pii.read. Filters and scope
 * as the list's; formulas neutralized. A county made from scratch, not the demo.
 */
let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let staffA: Headers;
let leaderA: Headers;
let staffB: Headers;
const idA = buildIdNumber({ birthDate: '1978-04-05', gender: '女' });
const idA2 = buildIdNumber({ birthDate: '1982-09-09', gender: '男' });
const idHelped = buildIdNumber({ birthDate: '1975-01-01', gender: '男' });
const idB = buildIdNumber({ birthDate: '1969-12-12', gender: '女' });
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

const get = (headers: Headers, url: string) => t.app.inject({ method: 'GET', url, headers });
async function sheet(headers: Headers, url: string) {
  const res = await get(headers, url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(String(res.headers['content-disposition'])).toMatch(/filename\*=UTF-8''%E/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const all = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  return { header: all[1], rows: all.slice(2), text: JSON.stringify(all), name: decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]) };
}
const reveals = async () => (await t.sys.db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'read_pii').where('entity', '=', 'export').execute());

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-07-01T02:00:00.000Z');
  const county = await buildUnit(t.sys, { code: 'px-county', name: '松原县总工会', kind: 'union' });
  townA = await buildUnit(t.sys, { code: 'px-a', name: '东岗镇工会', kind: 'union', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'px-a1', name: '东岗村工会', kind: 'grassroots_union', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'px-b', name: '西岭镇工会', kind: 'union', parentId: county.id });
  staffA = (await t.userWith('staff', townA.id)).headers;
  leaderA = (await t.userWith('leader', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  await buildPerson(t.sys, { orgId: villageA.id, name: '孙丽华', idNumber: idA, phone: '13811112222', address: '东岗村三组 5 号', categories: ['困难职工'] });
  await createPerson(t.sys, { orgId: villageA.id, name: '周晓燕', idNumber: idA2, categories: ['困难职工'], note: '=HYPERLINK("x")' });
  const helped = await buildPerson(t.sys, { orgId: townA.id, name: '钱国强', idNumber: idHelped, categories: ['困难职工'] });
  await buildPerson(t.sys, { orgId: townB.id, name: '李秀梅', idNumber: idB, categories: ['困难职工'] });
  await buildAssistance(t.sys, { orgId: townA.id, personId: helped.id, program: '送温暖', givenOn: '2026-01-20', note: '=1+1' });
});
afterAll(() => t.close());

describe('人员管理 export', () => {
  it('is masked by default for a holder of pii.read, honours the search, category and unit, and stays in scope', async () => {
    const before = (await reveals()).length;
    const all = await sheet(staffA, `/api/v1/people/export?orgId=${townA.id}`);
    expect(all.header.slice(0, 2)).toEqual(['姓名*', '身份证号*']);
    expect(all.rows.map((r) => r[0]).sort()).toEqual(['周晓燕', '孙丽华', '钱国强'].sort());
    expect(all.rows.find((r) => r[0] === '周晓燕')?.[9]).toBe(`'=HYPERLINK("x")`);
    expect(all.rows.find((r) => r[0] === '孙丽华')?.slice(1, 2)).toEqual([masked(idA)]);
    expect(all.text).not.toContain(idA);
    expect(all.text).not.toContain('13811112222');
    expect(all.text).not.toContain('李秀梅');
    expect(all.name).toBe('人员名册-东岗镇工会-2026-07-01导出.xlsx');
    const byName = await sheet(staffA, `/api/v1/people/export?q=${encodeURIComponent('丽')}`);
    expect(byName.rows.map((r) => r[0])).toEqual(['孙丽华']);
    const byId = await sheet(staffA, `/api/v1/people/export?q=${idHelped}`);
    expect(byId.rows.map((r) => r[0])).toEqual(['钱国强']);
    // the whole scope without a unit filter: still nothing of the other township
    const scope = await sheet(staffA, '/api/v1/people/export');
    expect(scope.rows).toHaveLength(3);
    expect((await get(staffA, `/api/v1/people/export?orgId=${townB.id}`)).statusCode).toBe(404);
    expect((await reveals()).length).toBe(before);
  });

  it('含完整身份证号 writes the ID numbers in full for pii.read, audited as a reveal; phones stay masked', async () => {
    const before = (await reveals()).length;
    const full = await sheet(staffA, `/api/v1/people/export?orgId=${townA.id}&category=${encodeURIComponent('困难职工')}&fullIdNumbers=true`);
    expect(full.rows.find((r) => r[0] === '孙丽华')?.[1]).toBe(idA);
    expect(full.text).not.toContain('13811112222');
    expect(full.text).not.toContain(idB);
    const after = await reveals();
    expect(after).toHaveLength(before + 1);
    const detail = JSON.parse(String(after[after.length - 1].detail)) as { fields: string[]; filter: Record<string, unknown> };
    expect(after[after.length - 1].entity_id).toBe('people');
    expect(detail).toMatchObject({ fields: ['idNumber'], filter: { orgId: townA.id, category: '困难职工' } });
  });

  it('refuses 含完整身份证号 with 403 in Chinese without pii.read; the masked export still works', async () => {
    const before = (await reveals()).length;
    const refused = await get(leaderA, `/api/v1/people/export?orgId=${townA.id}&fullIdNumbers=true`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('当前角色无权查看完整个人信息，不能导出完整身份证号；请取消“含完整身份证号”后导出');
    const ok = await sheet(leaderA, `/api/v1/people/export?orgId=${townA.id}`);
    expect(ok.rows.find((r) => r[0] === '孙丽华')?.[1]).toBe(masked(idA));
    expect((await reveals()).length).toBe(before);
  });
});

describe('ledger exports', () => {
  it('mask ID numbers by default also for pii.read; 含完整身份证号 reveals and audits; formulas neutralized', async () => {
    const url = `/api/v1/assistance/export?orgId=${townA.id}&from=2026-01-01&to=2026-12-31`;
    const before = (await reveals()).length;
    const m = await sheet(staffA, url);
    expect(m.rows.map((r) => r[1])).toEqual([masked(idHelped)]);
    expect(m.rows[0][9]).toBe(`'=1+1`);
    expect((await reveals()).length).toBe(before);
    const f = await sheet(staffA, `${url}&fullIdNumbers=true`);
    expect(f.rows.map((r) => r[1])).toEqual([idHelped]);
    expect(f.rows[0][9]).toBe(`'=1+1`);
    expect((await reveals()).length).toBe(before + 1);
    expect((await get(leaderA, `${url}&fullIdNumbers=true`)).statusCode).toBe(403);
    expect((await get(staffB, `${url}&fullIdNumbers=true`)).statusCode).toBe(404);
  });
});

describe('未帮扶人员 export', () => {
  const base = `/api/v1/checks/unassisted/export?category=${encodeURIComponent('困难职工')}&year=2026`;
  it('holds the list under its filters and scope, masked by default', async () => {
    const list = (await get(staffA, `/api/v1/checks/unassisted?category=${encodeURIComponent('困难职工')}&year=2026&pageSize=200`)).json() as { total: number; items: { name: string }[] };
    const x = await sheet(staffA, base);
    expect(x.header).toEqual(['姓名', '身份证号', '性别', '出生日期', '手机号', '人员类别', '年度']);
    expect(x.rows).toHaveLength(list.total);
    expect(x.rows.map((r) => r[0]).sort()).toEqual(['周晓燕', '孙丽华'].sort());
    expect(x.rows.find((r) => r[0] === '孙丽华')?.slice(1, 5)).toEqual([masked(idA), '女', '1978-04-05', '138****2222']);
    expect(x.text).not.toContain('钱国强'); // helped this year
    expect(x.text).not.toContain('李秀梅'); // another township
    expect(x.name).toBe('未帮扶人员名单-困难职工-东岗镇工会-2026年.xlsx');
    const b = await sheet(staffB, base);
    expect(b.rows.map((r) => r[0])).toEqual(['李秀梅']);
    expect((await get(staffB, `${base}&orgId=${villageA.id}`)).statusCode).toBe(404);
  });

  it('含完整身份证号: in full and audited for pii.read, 403 without it', async () => {
    const before = (await reveals()).length;
    const f = await sheet(staffA, `${base}&orgId=${villageA.id}&fullIdNumbers=true`);
    expect(f.rows.find((r) => r[0] === '孙丽华')?.[1]).toBe(idA);
    expect(f.text).not.toContain('13811112222');
    const after = await reveals();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1].entity_id).toBe('unassisted');
    const refused = await get(leaderA, `${base}&fullIdNumbers=true`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('不能导出完整身份证号');
    expect((await reveals()).length).toBe(before + 1);
  });
});
