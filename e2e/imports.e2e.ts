import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/id-number';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function logIn(page: Page, username: string) {
  await signIn(page, server, username, 'nav-people');
}

/** An assistance ledger as a clerk would fill it: two good rows, one bad ID checksum, one impossible date. */
async function assistanceWorkbook(): Promise<Buffer> {
  const good1 = makeIdNumber('230623', '1979-11-23', 917, '女');
  const good2 = makeIdNumber('230623', '1981-04-17', 853, '女');
  const valid = makeIdNumber('230623', '1983-07-09', 771, '女');
  const badChecksum = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('帮扶救助台账');
  sheet.addRow(['姓名', '身份证号', '帮扶项目', '帮扶形式', '金额(元)', '日期', '资金来源']); // Excel row 1
  sheet.addRow(['孙丽华', good1, '送温暖', '现金', 800, '2026-01-20', '县总工会']); // row 2
  sheet.addRow(['周美玲', good2, '送温暖', '现金', 600, '2026-01-21', '县总工会']); // row 3
  sheet.addRow(['吴春燕', badChecksum, '送温暖', '现金', 500, '2026-01-22', '县总工会']); // row 4: bad checksum
  sheet.addRow(['郑秀兰', makeIdNumber('230623', '1975-02-14', 655, '女'), '送温暖', '现金', 500, '2026-02-30', '县总工会']); // row 5: no such date
  sheet.getColumn(2).numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('import wizard in Chromium', () => {
  it('previews an assistance ledger with its error rows and imports only the correct rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await logIn(page, 'fl');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-kind').getByText('帮扶救助', { exact: true }).click();

    await page.getByTestId('import-upload').setInputFiles({
      name: '帮扶救助台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await assistanceWorkbook(),
    });

    const errors = page.getByTestId('import-preview-errors');
    await errors.waitFor();
    const rows = (await page.getByTestId('import-error-row').allTextContents()).map((t) => Number(t.trim()));
    expect(new Set(rows), (await errors.textContent()) ?? '').toEqual(new Set([4, 5])); // the panel's text says why, should it fail
    expect(await errors.textContent()).toContain('身份证');
    expect(await page.getByTestId('import-count-rows').textContent()).toContain('4');
    expect(await page.getByTestId('import-count-accepted').textContent()).toContain('2');
    // the error rows are highlighted in the preview
    expect(await page.locator('tr[data-status="error"]').count()).toBe(2);
    await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-wizard-preview');

    await page.getByTestId('import-accept-valid').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已导入 2 条');
    expect((await page.getByTestId('import-batch-id').textContent())?.trim()).not.toBe('—');
    await screenshot(page, 'import-wizard');

    // the batch is listed on 导入记录 and can be undone
    await page.getByRole('button', { name: '导入记录' }).first().click();
    await page.getByTestId('import-batches-table').getByText('帮扶救助台账.xlsx').waitFor();
    await page.close();
  });

  it('a township clerk imports their own assistance ledger (title row, other headers) by mapping its columns', async () => {
    const db = server.t.sys.db;
    const clerkUnit = await db.selectFrom('users as u').innerJoin('user_grants as g', 'g.user_id', 'u.id').select('g.org_id').where('u.username', '=', 'hy-fl').executeTakeFirstOrThrow();
    const village = await db.selectFrom('org_units').select('name').where('parent_id', '=', clerkUnit.org_id).orderBy('code').executeTakeFirstOrThrow();
    const rows = [
      ['陈玉梅', makeIdNumber('230623', '1968-05-12', 402, '女'), '送温暖', new Date(Date.UTC(2026, 0, 20)), 500],
      ['马淑珍', makeIdNumber('230623', '1972-09-03', 518, '女'), '送温暖', new Date(Date.UTC(2026, 0, 21)), 300],
      ['高秀云', makeIdNumber('230623', '1959-12-30', 624, '女'), '春蕾计划', new Date(Date.UTC(2026, 0, 22)), 800],
      ['杜桂香', makeIdNumber('230623', '1963-02-17', 736, '女'), '送温暖', new Date(Date.UTC(2026, 1, 3)), 400],
    ];
    const ledger = (data: typeof rows) => clerkLedger(data, village.name);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await signIn(page, server, 'hy-fl');
    await page.goto(`${server.url}/imports?kind=assistance`);
    await page.getByTestId('import-upload').setInputFiles({ name: '花园镇救助台账.xlsx', mimeType: xlsxType, buffer: await ledger(rows.slice(0, 3)) });

    // 列对应: the headers 救助项目 and 发放时间 are known; 困难户, 证件, 救助款 and 所在村 are suggested from their values
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    const text = (await mapping.textContent()) ?? '';
    expect(text).toContain('“姓名、身份证号”在表头中没有找到');
    expect(text).toContain('2026年1月20日'); // an Excel date cell, never 46042
    expect(text).not.toMatch(/idNumber|givenOn|amount|program|\bname\b|\borg\b/); // Chinese labels only
    const column = (header: string) => mapping.locator(`[data-testid="import-mapping-col"][data-header="${header}"]`);
    expect(await column('证件').locator('.ant-select').first().textContent()).toContain('身份证号（必填）');
    expect(await column('困难户').locator('.ant-select').first().textContent()).toContain('姓名（必填）');
    expect(await column('所在村').locator('.ant-select').first().textContent()).toContain('所属组织');
    expect(await column('序号').locator('.ant-select').first().textContent()).toContain('不导入此列');
    await screenshot(page, 'import-mapping-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'import-mapping-390');
    await column('证件').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-mapping-390-columns');
    await page.getByTestId('import-mapping-apply').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-mapping-390-actions');
    await page.setViewportSize({ width: 1366, height: 768 });

    // the clerk takes 证件 away and puts it back: the required item is named while it has no column
    await column('证件').locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('不导入此列', { exact: true }).click();
    expect(await page.getByTestId('import-mapping-missing').textContent()).toContain('还缺少必填项：身份证号');
    await expect(page.getByTestId('import-mapping-apply').isDisabled()).resolves.toBe(true);
    await column('证件').locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('身份证号（必填）', { exact: true }).click();
    await page.getByTestId('import-mapping-name').fill('花园镇救助台账');
    await page.getByTestId('import-mapping-apply').click();

    // 预览核对 with the mapping: every row good, dates as dates
    await page.getByTestId('import-mapping-note').waitFor();
    expect(await page.getByTestId('import-count-rows').textContent()).toContain('3');
    expect(await page.getByTestId('import-count-accepted').textContent()).toContain('3');
    expect(await page.getByTestId('import-preview-rows').textContent()).toContain('2026年1月21日');
    await screenshot(page, 'import-mapping-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('已导入 3 条');

    // the next file with the same headers is read by the saved mapping, straight to the preview
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.getByTestId('import-kind').getByText('帮扶救助', { exact: true }).click();
    await page.getByTestId('import-upload').setInputFiles({ name: '花园镇救助台账2月.xlsx', mimeType: xlsxType, buffer: await ledger(rows.slice(3)) });
    await page.getByTestId('import-mapping-note').waitFor();
    expect(await page.getByTestId('import-mapping-note').textContent()).toContain('已按本单位保存的列对应“花园镇救助台账”读取各列');
    expect(await page.getByTestId('import-count-accepted').textContent()).toContain('1');
    const written = await db.selectFrom('assistance').innerJoin('org_units as o', 'o.id', 'assistance.org_id').select('o.name').where('assistance.given_on', '>=', '2026-01-20').where('assistance.program', 'in', ['送温暖', '春蕾计划']).where('o.name', '=', village.name).execute();
    expect(written.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A township's own assistance ledger: a merged title row, then headers that are not the template's. */
async function clerkLedger(rows: (string | number | Date)[][], village: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('救助台账');
  sheet.addRow(['花园镇2026年困难妇女救助台账']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['序号', '困难户', '证件', '救助项目', '发放时间', '救助款（元）', '所在村']);
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r, village]));
  sheet.getColumn(3).numFmt = '@';
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await book.xlsx.writeBuffer());
}
