import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../src/domain/id-number';
import { screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function fillDate(page: Page, id: string, value: string) {
  const input = page.locator(`.ant-modal:visible input#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

async function submitModal(page: Page) {
  await page.getByTestId('modal-submit').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
}

/** The cells of the progress table's row for a township. */
async function progressRow(page: Page, township: string): Promise<string[]> {
  const row = page.getByTestId('progress-table').locator('tbody tr.ant-table-row').filter({ hasText: township }).first();
  return row.locator('td').allTextContents();
}

describe('摸底排查 in the browser', () => {
  it('launches a campaign, records a high-risk child in a township, intervenes and pairs, and the progress row follows', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server, 'xf-fl', 'nav-people');
    expect(await page.getByText('摸底排查').count()).toBeGreaterThan(0); // the menu entry

    await page.goto(`${server.url}/screenings`);
    await page.getByTestId('screening-new').click();
    await page.getByTestId('field-title').fill('2026年农村留守儿童和困境儿童摸底排查');
    await fillDate(page, 'startOn', '2026-06-01');
    await fillDate(page, 'endOn', '2026-07-31');
    await submitModal(page);
    await page.waitForURL(/\/screenings\/[^/]+$/);
    await page.getByTestId('record-林甸镇妇联').waitFor();
    expect(await page.getByTestId('progress-table').locator('tbody tr.ant-table-row').count()).toBe(9); // 8 townships + 合计

    await page.getByTestId('record-林甸镇妇联').click();
    await page.getByTestId('child-new').click();
    await page.getByTestId('field-name').fill('王小明');
    await page.getByTestId('field-idNumber').fill(makeIdNumber('230623', '2015-03-02', 17, '男'));
    await page.getByTestId('field-guardian').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '父母双方外出务工' }).first().click();
    await page.locator('.ant-modal:visible').getByLabel('遭受虐待或暴力').check();
    await page.getByTestId('suggested-level').getByText('系统建议风险等级：高').waitFor();
    await submitModal(page);
    const table = page.getByTestId('children-table');
    await table.getByText('王**').waitFor();
    expect(await table.textContent()).not.toContain('王小明');

    await page.getByTestId('child-intervene').click();
    await page.getByTestId('field-summary').fill('排查发现留守儿童遭受打骂，已联系派出所和学校');
    await submitModal(page);
    await page.getByTestId('child-pair').click();
    await page.getByTestId('field-helperName').fill('赵桂兰');
    await page.getByTestId('field-commitment').fill('每月上门走访一次');
    await submitModal(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="children-table"] [data-testid="step-done"]').length === 2);
    await screenshot(page, 'screening-township');

    await page.getByRole('button', { name: '返回进度' }).click();
    await page.getByTestId('record-林甸镇妇联').waitFor();
    // 乡镇, 发现, 高, 中, 低, 已干预, 已结对, 超期, 状态
    expect((await progressRow(page, '林甸镇妇联')).slice(0, 9)).toEqual(['林甸镇妇联', '1', '1', '0', '0', '1', '1', '0', '进行中']);
    expect((await progressRow(page, '合计')).slice(0, 8)).toEqual(['合计', '1', '1', '0', '0', '1', '1', '0']);
    await screenshot(page, 'screening-progress');
    await page.close();
  });
});
