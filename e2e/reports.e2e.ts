import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickTreeNode, screenshot } from './browser';
import { deleteReportTemplate } from '../src/server/modules/reports/reports.templates.service';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

// the demo county is seeded for 2026; the server's clock says 2026-06-15. Expected figures are the
// seed's own words (docs seed-figures.md), never recomputed with the server's code.
const seed = { loansWan: '8736', borrowers: '1266', trainingSessions: '126', trainedWomen: '6100', pairs: '1248', chunlei: '377', mediations: '26', studios: '100', petitions: '47' };
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

async function wordText(bytes: Buffer): Promise<string> {
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

describe('县妇联 gets its Word report without writing a template', () => {
  it('downloads the default 妇联 annual report with the seed\'s figures', async () => {
    await page.goto(`${server.url}/reports?year=2026`);
    await page.getByTestId('report-effective-template').getByText('默认模板“妇联年度工作总结”').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(download.suggestedFilename()).toBe('2026年年度工作报告（林甸县妇联）.docx');
    const text = await wordText(readFileSync(await download.path()));
    expect(text).toContain('林甸县妇联2026年工作总结');
    expect(text).toContain(`开展各类技能培训${seed.trainingSessions}期，培训妇女${seed.trainedWomen}人；为${seed.borrowers}名城乡妇女发放创业贷款${seed.loansWan}万元`);
    expect(text).toContain(`结成帮扶对子${seed.pairs}对`);
    expect(text).toContain(`救助贫困女童、女大学生${seed.chunlei}名`);
    expect(text).toContain(`等案件${seed.mediations}起`);
    expect(text).toContain(`建立信访代理工作室${seed.studios}个，成功化解妇女信访案件${seed.petitions}起`);
    expect(text).toContain('附：数据来源');
    expect(text).not.toMatch(/XX/);
  });

  it('says in Chinese when a unit has no report template, and offers no file', async () => {
    await pickTreeNode(page, page.getByTestId('report-org').locator('.ant-select'), '林甸县直机关妇工委');
    const warning = page.getByTestId('report-no-template');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('暂无适用于“林甸县直机关妇工委”的年度报告模板');
    expect(await page.getByTestId('report-docx').isDisabled()).toBe(true);
  });
});

describe('the 妇联 writes its own report template and generates the report', () => {
  const figure = seed.loansWan;

  it('shows an unknown metric as an error with its line, then the figure once fixed, and saves version 1', async () => {
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
    const text = await wordText(readFileSync(await download.path()));
    expect(text).toContain(`全年为妇女发放贷款${figure}万元`);
    await screenshot(page, 'reports-page');
  });

  it('shows the server\'s Chinese error when the Word file cannot be made, and saves nothing', async () => {
    await page.goto(`${server.url}/reports?year=2026`);
    await page.getByTestId('report-template').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '县妇联年度工作总结' }).first().click();
    // someone deletes the chosen template meanwhile
    const row = await server.t.sys.db.selectFrom('report_templates').select('id').where('name', '=', '县妇联年度工作总结').where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    await deleteReportTemplate(server.t.sys, row.id);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('report-docx').click();
    const error = page.getByTestId('report-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('未能生成报告：报告模板不存在或无权访问');
    expect(downloads).toBe(0);
  });

  it('lists the year\'s targets with progress against 序时进度, and an actual opens its records', async () => {
    await page.goto(`${server.url}/targets?year=2026`);
    await page.getByTestId('target-progress').first().waitFor().catch(async (e: unknown) => {
      await screenshot(page, 'targets-page-failed');
      throw e;
    });
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

describe('the report page and the template help on a desktop and a phone', () => {
  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    it(`reads in Chinese at ${width}×${height}`, async () => {
      const p = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
      try {
        await signIn(p, server, 'fl');
        await p.goto(`${server.url}/reports?year=2026`);
        await p.getByTestId('report-effective-template').waitFor();
        await screenshot(p, `reports-page-${width}`);
        await p.goto(`${server.url}/reports/templates/new?year=2026`);
        const help = p.getByTestId('template-help');
        await help.scrollIntoViewIfNeeded();
        expect(await help.textContent()).toContain('@妇联');
        await screenshot(p, `template-help-${width}`);
        // 县妇联 has no 团委 below it: the sentence naming @团委 is left out, and the preview says why
        await p.getByTestId('template-body').fill('# {{org.name}}{{year}}年工作总结\n妇联培训妇女{{activities.participants{type=培训} | org=@妇联}}人。团委培训青年{{activities.participants{type=培训} | org=@团委}}人次。');
        const omitted = p.getByTestId('report-omitted');
        await omitted.waitFor();
        expect(await omitted.textContent()).toContain('第 2 行：“团委培训青年…人次。”——“林甸县妇联”及其下级单位中没有团委');
        expect(await p.getByTestId('report-preview').textContent()).toContain(`妇联培训妇女${seed.trainedWomen}人。`);
        await omitted.scrollIntoViewIfNeeded();
        await screenshot(p, `template-omitted-${width}`);
      } finally {
        await p.close();
      }
    });
  }
});
