import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from './browser';
import { startDemoServer } from './server';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a report figure opens its records', () => {
  it('follows /metrics?code=…&org=…&from=…&to= to the records the figure counts', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('fl');
    await page.getByTestId('login-password').fill(server.users.get('fl') as string);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-people').waitFor();
    const code = encodeURIComponent('loans.amount');
    await page.goto(`${server.url}/metrics?code=${code}&org=LD-FL&from=2026-01-01&to=2026-12-31`);
    const drawer = page.getByTestId('metric-records');
    await drawer.waitFor();
    await drawer.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await drawer.textContent()).toContain('贷款');
    await screenshot(page, 'metric-records');
    await page.close();
  });
});
