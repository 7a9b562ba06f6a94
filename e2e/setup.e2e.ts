import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const form = liaison.getByTestId('forced-password-change');
    await form.getByLabel('当前密码').fill(row[4]);
    await form.getByLabel('新密码', { exact: true }).fill('Honghuo-fl-2026');
    await form.getByLabel('确认新密码').fill('Honghuo-fl-2026');
    await form.getByTestId('password-submit').click();
    await liaison.getByTestId('nav-people').first().waitFor();

    // …and imports the township's own assistance ledger (a title row, its own headers) by mapping its columns
    await liaison.goto(`${url}/imports?kind=assistance`);
    await liaison.getByTestId('import-upload').setInputFiles({ name: '红旗镇救助台账.xlsx', mimeType: xlsxType, buffer: await ownLedger() });
    const mapping = liaison.getByTestId('import-mapping');
    await mapping.waitFor();
    const column = (header: string) => mapping.locator(`[data-testid="import-mapping-col"][data-header="${header}"]`);
    expect(await column('证件号码').locator('.ant-select').first().textContent()).toContain('身份证号（必填）');
    expect(await column('困难户').locator('.ant-select').first().textContent()).toContain('姓名（必填）');
    await screenshot(liaison, 'setup-own-ledger-mapping-1366');
    await liaison.getByTestId('import-mapping-apply').click();
    await liaison.getByTestId('import-mapping-note').waitFor();
    expect(await liaison.getByTestId('import-count-accepted').textContent()).toContain('3');
    await liaison.getByTestId('import-confirm').click();
    await liaison.getByTestId('import-result').waitFor();
    expect(await liaison.getByTestId('import-result').textContent()).toContain('已导入 3 条');
    await liaison.close();

    // the county leader (imported too) downloads Word reports for four units; LibreOffice reads each one,
    // and every figure in it is the metric API's figure for that unit
    const leader = accounts.find((r) => r[0] === 'qh-leader') as string[];
    const token = await ownToken('qh-leader', leader[4], 'Qinghe-leader-2026');
    const own = await t.app.inject({ url: '/api/v1/metrics/assistance.beneficiaries?org=QH-FL-T02&from=2026-01-01&to=2026-12-31', headers: { authorization: `Bearer ${token}` } });
    expect(own.json().value).toBe(3);
    const dir = mkdtempSync(join(tmpdir(), 'qh-reports-'));
    for (const code of ['QH', 'QH-FL', 'QH-ZGH', 'QH-FL-T02']) {
      const docx = await t.app.inject({ url: `/api/v1/reports/annual?org=${code}&year=2026&format=docx`, headers: { authorization: `Bearer ${token}` } });
      expect(docx.statusCode, `${code}: ${docx.body.slice(0, 200)}`).toBe(200);
      const text = pdfText(dir, code, docx.rawPayload);
      const html = await t.app.inject({ url: `/api/v1/reports/annual?org=${code}&year=2026&format=html`, headers: { authorization: `Bearer ${token}` } });
      const figures = [...html.body.matchAll(/<a class="fig" href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ q: new URLSearchParams(decodeEntities(m[1]).split('?')[1]), text: m[2] }));
      expect(figures.length, code).toBeGreaterThan(2);
      let checked = 0;
      for (const f of figures) {
        expect(text.replace(/\s+/g, ''), `${code}: ${f.text}`).toContain(f.text);
        const metric = await t.app.inject({ url: `/api/v1/metrics/${encodeURIComponent(f.q.get('code') as string)}?org=${f.q.get('org')}&from=${f.q.get('from')}&to=${f.q.get('to')}`, headers: { authorization: `Bearer ${token}` } });
        expect(metric.statusCode).toBe(200);
        const { value, unit } = metric.json() as { value: number; unit: string };
        if (/^\d[\d,]*$/.test(f.text) && unit !== '元') {
          expect(Number(f.text.replace(/,/g, '')), `${code}: ${f.q.get('code')}`).toBe(value);
          checked++;
        }
      }
      expect(checked, code).toBeGreaterThan(0);
      if (code === 'QH-FL-T02') expect(figures.some((f) => (f.q.get('code') ?? '').startsWith('assistance.')), 'the township report counts its assistance').toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 400_000);
});

/** The township's own ledger: a title row, then headers that are not the template's. */
async function ownLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('救助台账');
  ws.addRow(['红旗镇妇联2026年困难妇女救助台账']);
  ws.addRow(['序号', '困难户', '证件号码', '救助项目', '发放时间', '救助款（元）', '所在村']);
  const people: [string, string, string, number][] = [
    ['孙玉兰', '1968-05-12', '送温暖', 500],
    ['钱淑芬', '1972-09-03', '送温暖', 300],
    ['周桂英', '1959-12-30', '春蕾计划', 800],
  ];
  people.forEach(([name, birth, program, amount], i) => {
    ws.addRow([i + 1, name, idNumber('130127', birth, 400 + i * 2), program, new Date(Date.UTC(2026, 0, 20 + i)), amount, '红旗镇一村妇联']);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid GB 11643 number (female: an even sequence digit). */
function idNumber(area: string, birth: string, seq: number): string {
  const body = `${area}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Logs in with a one-time password, sets an own one (as the person must), and returns a Bearer token. */
async function ownToken(username: string, initial: string, own: string): Promise<string> {
  const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: initial } });
  expect(first.json().user.mustChangePassword).toBe(true);
  const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { authorization: `Bearer ${first.json().token as string}` }, payload: { currentPassword: initial, newPassword: own } });
  expect(changed.statusCode).toBeLessThan(300);
  const next = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: own } });
  return next.json().token as string;
}

/** LibreOffice converts the docx to PDF; pdftotext reads it back. */
function pdfText(dir: string, name: string, docx: Buffer): string {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, docx);
  const soffice = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  if (soffice.status !== 0) throw new Error(`soffice: ${soffice.stderr}`);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
  if (text.status !== 0) throw new Error(`pdftotext: ${text.stderr}`);
  return text.stdout;
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
