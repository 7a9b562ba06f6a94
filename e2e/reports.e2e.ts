import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFigure } from '../src/domain/report/figures';
import { computeMetric } from '../src/server/modules/metrics/metrics.service';
import { pickTreeNode, screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

// the demo county is seeded for 2026; the server's clock says 2026-06-15
let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await signIn(page, server, 'fl', 'nav-reports');
});
afterAll(() => closeDemo(server, browser));

const withTypo = '# {{org.name}}{{year}}年工作总结\n一、{{year}}年工作回顾\n（一）致富兴家。全年为妇女发放贷款{{loans.amout | fmt=wan}}万元。';

describe('the 妇联 writes its own report template and generates the report', () => {
  let figure: string;

  it('shows an unknown metric as an error with its line, then the figure once fixed, and saves version 1', async () => {
    const m = await computeMetric(server.t.sys, { code: 'loans.amount', org: 'LD-FL', from: '2026-01-01', to: '2026-12-31' });
    figure = formatFigure(m.value, m.unit, { fmt: 'wan' });
    expect(m.value).toBeGreaterThan(0);

    await page.getByTestId('nav-reports').click();
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-name').fill('县妇联年度工作总结');
    await page.getByTestId('template-body').fill(withTypo);
    const issues = page.getByTestId('template-issues');
    await issues.waitFor();
    const text = await issues.textContent();
    expect(text).toContain('第 3 行');
    expect(text).toContain('未知的指标代码“loans.amout”');
    expect(await page.getByTestId('template-bad-line').allTextContents()).toEqual(['3']);
    await screenshot(page, 'report-template-error');

    await page.getByTestId('template-body').fill(withTypo.replace('loans.amout', 'loans.amount'));
    const preview = page.getByTestId('report-preview');
    await preview.locator('a.fig').first().waitFor();
    expect(await preview.locator('a.fig').first().textContent()).toBe(figure);
    expect(await preview.textContent()).toContain(`全年为妇女发放贷款${figure}万元`);
    expect(await preview.textContent()).toContain('林甸县妇联2026年工作总结');
    await screenshot(page, 'report-template-preview');

    await page.getByTestId('template-save').click();
    await page.waitForURL(/\/reports\/templates\/[0-9a-f-]{36}$/);
    await page.getByTestId('template-versions').getByText('第 1 版（当前）').waitFor();
  });

  it('generates the Word report from the stored template: a docx whose document.xml holds the figure', async () => {
    await page.goto(`${server.url}/reports?year=2026`);
    await page.getByTestId('report-docx').waitFor();
    await page.getByTestId('report-effective-template').getByText('县妇联年度工作总结').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(download.suggestedFilename()).toBe('2026年年度工作报告（林甸县妇联）.docx');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    expect(xml).toContain(`>${figure}<`);
    expect(xml).toContain('全年为妇女发放贷款');
    await screenshot(page, 'reports-page');
  });

  it('lists the year\'s targets with progress against 序时进度, and an actual opens its records', async () => {
    await page.goto(`${server.url}/targets?year=2026`);
    await page.getByTestId('target-progress').first().waitFor();
    expect(await page.getByTestId('target-progress').count()).toBeGreaterThan(0);
    const tags = await page.getByTestId('target-status').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(['超前', '正常', '滞后', '已完成', '未完成']).toContain(t);
    expect(await page.getByText('序时进度').first().isVisible()).toBe(true);
    await screenshot(page, 'targets-page');

    // a new target, the metric picked from the catalogue; then 分解下达 to a township, rolled up under it
    await page.getByTestId('target-new').click();
    await page.getByTestId('metric-select').click();
    await page.keyboard.type('assistance.beneficiaries');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'assistance.beneficiaries' }).first().click();
    await page.getByTestId('target-value').fill('400');
    await page.getByTestId('target-title').fill('帮扶困难妇女400名');
    await page.getByTestId('modal-submit').click();
    const row = page.locator('tr', { hasText: '帮扶困难妇女400名' });
    await row.waitFor();
    await row.getByText('分解下达').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('分解下达：帮扶困难妇女400名').waitFor();
    await pickTreeNode(page, dialog.locator('.ant-select').first(), '林甸镇妇联');
    await dialog.getByPlaceholder('目标值').fill('150');
    await dialog.getByTestId('modal-submit').click();
    await page.getByText('分解合计 150名，比目标少 250名').waitFor();
    await row.getByTestId('target-rollup').waitFor();
    expect(await row.getByTestId('target-rollup').textContent()).toContain('目标 150名');
    // the part appears unfolded under its target, with its own live actual
    await page.locator('tr', { hasText: '林甸镇妇联' }).filter({ hasText: '不少于150名' }).getByTestId('target-progress').waitFor();
    await screenshot(page, 'targets-split');
    await page.getByTestId('target-actual').first().click();
    await page.waitForURL(/\/metrics\?code=/);
    await page.getByTestId('metric-records').locator('tbody tr.ant-table-row').first().waitFor();
  });
});
