import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { launchBrowser, screenshot } from './browser';

// A county that starts without the demo: its first administrator sets it up, then brings in its
// tree and its users from Excel sheets made here. Nothing below is the demo county's.
const county = { name: '青禾县', division: '130127', prefix: 'QH' };
const townships = ['东风镇', '红旗镇', '新华镇', '永安乡', '长青乡', '太平镇', '兴隆镇', '和平乡'];
const villages = ['一村', '二村', '三村', '四村', '五村'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let url: string;
let browser: Browser;
const adminPassword = 'Qinghe-admin-2026';

beforeAll(async () => {
  t = await createTestApp();
  await createTestUser(t.sys, { username: 'admin', role: 'sysadmin', orgId: null });
  await t.sys.db.updateTable('users').set({ password_hash: await (await import('../src/server/security/passwords')).hashPassword(adminPassword) }).where('username', '=', 'admin').execute();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function book(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([`${county.name}群团组织名录`]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 150 units: 3 bodies per township, 2 per village, enterprise unions, 县直 unions, 农技协; children before parents. */
function orgRows(): (string | null)[][] {
  const p = county.prefix;
  const d = county.division;
  const villageRows: (string | null)[][] = [];
  const townRows: (string | null)[][] = [];
  const enterpriseRows: (string | null)[][] = [];
  townships.forEach((town, i) => {
    const n = String(i + 1).padStart(2, '0');
    const tdiv = `${d}${String(100 + i + 1)}`;
    townRows.push([`${p}-FL`, null, `${p}-FL-T${n}`, `${town}妇联`, '乡镇妇联', tdiv, '1998-03-08']);
    townRows.push([null, `${county.name}总工会`, `${p}-ZGH-T${n}`, `${town}工会`, '乡镇工会', tdiv, null]);
    townRows.push([`${p}-TW`, null, `${p}-TW-T${n}`, `${town}团委`, '乡镇团委', tdiv, null]);
    villages.forEach((v, k) => {
      const vdiv = `${tdiv}${String(200 + k + 1)}`;
      villageRows.push([`${p}-FL-T${n}`, null, null, `${town}${v}妇联`, '村妇联', vdiv, null]);
      villageRows.push([null, `${town}团委`, null, `${town}${v}团支部`, '团支部', vdiv, null]);
    });
    enterpriseRows.push([`${p}-ZGH-T${n}`, null, null, `${town}农机合作社工会`, '企业工会', null, null]);
    enterpriseRows.push([`${p}-ZGH-T${n}`, null, null, `${town}粮食加工厂工会`, '企业工会', null, null]);
  });
  const direct: (string | null)[][] = [];
  for (let k = 1; k <= 20; k++) direct.push([`${p}-ZGH`, null, `${p}-ZGH-J${String(k).padStart(2, '0')}`, `县直第${k}基层工会`, '基层工会', null, null]);
  for (let k = 1; k <= 10; k++) direct.push([`${p}-KX`, null, null, `第${k}农村专业技术协会`, '农技协', null, null]);
  const header = ['上级单位编码', '上级单位名称', '单位编码', '单位名称', '单位类型', '行政区划代码', '成立日期'];
  return [header, ...villageRows, ...enterpriseRows, ...townRows, ...direct];
}

function userRows(): (string | null)[][] {
  const rows: (string | null)[][] = [['用户名', '姓名', '手机', '角色', '单位编码', '单位名称']];
  townships.forEach((town, i) => {
    const n = String(i + 1).padStart(2, '0');
    rows.push([`qh-fl-t${n}`, `${town}妇联联络员`, null, '工作人员', null, `${town}妇联`]);
    rows.push([`qh-zgh-t${n}`, `${town}工会联络员`, null, '工作人员', `${county.prefix}-ZGH-T${n}`, null]);
  });
  rows.push(['qh-fl', '县妇联管理员', '13904591234', '组织管理员、工作人员', `${county.prefix}-FL`, null]);
  rows.push(['qh-zgh', '县总工会管理员', null, '组织管理员、工作人员', `${county.prefix}-ZGH`, null]);
  rows.push(['qh-leader', '县委领导', null, '领导', county.prefix, null]);
  rows.push(['qh-kx', '县科协查看', null, '查看者', null, `${county.name}科协`]);
  return rows;
}

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('a county without the demo sets itself up in Chromium', () => {
  it('sets up the county, imports 150 units and 20 users from Excel, and an imported user must change the password', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    await logIn(page, 'admin', adminPassword);
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-county').fill(county.name);
    await page.getByTestId('setup-division').fill(county.division);
    await page.getByTestId('setup-prefix').fill('qh');
    await page.getByTestId('setup-body-organ_committee').click();
    await page.getByTestId('setup-body-party_school').click();
    await page.getByText('共青团青禾县委', { exact: true }).waitFor();
    await screenshot(page, 'setup-1366');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await logIn(phone, 'admin', adminPassword);
    await phone.waitForURL(/\/setup$/);
    await phone.getByTestId('setup-county').fill(county.name);
    await phone.getByTestId('setup-prefix').fill('QH');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await screenshot(phone, 'setup-390');

    await page.getByTestId('setup-submit').click();
    await page.getByText('已创建青禾县委及 4 个群团组织').waitFor();
    await page.getByTestId('setup-next-orgs').click();
    await page.waitForURL(/\/setup\/import\/orgs/);
    await page.getByText('下载组织架构导入模板').waitFor();
    await screenshot(page, 'setup-import-upload-1366');
    // a first try with mistakes: nothing is written, each row says what is wrong
    const bad = await book([
      ['上级单位编码', '单位编码', '单位名称', '单位类型', '行政区划代码'],
      ['QH-B', 'QH-A', '甲单位', '乡镇妇联', null],
      ['QH-A', 'QH-B', '乙单位', '村妇联', null],
      [null, 'QH-C', '丙单位', '侨联', '440301'],
    ]);
    await page.getByTestId('tree-upload').setInputFiles({ name: '有错误的名录.xlsx', mimeType: xlsxType, buffer: bad });
    await page.getByTestId('tree-errors').getByText('上级单位形成循环：甲单位 → 乙单位 → 甲单位').waitFor();
    await page.getByTestId('tree-errors').getByText('单位类型“侨联”无法识别', { exact: false }).waitFor();
    expect(await page.getByTestId('tree-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'setup-import-errors-1366');
    await page.getByRole('button', { name: '重新上传' }).click();
    await page.getByTestId('tree-upload').setInputFiles({ name: '青禾县组织名录.xlsx', mimeType: xlsxType, buffer: await book(orgRows()) });
    await page.getByTestId('tree-confirm').waitFor();
    expect(await page.getByTestId('tree-count-created').textContent()).toContain('150');
    expect(await page.getByTestId('tree-count-rejected').textContent()).toContain('0');
    await screenshot(page, 'setup-import-orgs-1366');
    await page.getByTestId('tree-confirm').click();
    await page.getByText('已导入 150 个单位（新增 150，更新 0）').waitFor();

    const units = await t.sys.db.selectFrom('org_units').select(['code', 'name', 'kind', 'level']).execute();
    expect(units).toHaveLength(155);
    expect(units.some((u) => /^LD|林甸/.test(u.code + u.name))).toBe(false);
    expect(units.find((u) => u.name === '东风镇一村妇联')).toMatchObject({ code: 'QH-FL-T01-01', kind: 'womens_branch', level: 'village' });
    expect(units.find((u) => u.name === '红旗镇团委')).toMatchObject({ kind: 'youth_league', level: 'township' });

    await page.goto(`${url}/setup/import/users?orgId=${(await t.sys.db.selectFrom('org_units').select('id').where('code', '=', 'QH').executeTakeFirstOrThrow()).id}`);
    const users = await book(userRows());
    await page.getByTestId('tree-upload').setInputFiles({ name: '青禾县用户.xlsx', mimeType: xlsxType, buffer: users });
    await page.getByTestId('tree-confirm').waitFor();
    expect(await page.getByTestId('tree-count-created').textContent()).toContain('20');
    await screenshot(page, 'setup-import-users-1366');
    await phone.goto(page.url());
    await phone.getByTestId('tree-upload').setInputFiles({ name: '青禾县用户.xlsx', mimeType: xlsxType, buffer: users });
    await phone.getByTestId('tree-confirm').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await screenshot(phone, 'setup-import-users-390');
    await phone.close();

    await page.getByTestId('tree-confirm').click();
    await page.getByText('已开通 20 个用户').waitFor();
    await screenshot(page, 'setup-import-users-done-1366');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tree-credentials').click()]);
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load((await import('node:fs')).readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    sheet.worksheets[0].eachRow((r) => rows.push((r.values as string[]).slice(1)));
    expect(rows[0]).toEqual(['用户名', '姓名', '单位', '角色', '初始密码', '手机', '短信']);
    const accounts = rows.slice(1).filter((r) => r[4]);
    expect(accounts).toHaveLength(20);
    expect(accounts.find((r) => r[0] === 'qh-fl-t02')?.slice(1, 4)).toEqual(['红旗镇妇联联络员', '红旗镇妇联', '工作人员']);
    await page.close();

    // the imported liaison signs in with the sheet's password and must choose an own one first
    const liaison = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const row = accounts.find((r) => r[0] === 'qh-fl-t02') as string[];
    await logIn(liaison, 'qh-fl-t02', row[4]);
    await liaison.getByText('请先修改密码', { exact: true }).waitFor();
    await liaison.close();
  });
});
