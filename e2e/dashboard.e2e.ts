import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatChineseDate, shanghaiDate } from '../src/domain/dates';
import { browserClock, screenshot } from './browser';
import { closeDemo, type DemoServer, openDemo, signIn } from './server';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});
afterAll(() => closeDemo(server, browser));

async function login(page: Page, username: string) {
  await signIn(page, server, username, 'nav-dashboard');
}

async function recordsListed(page: Page) {
  const drawer = page.getByTestId('metric-records');
  await drawer.waitFor();
  await drawer.locator('tbody tr.ant-table-row').first().waitFor();
  return drawer.locator('tbody tr.ant-table-row').count();
}

describe('领导驾驶舱 in Chromium', () => {
  it('shows the county to the leader; a figure and a chart bar open the records they count', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await login(page, 'leader');
    // the browser's clock may be set years away (E2E_BROWSER_CLOCK): the pages still use the server's day
    const skew = browserClock();
    if (skew) expect(Math.abs((await page.evaluate(() => Date.now())) - skew.getTime())).toBeLessThan(3_600_000);
    await page.getByText(`今天是 ${formatChineseDate(shanghaiDate(server.t.clock.now()))}`).waitFor({ timeout: 10_000 });
    await page.getByTestId('nav-dashboard').first().click();
    const dash = page.getByTestId('dashboard');
    await dash.waitFor();
    expect(await dash.getAttribute('data-unit')).toBe('LD');
    expect(await page.getByTestId('dashboard-org').count()).toBe(6);
    const women = page.locator('[data-testid="dashboard-org"][data-code="LD-FL"]');
    expect(await women.textContent()).toContain('8,736');
    expect(await page.getByTestId('dashboard-target').count()).toBeGreaterThan(0);
    await page.getByTestId('dashboard-townships').locator('canvas').first().waitFor();
    await screenshot(page, 'dashboard-county');

    // a card figure → the records page of loans.amount for 县妇联
    await women.locator('[data-testid="dashboard-figure"][data-code="loans.amount"]').click();
    await page.waitForURL(/\/metrics\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ code: 'loans.amount', org: 'LD-FL', from: '2026-01-01', to: '2026-12-31' });
    expect(await recordsListed(page)).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-figure-records');

    // a bar of the township comparison (乡镇妇联, 放款金额): the grid is fixed, so bar i sits at a known x
    await page.goBack();
    const canvas = page.getByTestId('dashboard-townships').locator('canvas').first();
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-charts');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no chart canvas');
    const grid = { left: 56, right: 16, bottom: 72 };
    const bars = 8;
    const i = 2; // 花园镇妇联 (LD-FL-T03)
    const x = box.x + grid.left + ((i + 0.5) * (box.width - grid.left - grid.right)) / bars;
    const y = box.y + box.height - grid.bottom - 6;
    await page.mouse.click(x, y);
    await page.waitForURL(/\/metrics\?/);
    const barUrl = new URL(page.url());
    expect(barUrl.searchParams.get('code')).toBe('loans.amount');
    expect(barUrl.searchParams.get('org')).toBe('LD-FL-T03');
    expect(await recordsListed(page)).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-bar-records');
    await page.close();
  });

  it('opens one organization from its card, and is usable on a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await signIn(page, server, 'leader');
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('dashboard').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'dashboard-phone');
    await page.locator('[data-testid="dashboard-org"][data-code="LD-ZGH"] .ant-card-head-title a').click();
    await page.waitForURL(/\/dashboard\/[^/]+$/);
    await page.locator('[data-testid="dashboard"][data-unit="LD-ZGH"]').waitFor();
    expect(await page.getByTestId('dashboard-org').count()).toBe(1);
    expect(await page.getByTestId('completeness-this').textContent()).toContain('无记录');
    expect(await page.getByTestId('completeness-rule').textContent()).toContain('按记录本身的日期统计');
    await screenshot(page, 'dashboard-org-phone');
    await page.close();
  });
});
