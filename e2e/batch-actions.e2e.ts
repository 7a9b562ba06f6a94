import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, buildUnit } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { multipartBody, sheetBuffer } from '../src/server/modules/imports/imports.fixtures';
import { launchBrowser, screenshot } from './browser';

// 批量操作 (issue 13 item 5) in a county set up from scratch (not the demo): the county 妇联 clerk filters
// the assistance ledger to one township, selects one page, then 选择全部 20 条（当前筛选）, deletes the 20
// rows with a reason as one batch, sees the list empty while the county's own rows stay, and undoes it.
const county = { name: '青禾县', division: '130128', prefix: 'QB' };
let t: TestApp;
let url: string;
let browser: Browser;
const clerk = { username: 'qb-fl', password: '' };
let clerkHeaders: { authorization: string };
let town: { id: string; name: string };
let fl: { id: string };

const live = async (orgId: string) =>
  Number((await t.sys.db.selectFrom('assistance').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.userWith('sysadmin', null, 'qb-admin');
  const setup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    headers: admin.headers,
    payload: { countyName: county.name, divisionCode: county.division, codePrefix: county.prefix, bodies: ['womens_federation'] },
  });
  if (setup.statusCode !== 201) throw new Error(setup.body);
  const orgs = (await t.app.inject({ url: `/api/v1/orgs?q=${county.prefix}-FL`, headers: admin.headers })).json() as { items: { id: string; code: string }[] };
  const found = orgs.items.find((o) => o.code === `${county.prefix}-FL`);
  if (!found) throw new Error(`no ${county.prefix}-FL`);
  fl = found;
  town = await buildUnit(t.sys, { code: `${county.prefix}-FL-T01`, name: '南湖镇妇联', kind: 'womens_federation', parentId: fl.id });
  const staff = await t.userWith('staff', fl.id, clerk.username);
  clerk.password = staff.password;
  clerkHeaders = staff.headers;
  const given = ['秀英', '桂兰', '丽娟', '海燕', '红梅', '春花', '玉兰', '淑芬'];
  const add = async (orgId: string, i: number) => {
    const person = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: clerkHeaders, payload: { name: `${'王李张刘陈'[i % 5]}${given[i % 8]}${'甲乙丙'[i % 3]}`, idNumber: buildIdNumber({ gender: '女' }), orgId } });
    if (person.statusCode !== 201) throw new Error(person.body);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistance',
      headers: clerkHeaders,
      payload: { personId: (person.json() as { id: string }).id, program: '送温暖', form: '现金', amountYuan: 300 + i, givenOn: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`, orgId },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  for (let i = 1; i <= 20; i++) await add(town.id, i);
  for (let i = 21; i <= 23; i++) await add(fl.id, i);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function login(page: Page) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(clerk.username);
  await page.getByTestId('login-password').fill(clerk.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const rows = (page: Page) => page.locator('[data-testid="assistance-table"] tbody tr.ant-table-row');

describe('batch delete of 20 assistance rows, undone', () => {
  for (const viewport of [
    { name: 'laptop', width: 1366, height: 768 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width} px: select all under the filter, delete with a reason, undo`, async () => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      await login(page);
      await page.goto(`${url}/assistance?orgId=${town.id}&pageSize=10`);
      await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(10);
      // the whole page by the header checkbox: 已选 10 条, then every row under the filter
      await page.locator('[data-testid="assistance-table"] thead .ant-checkbox-input').check();
      await expect.poll(() => page.getByTestId('batch-count').textContent(), { timeout: 30_000 }).toBe('已选 10 条');
      expect(await page.getByTestId('batch-select-all').textContent()).toContain('选择全部 20 条（当前筛选）');
      await page.getByTestId('batch-select-all').click();
      await expect.poll(() => page.getByTestId('batch-count').textContent(), { timeout: 30_000 }).toBe('已选 20 条');
      expect(await page.getByTestId('batch-export').textContent()).toContain('导出这 20 条');
      await screenshot(page, `batch-actions-selected-${viewport.name}`);

      // no reason: refused in the form; then deleted with one
      await page.getByTestId('batch-delete').click();
      await page.getByTestId('batch-ok').click();
      await page.getByText('请填写删除原因').waitFor();
      await page.getByTestId('batch-reason').fill('导入错了单位，整批作废');
      await screenshot(page, `batch-actions-delete-dialog-${viewport.name}`);
      await page.getByTestId('batch-ok').click();
      await page.getByText('已删除 20 条帮扶记录').first().waitFor();
      await page.getByText('没有符合条件的记录').waitFor();
      expect(await live(town.id)).toBe(0);
      expect(await live(fl.id)).toBe(3);
      await screenshot(page, `batch-actions-deleted-${viewport.name}`);

      // one audited action; 撤销 in the bar brings the 20 back
      await page.getByTestId('batch-undo').click();
      await page.getByText('已撤销：20 条帮扶记录已恢复').first().waitFor();
      await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(10);
      expect(await live(town.id)).toBe(20);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(page, `batch-actions-undone-${viewport.name}`);
      await context.close();
    }, 120_000);
  }

  it('left one audit entry per batch and per undo', async () => {
    const actions = await t.sys.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'in', ['batch_delete', 'batch_undo']).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['batch_delete', 'batch_undo', 'batch_delete', 'batch_undo']);
  });

  it('an imported record names its 导入批次 and file; the dashboard counts records by their own month (1366 and 390 px)', async () => {
    // May's records, imported on 15 June (the server's day): they fill May (上月) on the dashboard
    const sheet = await sheetBuffer([['姓名', '身份证号', '帮扶项目', '金额', '日期'], ['赵秀英', buildIdNumber({ gender: '女' }), '春蕾计划', 900, '2026-05-30']], { textColumns: [2] });
    const body = multipartBody(sheet, 'may-2026.xlsx');
    const imported = await t.app.inject({ method: 'POST', url: `/api/v1/imports/assistance?orgId=${town.id}`, payload: body.payload, headers: { ...clerkHeaders, ...body.headers } });
    expect(imported.statusCode, imported.body).toBe(200);
    const { batchNumber } = imported.json() as { batchNumber: string };
    const row = await t.sys.db.selectFrom('assistance').select('id').where('program', '=', '春蕾计划').executeTakeFirstOrThrow();
    for (const viewport of [
      { name: 'laptop', width: 1366, height: 768 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      await login(page);
      await page.goto(`${url}/assistance/${row.id}`);
      await page.getByTestId('record-source').waitFor();
      const source = await page.getByTestId('record-source').textContent();
      expect(source).toBe(`Excel 导入（导入批次 ${batchNumber}，文件“may-2026.xlsx”）`);
      await screenshot(page, `ledger-detail-source-${viewport.name}`);
      await page.goto(`${url}/dashboard/${fl.id}`);
      await page.getByTestId('completeness-rule').waitFor();
      await page.getByTestId('completeness-rule').scrollIntoViewIfNeeded();
      expect(await page.getByTestId('completeness-last').textContent()).toContain('上月（5月）');
      await screenshot(page, `dashboard-completeness-${viewport.name}`);
      await context.close();
    }
  }, 180_000);
});
