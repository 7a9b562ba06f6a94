import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachPage } from '../src/server/http/xlsx-list';
import { donorToken } from '../src/server/modules/wishes/wishes.test-kit';
import { buildIdNumber, buildPerson, buildUnit } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * "Excel out" of the filtered lists (个案, 结对, 志愿服务, 微心愿): each workbook holds exactly the
 * list's rows under the same filters, masked as the list shows them, formulas neutralized, and
 * nothing of another township.
 */
let t: TestApp;
type Headers = { authorization: string };
let townA: { id: string };
let villageA: { id: string };
let townB: { id: string };
let cwA: Headers;
let staffA: Headers;
let staffB: Headers;
let cwB: Headers;
let leaderA: Headers;
let adultId: string;
let childId: string;
const idNumber = buildIdNumber({ gender: '女', birthDate: '1980-03-08' });
const phone = '13912340000';
const dvSecret = '丈夫多次殴打，已报警';

const req = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers, payload });
async function ok(headers: Headers, method: 'POST' | 'PATCH', url: string, payload: object) {
  const res = await req(headers, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The export's data rows (below the title and header rows), the header, the title and all text of the file. */
async function workbook(headers: Headers, url: string) {
  const res = await req(headers, 'GET', url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/filename\*=UTF-8''%E/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const all = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  return { title: String(all[0][0]), header: all[1], rows: all.slice(2), text: JSON.stringify(all), frozen: ws.views[0], bold: ws.getRow(2).font?.bold };
}
const total = async (headers: Headers, url: string) => {
  const res = await req(headers, 'GET', url);
  expect(res.statusCode).toBe(200);
  return res.json().total as number;
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-15T02:00:00.000Z');
  const county = await buildUnit(t.sys, { code: 'lx-county', name: '县妇联', kind: 'womens_federation' });
  townA = await buildUnit(t.sys, { code: 'lx-a', name: '甲镇妇联', kind: 'womens_federation', parentId: county.id });
  villageA = await buildUnit(t.sys, { code: 'lx-a1', name: '甲村妇联', kind: 'womens_branch', parentId: townA.id });
  townB = await buildUnit(t.sys, { code: 'lx-b', name: '乙镇妇联', kind: 'womens_federation', parentId: county.id });
  cwA = (await t.userWith('case_worker', townA.id)).headers;
  staffA = (await t.userWith('staff', townA.id)).headers;
  staffB = (await t.userWith('staff', townB.id)).headers;
  cwB = (await t.userWith('case_worker', townB.id)).headers;
  leaderA = (await t.userWith('leader', townA.id)).headers;
  adultId = (await buildPerson(t.sys, { orgId: villageA.id, name: '赵桂兰', idNumber, phone })).id;
  childId = (await buildPerson(t.sys, { orgId: villageA.id, name: '王小明', birthDate: '2016-05-01' })).id;
});
afterAll(() => t.close());

describe('个案台账 export', () => {
  it('holds the inbox rows under the same filters, confidential cases as the list shows them, and is audited', async () => {
    await ok(cwA, 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '=2+3 反映工资拖欠', orgId: townA.id, parties: [{ name: '李四', role: '申请人' }] });
    await ok(cwA, 'POST', '/api/v1/cases', { kind: '家庭暴力', channel: '来电', summary: dvSecret, warningNo: '甲公(家)告字〔2026〕9号', orgId: townA.id, parties: [{ personId: adultId, role: '当事人' }] });
    await ok(cwA, 'POST', '/api/v1/cases', { kind: '困境儿童', channel: '网上', summary: '父母外出务工无人照看', riskLevel: '高', orgId: villageA.id, parties: [{ personId: childId, role: '儿童' }] });
    await ok(cwB, 'POST', '/api/v1/cases', { kind: '信访', channel: '来访', summary: '乙镇信访', orgId: townB.id });

    const all = await workbook(cwA, '/api/v1/cases/export');
    expect(all.title).toBe('个案台账（2026年6月15日导出）');
    expect(all.header.slice(0, 3)).toEqual(['编号', '登记日期', '类型']);
    expect(all.frozen).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(all.bold).toBe(true);
    expect(all.rows).toHaveLength(await total(cwA, '/api/v1/cases'));
    expect(all.rows).toHaveLength(3);
    const byKind = (k: string) => all.rows.find((r) => r[2] === k) as unknown[];
    expect(byKind('信访')[7]).toBe("'=2+3 反映工资拖欠");
    expect(byKind('家庭暴力')[7]).toBe('保密个案');
    expect(byKind('困境儿童')[6]).toBe('王**（儿童）');
    expect(byKind('信访')[1]).toBe('2026-06-15');
    expect(all.text).not.toContain(dvSecret);
    expect(all.text).not.toContain('王小明');
    expect(all.text).not.toContain(idNumber);
    expect(all.text).not.toContain(phone);
    expect(all.text).not.toContain('乙镇');

    // the same filters as the list
    for (const q of [`kind=${encodeURIComponent('困境儿童')}`, `orgId=${villageA.id}`, `status=${encodeURIComponent('登记')}`, 'overdue=true', 'mine=true']) {
      expect((await workbook(cwA, `/api/v1/cases/export?${q}`)).rows.length, q).toBe(await total(cwA, `/api/v1/cases?${q}`));
    }
    // a leader of the township sees (and exports) no confidential case
    const leader = await workbook(leaderA, '/api/v1/cases/export');
    expect(leader.rows).toHaveLength(await total(leaderA, '/api/v1/cases'));
    expect(leader.rows.map((r) => r[2])).toEqual(['信访']);

    const audit = await t.database.db.selectFrom('audit_log').select(['detail', 'org_id']).where('action', '=', 'export').where('entity', '=', 'case').orderBy('seq').execute();
    expect(JSON.parse(audit[0].detail as string)).toMatchObject({ count: 3, filters: {} });
    expect(audit.some((a) => a.org_id === villageA.id && JSON.parse(a.detail as string).filters.orgId === villageA.id)).toBe(true);

    // another township: 404 on A's unit, and none of A's cases in its own export
    expect((await req(cwB, 'GET', `/api/v1/cases/export?orgId=${townA.id}`)).statusCode).toBe(404);
    const b = await workbook(cwB, '/api/v1/cases/export');
    expect(b.rows.map((r) => r[4])).toEqual(['乙镇妇联']);
  });
});

describe('结对帮扶台账 export', () => {
  it('holds the list rows under the same filters, the helped child masked, visits counted', async () => {
    const child = await ok(staffA, 'POST', '/api/v1/pairings', {
      helperKind: 'person', helperPersonId: adultId, helperRole: '爱心妈妈', helpedKind: 'person', helpedPersonId: childId, helpedRole: '留守儿童', commitmentKind: '电话', everyMonths: 1, startedOn: '2026-03-01', orgId: villageA.id,
    });
    await ok(staffA, 'POST', `/api/v1/pairings/${child.id}/visits`, { visitedOn: '2026-04-01', kind: '走访' });
    await ok(staffA, 'POST', `/api/v1/pairings/${child.id}/visits`, { visitedOn: '2026-05-01', kind: '电话' });
    const ended = await ok(staffA, 'POST', '/api/v1/pairings', {
      helperKind: 'unit', helperOrgId: villageA.id, helperRole: '结对单位', helpedKind: 'person', helpedPersonId: adultId, helpedRole: '困难妇女', commitmentKind: '走访', everyMonths: 3, startedOn: '2026-01-10', orgId: townA.id,
    });
    await ok(staffA, 'PATCH', `/api/v1/pairings/${ended.id}`, { endedOn: '2026-06-01', endReason: '=HYPERLINK("x") 已脱困' });

    const all = await workbook(staffA, '/api/v1/pairings/export');
    expect(all.title).toBe('结对帮扶台账（2026年6月15日导出）');
    expect(all.rows).toHaveLength(await total(staffA, '/api/v1/pairings'));
    expect(all.rows).toHaveLength(2);
    const kid = all.rows.find((r) => r[1] === '爱心妈妈') as unknown[];
    expect(kid.slice(0, 4)).toEqual(['赵桂兰', '爱心妈妈', '王**', '留守儿童']);
    expect(kid.slice(6, 12)).toEqual(['2026-03-01', '已超期 14 天未联系', 2, '2026-05-01', '2026-06-01', '是（14 天）']);
    expect(all.text).not.toContain('王小明');
    expect((all.rows.find((r) => r[1] === '结对单位') as unknown[])[13]).toBe('\'=HYPERLINK("x") 已脱困');
    for (const q of ['state=lapsed', 'lapsed=true', 'state=ended', `helpedRole=${encodeURIComponent('困难妇女')}`, `orgId=${villageA.id}`]) {
      expect((await workbook(staffA, `/api/v1/pairings/export?${q}`)).rows.length, q).toBe(await total(staffA, `/api/v1/pairings?${q}`));
    }
    expect((await req(staffB, 'GET', `/api/v1/pairings/export?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await workbook(staffB, '/api/v1/pairings/export')).rows).toEqual([]);
  });
});

describe('志愿服务记录 export', () => {
  it('holds the service records under the same filters, hours as numbers', async () => {
    const team = await ok(staffA, 'POST', '/api/v1/volunteer-teams', { name: '萤火虫志愿者服务队', orgId: townA.id });
    await ok(staffA, 'POST', `/api/v1/volunteer-teams/${team.id}/members`, { personId: adultId, joinedOn: '2026-01-01' });
    const one = await ok(staffA, 'POST', '/api/v1/volunteer-services', { teamId: team.id, personId: adultId, servedOn: '2026-05-04', hours: 2.5, activity: '@陪伴留守儿童' });
    await ok(staffA, 'POST', '/api/v1/volunteer-services', { teamId: team.id, personId: adultId, servedOn: '2026-06-01', hours: 1, activity: '六一活动' });
    await ok(staffA, 'POST', `/api/v1/volunteer-services/${one.id}/confirm`, {});

    const all = await workbook(staffA, '/api/v1/volunteer-services/export');
    expect(all.title).toBe('志愿服务记录（2026年6月15日导出）');
    expect(all.rows).toHaveLength(await total(staffA, '/api/v1/volunteer-services'));
    expect(all.rows).toEqual([
      ['2026-06-01', '萤火虫志愿者服务队', '赵桂兰', '六一活动', 1, '待确认'],
      ['2026-05-04', '萤火虫志愿者服务队', '赵桂兰', "'@陪伴留守儿童", 2.5, '已确认', expect.any(String), '2026-06-15'],
    ]);
    expect(all.text).not.toContain(phone);
    for (const q of ['status=confirmed', `teamId=${team.id}`, 'from=2026-06-01', `personId=${adultId}`]) {
      expect((await workbook(staffA, `/api/v1/volunteer-services/export?${q}`)).rows.length, q).toBe(await total(staffA, `/api/v1/volunteer-services?${q}`));
    }
    expect((await req(staffB, 'GET', `/api/v1/volunteer-services/export?orgId=${townA.id}`)).statusCode).toBe(404);
    expect((await workbook(staffB, `/api/v1/volunteer-services/export?teamId=${team.id}`)).rows).toEqual([]);
    // the team's roster with each volunteer's confirmed hours, a 合计 row last; another township's team is 404
    const roster = await workbook(staffA, `/api/v1/volunteer-teams/${team.id}/members/export`);
    const members = (await req(staffA, 'GET', `/api/v1/volunteer-teams/${team.id}/members`)).json().items as { confirmedHours: number }[];
    expect(roster.rows).toHaveLength(members.length + 1);
    expect(roster.rows.at(-1)?.[0]).toBe('合计');
    expect(roster.rows.at(-1)?.[4]).toBe(members.reduce((sum, m) => sum + m.confirmedHours, 0));
    expect(roster.rows[0][4]).toBe(2.5);
    expect(JSON.stringify(roster.rows)).not.toMatch(/1[3-9]\d{9}/);
    expect((await req(staffB, 'GET', `/api/v1/volunteer-teams/${team.id}/members/export`)).statusCode).toBe(404);
  });
});

describe('微心愿台账 export', () => {
  it('holds the staff list rows under the same filters, a child masked, value in 元, never a donor phone', async () => {
    const make = async (title: string, personId: string, kind: string, valueYuan: number) =>
      ok(staffA, 'POST', '/api/v1/wishes', { personId, beneficiaryKind: kind, title, story: '想在冬天穿得暖和一些', valueYuan, orgId: villageA.id });
    const coat = await make('一件冬衣', childId, '儿童', 150.5);
    await make('=一套课外书', adultId, '妇女', 80);
    for (const action of ['approve', 'publish']) await ok(staffA, 'POST', `/api/v1/wishes/${coat.id}/transitions`, { action });
    const donor = '13712347777';
    const token = await donorToken(t, donor, '10.77.0.1');
    const code = (await req(staffA, 'GET', `/api/v1/wishes/${coat.id}`)).json().code as string;
    expect((await t.app.inject({ method: 'POST', url: `/api/public/wishes/${code}/claim`, payload: { token }, remoteAddress: '10.77.0.1' })).statusCode).toBe(200);

    const all = await workbook(staffA, '/api/v1/wishes/export');
    expect(all.title).toBe('微心愿台账（2026年6月15日导出）');
    expect(all.rows).toHaveLength(await total(staffA, '/api/v1/wishes'));
    expect(all.rows).toHaveLength(2);
    const claimed = all.rows.find((r) => r[0] === code) as unknown[];
    expect(claimed.slice(0, 9)).toEqual([code, '一件冬衣', '儿童', '王**', 150.5, '甲村妇联', '已认领', '2026-06-15', '2026-06-15']);
    expect(all.rows.some((r) => r[1] === "'=一套课外书")).toBe(true);
    expect(all.text).not.toContain('王小明');
    expect(all.text).not.toContain(donor);
    expect(all.text).not.toContain(donor.slice(-4));
    for (const q of ['status=claimed', 'status=submitted', `orgId=${villageA.id}`]) {
      expect((await workbook(staffA, `/api/v1/wishes/export?${q}`)).rows.length, q).toBe(await total(staffA, `/api/v1/wishes?${q}`));
    }
    expect((await req(staffB, 'GET', `/api/v1/wishes/export?orgId=${villageA.id}`)).statusCode).toBe(404);
    expect((await workbook(staffB, '/api/v1/wishes/export')).rows).toEqual([]);
  });
});

describe('eachPage', () => {
  it('reads every page of a long list once, and stops on an empty one', async () => {
    const items = Array.from({ length: 2500 }, (_, i) => i);
    const seen: number[] = [];
    const pages: number[] = [];
    const read = async (page: number) => (pages.push(page), { items: items.slice((page - 1) * 1000, page * 1000), total: items.length });
    expect(await eachPage(1000, read, (xs) => void seen.push(...xs))).toBe(2500);
    expect(pages).toEqual([1, 2, 3]);
    expect(seen).toEqual(items);
    // rows removed while reading: the reader stops at the first empty page
    expect(await eachPage(1000, async () => ({ items: [], total: 5000 }), () => undefined)).toBe(5000);
  });
});

describe('download names', () => {
  /** The file name a browser saves: the RFC 5987 filename* (UTF-8), decoded. */
  async function savedAs(headers: Headers, url: string): Promise<string> {
    const res = await req(headers, 'GET', url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
    expect(m).not.toBeNull();
    return decodeURIComponent(m![1]!);
  }

  it('name what the file is, whose and for when, in Chinese — never assistance-export.xlsx', async () => {
    const year = '&from=2026-01-01&to=2026-12-31';
    expect(await savedAs(staffA, `/api/v1/assistance/export?orgId=${townA.id}${year}`)).toBe('帮扶救助台账-甲镇妇联-2026年.xlsx');
    expect(await savedAs(staffA, `/api/v1/activities/export?orgId=${villageA.id}&from=2026-01-01&to=2026-06-30`)).toBe('活动台账-甲村妇联-2026-01-01至2026-06-30.xlsx');
    expect(await savedAs(staffA, `/api/v1/people/export?orgId=${townA.id}${year}`)).toBe('人员名册-甲镇妇联-2026-06-15导出.xlsx'); // a roster as of the day
    // no unit filtered on: the caller's own unit; no period: the day of export
    expect(await savedAs(cwA, '/api/v1/cases/export')).toBe('个案台账-甲镇妇联-2026-06-15导出.xlsx');
    expect(await savedAs(cwA, `/api/v1/cases/export?orgId=${villageA.id}`)).toBe('个案台账-甲村妇联-2026-06-15导出.xlsx');
    expect(await savedAs(staffB, `/api/v1/volunteer-services/export?from=2026-01-01&to=2026-12-31`)).toBe('志愿服务记录-乙镇妇联-2026年.xlsx');
    expect(await savedAs(staffA, '/api/v1/wishes/export')).toBe('微心愿台账-甲镇妇联-2026-06-15导出.xlsx');
    expect(await savedAs(staffA, '/api/v1/pairings/export')).toBe('结对帮扶台账-甲镇妇联-2026-06-15导出.xlsx');
    // 重复帮扶预警 covers this year unless told otherwise, as its list does
    expect(await savedAs(staffA, '/api/v1/checks/duplicate-assistance/export')).toBe('重复帮扶预警-甲镇妇联-2026年.xlsx');
  });
});
