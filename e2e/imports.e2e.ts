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
});
